// A teacher's first class period on the screens a school has: the console on a laptop (1440x900,
// 1366x768) with everything a playing host needs in view, the projector's end screen at
// 1920x1080 and 1280x720 with every result of 30 boards whole, and the join address the server
// offers, never localhost when the server has a network address.
import { spawn, type ChildProcess } from 'node:child_process';
import { networkInterfaces } from 'node:os';
import { expect, test, type Page } from './test';
import { command } from '../server/testing/simul-fixture';
import { CLASS_NAMES, classroom, openConsole, playEveryState } from './classroom';
import { shoot } from './screenshots';

const LAPTOPS = [
  { width: 1440, height: 900 },
  { width: 1366, height: 768 },
];
const PROJECTORS = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
];

/** The page is at its top and the element lies wholly inside the viewport. */
async function expectInView(page: Page, testId: string, what = testId): Promise<void> {
  const locator = page.getByTestId(testId).first();
  await expect(locator, what).toBeVisible();
  const box = (await locator.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(await page.evaluate(() => window.scrollY), 'the page has not scrolled').toBe(0);
  expect(box.y, `${what} starts on the screen`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${what} ends on the screen (${viewport.width}x${viewport.height})`).toBeLessThanOrEqual(viewport.height + 0.5);
  expect(box.x + box.width, `${what} is not cut on the right`).toBeLessThanOrEqual(viewport.width + 0.5);
}

test('the console on a laptop: the board, the typed move, every action, the keys and the headline in view', async ({ browser }) => {
  const simul = await classroom({ boards: 8, seated: 8, start: true, names: CLASS_NAMES.slice(0, 8) });
  await playEveryState(simul);
  for (const viewport of LAPTOPS) {
    const { context, page } = await openConsole(browser, simul, viewport);
    await expect(page.getByTestId('focused-board')).toHaveAttribute('data-board', '1');
    await expect(page.getByTestId('headline-host-busy')).toBeVisible();
    await expectInView(page, 'host-board-1-container', 'the big board');
    await expectInView(page, 'typed-move', 'the typed-move field');
    // The board's actions beside it; End simul in the console's header, there whatever board is shown.
    for (const name of ['Offer a draw', 'Resign', 'Abort game', 'End simul']) {
      const button = name === 'End simul' ? page.getByTestId('end-simul') : page.getByTestId('board-actions').getByRole('button', { name, exact: true });
      await expect(button).toBeVisible();
      const box = (await button.boundingBox())!;
      expect(box.y + box.height, `${name} at ${viewport.width}x${viewport.height}`).toBeLessThanOrEqual(viewport.height);
    }
    await expectInView(page, 'keyboard-help', 'the keyboard help');
    await expectInView(page, 'console-headline', "the dashboard's headline");
    // The board is still a board to play on, not a thumbnail.
    const board = (await page.getByTestId('host-board-1-container').boundingBox())!;
    expect(board.width).toBeGreaterThan(300);
    // No sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    // The counts say it in words: "1 opponent thinking", never "1 opponents".
    await expect(page.getByTestId('board-counts')).toHaveText(/^\d+ awaiting you · \d+ opponents? thinking$/);
    await expect(page.getByTestId('board-counts')).not.toHaveText(/\b1 opponents\b/);
    await shoot(page, `console-laptop-${viewport.width}x${viewport.height}`, { fullPage: false });
    await context.close();
  }
  simul.clients.closeAll();
});

test('the projector end screen: every result of 30 boards at once, no column cut, no word alone on a line', async ({ browser }) => {
  const simul = await classroom({ boards: 30, seated: 30, start: true, names: CLASS_NAMES });
  await playEveryState(simul);
  await command(simul.host, { type: 'end-simul' });
  const context = await browser.newContext({ viewport: PROJECTORS[0] });
  const projector = await context.newPage();
  await projector.goto(`/watch/${simul.simulId}`);
  await expect(projector.getByTestId('end-screen')).toBeVisible();
  for (const viewport of PROJECTORS) {
    await projector.setViewportSize(viewport);
    await expect(projector.locator('[data-testid^="result-row-"]')).toHaveCount(30);
    // Let the type settle to the new size (it shrinks only if a table is wider than its column).
    await expect
      .poll(() => projector.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-testid="projector-results"] [role="region"]')].every((r) => r.scrollWidth <= r.clientWidth + 0.5)))
      .toBe(true);
    const layout = await projector.evaluate(() => {
      const rows = [...document.querySelectorAll<HTMLElement>('[data-testid^="result-row-"]')];
      const cells = [...document.querySelectorAll<HTMLElement>('[data-testid="projector-results"] :is(th, td)')];
      return {
        scrollHeight: document.documentElement.scrollHeight,
        scrollWidth: document.documentElement.scrollWidth,
        bottom: Math.max(...rows.map((r) => r.getBoundingClientRect().bottom)),
        right: Math.max(...rows.map((r) => r.getBoundingClientRect().right)),
        cut: cells.filter((c) => c.scrollWidth > c.clientWidth + 0.5).map((c) => c.textContent),
        // A row of one line is under two lines of its type tall.
        tall: rows
          .filter((r) => r.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(r).fontSize) * 1.2)
          .map((r) => r.textContent),
        font: parseFloat(getComputedStyle(rows[0]).fontSize),
        moves: [...document.querySelectorAll('[data-testid="projector-results"] th')].filter((th) => th.textContent === 'Moves').length,
      };
    });
    expect(layout.scrollHeight, 'the end screen does not scroll').toBe(viewport.height);
    expect(layout.scrollWidth).toBe(viewport.width);
    expect(layout.bottom).toBeLessThanOrEqual(viewport.height);
    expect(layout.right).toBeLessThanOrEqual(viewport.width);
    expect(layout.cut, 'no cell is cut').toEqual([]);
    expect(layout.tall, 'every row on one line').toEqual([]);
    expect(layout.moves, 'the Moves column is whole in every table').toBeGreaterThan(0);
    // Readable from the back: no smaller than a phone's body text at 1280x720.
    expect(layout.font).toBeGreaterThanOrEqual(viewport.width >= 1920 ? 16 : 12);
    await expect(projector.getByText('the simul was ended early').first()).toBeVisible();
    await shoot(projector, `projector-end-30-${viewport.width}`, { fullPage: false });
  }
  await context.close();
  simul.clients.closeAll();
});

/** This machine's first network address a phone could open, if it has one. */
function networkAddress(): string | null {
  const infos = Object.values(networkInterfaces()).flatMap((i) => i ?? []);
  return infos.find((i) => i.family === 'IPv4' && !i.internal)?.address ?? null;
}

/**
 * The server started as the README says (every interface), on a free port, with its own store:
 * its start-up line names the port.
 */
async function startOnEveryInterface(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, NODE_ENV: 'production', HOST: '0.0.0.0', PORT: '0', SIMUL_STORE: 'memory', SIMUL_PUBLIC_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /ready on http:\/\/localhost:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
  });
  return { child, port };
}

test('a console opened at localhost shows the network address, warns, and the projector never says localhost', async ({ browser }) => {
  const lan = networkAddress();
  test.skip(lan === null, 'this machine has no network address');
  const { child, port } = await startOnEveryInterface();
  try {
    const context = await browser.newContext({ viewport: LAPTOPS[0] });
    const host = await context.newPage();
    host.on('dialog', (d) => void d.accept());
    // The teacher opens the address the README suggests.
    await host.goto(`http://localhost:${port}/`);
    await host.getByTestId('create-link').click();
    await host.getByTestId('title').fill('Period 1');
    await host.getByTestId('boards').fill('4');
    await host.getByTestId('create').click();
    await host.waitForURL(/\/host\/[a-z0-9]+$/);
    const simulId = host.url().split('/').pop()!;
    const expected = `${lan}:${port}`;
    await expect(host.getByTestId('join-address')).toHaveText(expected);
    await expect(host.getByTestId('join-link')).toHaveText(`http://${expected}/play/${simulId}`);
    await expect(host.getByTestId('join-address-warning')).toContainText('localhost');
    await expect(host.getByTestId('join-address-warning')).toContainText(expected);
    await shoot(host, 'console-lobby-at-localhost', { fullPage: false });

    // The projector, opened from the console at localhost too.
    const projector = await context.newPage();
    await projector.setViewportSize(PROJECTORS[0]);
    await projector.goto(`http://localhost:${port}/watch/${simulId}`);
    await expect(projector.getByTestId('join-address')).toHaveText(expected);
    await expect(projector.getByTestId('projector-qr')).toBeVisible();
    expect(await projector.getByTestId('projector-lobby').textContent()).not.toMatch(/localhost|127\.0\.0\.1/);
    await shoot(projector, 'projector-lobby-network-address', { fullPage: false });

    // A phone follows the link shown: it reaches the simul at the network address.
    const phone = await browser.newPage();
    await phone.goto(`http://${expected}/play/${simulId}`);
    await phone.getByTestId('name').fill('Ada');
    await phone.getByTestId('join').click();
    await expect(phone.getByTestId('my-board')).toBeVisible();
    await expect(projector.getByTestId('projector-name')).toHaveText(['Ada']);

    // Started, joining still open: the projector keeps the address and the code in a corner.
    await host.getByTestId('start').click();
    await expect(projector.getByTestId('join-corner')).toBeVisible();
    await expect(projector.getByTestId('corner-address')).toHaveText(expected);
    await expect(projector.getByTestId('corner-qr')).toBeVisible();
    await host.getByTestId('toggle-joining').click();
    await expect(projector.getByTestId('join-corner')).toHaveCount(0);
    await context.close();
    await phone.close();
  } finally {
    child.kill('SIGTERM');
  }
});
