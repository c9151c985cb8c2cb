// The projector, as a class sees it on a wall: the join screen while students sit down, then
// every board on one screen that cannot scroll, at 40 and 100 boards, at 1920x1080 and 1280x720.
import { expect, test, type Page } from './test';
import { command, hello, join, type Seat } from '../server/testing/simul-fixture';
import { advanceClock, CLASS_NAMES, classroom, openConsole, playEveryState, SERVER } from './classroom';
import { shoot } from './screenshots';

const PROJECTORS = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
];

/** The page neither scrolls down nor sideways: everything is on the one screen. */
async function expectNoScrolling(page: Page): Promise<void> {
  const size = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    scrollHeight: document.documentElement.scrollHeight,
    width: window.innerWidth,
    height: window.innerHeight,
  }));
  expect(size.scrollWidth).toBe(size.width);
  expect(size.scrollHeight).toBe(size.height);
}

/** A test id's box lies inside the viewport. */
async function expectOnScreen(page: Page, testId: string): Promise<void> {
  const box = (await page.getByTestId(testId).first().boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height + 0.5);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width + 0.5);
}

/**
 * Every mini board's chip shows on one line, whole: its height is one line of its type, and its
 * words are not cut.
 */
async function expectChipsOnOneLine(page: Page): Promise<number> {
  const chips = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid^="chip-"]:not([data-testid^="chip-label-"])')].map((chip) => {
      const label = chip.querySelector<HTMLElement>('[data-testid^="chip-label-"]')!;
      return {
        id: chip.dataset.testid,
        text: chip.textContent,
        height: chip.getBoundingClientRect().height,
        fontSize: parseFloat(getComputedStyle(chip).fontSize),
        cut: label.scrollWidth > label.clientWidth,
        clipped: chip.getBoundingClientRect().bottom > chip.closest('[data-testid^="mini-"]')!.getBoundingClientRect().bottom + 0.5,
      };
    }),
  );
  expect(chips.length).toBeGreaterThan(0);
  for (const chip of chips) {
    // One line of leading-tight type with its padding is 1.45 em; two lines would be 2.7 em.
    expect(chip.height, `${chip.id} "${chip.text}" is ${chip.height}px at ${chip.fontSize}px type`).toBeLessThan(chip.fontSize * 1.6);
    expect(chip.cut, `${chip.id} "${chip.text}" is cut`).toBe(false);
    expect(chip.clipped, `${chip.id} "${chip.text}" is hidden by its board's frame`).toBe(false);
  }
  return chips.length;
}

test('projector lobby: the join screen a class reads from the back, names coming and going, no secret', async ({ browser }) => {
  const simul = await classroom({ boards: 32, seated: 0, title: 'Period 3 chess club' });
  // The teacher opens the projector in the console's own browser, which holds the host key.
  const context = await browser.newContext({ viewport: PROJECTORS[0] });
  await context.addInitScript(([id, key]) => window.localStorage.setItem(`async-simul:host:${id}`, key), [simul.simulId, simul.hostKey]);
  const projector = await context.newPage();
  const frames: string[] = [];
  projector.on('websocket', (ws) => {
    ws.on('framesent', ({ payload }) => void frames.push(String(payload)));
    ws.on('framereceived', ({ payload }) => void frames.push(String(payload)));
  });
  await projector.goto(`/watch/${simul.simulId}`);

  await expect(projector.getByTestId('projector-code')).toHaveText(`${simul.joinCode.slice(0, 3)}${simul.joinCode.slice(3)}`);
  await expect(projector.getByTestId('join-address')).toHaveText(new URL(SERVER).host);
  await expect(projector.getByTestId('projector-qr')).toBeVisible();
  await expect(projector.getByTestId('projector-seated')).toHaveText('0 seated');
  await expect(projector.getByTestId('projector-free')).toHaveText('32 seats free');
  // The code is large: a sixth of the screen's height or more.
  expect((await projector.getByTestId('projector-code').boundingBox())!.height).toBeGreaterThan(PROJECTORS[0].height / 7);

  // Thirty students sit down; their names appear as they do.
  const seats: Seat[] = [];
  for (const name of CLASS_NAMES) {
    const client = await simul.clients.connect();
    await hello(client, simul.simulId);
    seats.push(await join(client, name));
    if (seats.length === 1) await expect(projector.getByTestId('projector-name')).toHaveText(['Ada']);
  }
  await expect(projector.getByTestId('projector-name')).toHaveCount(30);
  await expect(projector.getByTestId('projector-seated')).toHaveText('30 seated');
  await expect(projector.getByTestId('projector-free')).toHaveText('2 seats free');
  for (const viewport of PROJECTORS) {
    await projector.setViewportSize(viewport);
    await expectNoScrolling(projector);
    await expectOnScreen(projector, 'projector-names');
    // Every name whole, each with its presence mark: none cut off by the list's edge.
    const cut = await projector.evaluate(() => {
      const list = document.querySelector('[data-testid="projector-names"]')!.getBoundingClientRect();
      return [...document.querySelectorAll('[data-testid="projector-name"]')].filter((n) => n.getBoundingClientRect().bottom > list.bottom + 0.5).map((n) => n.textContent);
    });
    expect(cut, `${viewport.width}x${viewport.height}`).toEqual([]);
    await shoot(projector, `projector-lobby-${viewport.width}`, { docs: viewport.width === 1920 ? 'projector-lobby' : undefined });
  }

  // The host frees a seat: the name leaves.
  await command(simul.host, { type: 'free-seat', board: seats[2].board });
  await expect(projector.getByTestId('projector-name')).toHaveCount(29);
  await expect(projector.getByText('Chidi', { exact: true })).toHaveCount(0);
  await expect(projector.getByTestId('projector-free')).toHaveText('3 seats free');

  // The host starts: the join screen becomes the game view.
  await command(simul.host, { type: 'start' });
  await expect(projector.getByTestId('projector-lobby')).toHaveCount(0);
  await expect(projector.getByTestId('followed-board')).toContainText('Host at board 1');

  // What reached the projector: the join code, never the host key nor a seat token.
  const traffic = frames.join('\n');
  expect(traffic).toContain(simul.joinCode);
  expect(traffic).not.toContain(simul.hostKey);
  for (const seat of seats) expect(traffic).not.toContain(seat.seatToken);
  simul.clients.closeAll();
});

for (const boards of [40, 100]) {
  test(`projector at ${boards} boards: one screen, no scrolling, at 1920x1080 and 1280x720`, async ({ browser }) => {
    const simul = await classroom({ boards, seated: boards, start: true });
    await playEveryState(simul);
    await advanceClock(65);
    const context = await browser.newContext({ viewport: PROJECTORS[0] });
    const projector = await context.newPage();
    await projector.goto(`/watch/${simul.simulId}`);
    await expect(projector.getByTestId('followed-board')).toContainText('Host at board 1');
    const someBoard = projector.locator('[data-testid^="mini-"]').first();
    await expect(someBoard).toBeVisible();
    // Waits over a minute: the longest words beside a chip.
    await expect(projector.getByTestId('projector-boards')).toContainText('1 min');
    for (const viewport of PROJECTORS) {
      await projector.setViewportSize(viewport);
      await expect(someBoard).toBeVisible();
      await expectNoScrolling(projector);
      for (const id of ['followed-board', 'projector-headline', 'projector-boards', 'projector-timeline']) await expectOnScreen(projector, id);
      // Every mini board shown lies on the screen, and they are all shown, at once or a page at a time.
      const grid = await projector.evaluate(() => {
        const boxes = [...document.querySelectorAll('[data-testid^="mini-"]')].map((el) => el.getBoundingClientRect());
        return {
          pages: Number(document.querySelector('[data-testid="projector-boards"]')!.getAttribute('data-pages')),
          perPage: Number(document.querySelector('[data-testid="projector-boards"]')!.getAttribute('data-per-page')),
          page: document.querySelector('[data-testid="projector-page"]')?.textContent ?? null,
          shown: boxes.length,
          bottom: Math.max(...boxes.map((b) => b.bottom)),
          right: Math.max(...boxes.map((b) => b.right)),
        };
      });
      expect(grid.perPage * grid.pages).toBeGreaterThanOrEqual(boards);
      expect(grid.shown).toBeGreaterThan(0);
      expect(grid.shown).toBeLessThanOrEqual(grid.perPage);
      expect(grid.bottom).toBeLessThanOrEqual(viewport.height);
      expect(grid.right).toBeLessThanOrEqual(viewport.width);
      if (grid.pages > 1) expect(grid.page).toMatch(new RegExp(`^Boards \\d+–\\d+ of ${boards}$`));
      else expect(grid.shown).toBe(boards);
      // Forty boards all at once on a 1920x1080 projector.
      if (boards === 40 && viewport.width === 1920) expect(grid.pages).toBe(1);
      await expectChipsOnOneLine(projector);
      await shoot(projector, `projector-${boards}-boards-${viewport.width}`);
    }

    // The console at 1440 px: every chip on one line.
    if (boards === 40) {
      const { page: console1440 } = await openConsole(browser, simul);
      await expect(console1440.getByTestId('focused-board')).toHaveAttribute('data-board', '1');
      await expect(console1440.getByTestId('mini-40')).toBeAttached();
      // The boards past a screenful are drawn whole a moment later, when the page is idle.
      await expect(console1440.getByTestId('chip-40')).toBeAttached();
      const chips = await expectChipsOnOneLine(console1440);
      expect(chips).toBe(40);
      // The mini boards stay square in the grid that scrolls them.
      const sides = await console1440.evaluate(() =>
        [...document.querySelectorAll('[data-testid^="mini-"] [aria-label="board position"]')].map((b) => {
          const r = b.getBoundingClientRect();
          return Math.abs(r.width - r.height);
        }),
      );
      expect(sides).toHaveLength(40);
      expect(Math.max(...sides)).toBeLessThan(1);
      await shoot(console1440, 'host-console-40-boards-1440', { docs: 'console-40-boards' });
    }
    simul.clients.closeAll();
  });
}
