// What a person does, as steps: create a simul, join from a phone, make a move by tapping.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { devices } from '@playwright/test';

export async function createSimul(
  browser: Browser,
  opts: {
    title: string;
    boards: number;
    mode: 'async' | 'sync';
    drawRules?: 'automatic' | 'claimed';
    /** Clocks: minutes a game, seconds added a move, the host's extra minutes. */
    clock?: { minutes: number; increment: number; hostExtra: number };
    /** The server's address, when not the test server's (a cluster's HAProxy). */
    baseURL?: string;
  },
  /** More of the form to fill before creating (start positions, the rotation). */
  more?: (form: Page) => Promise<void>,
): Promise<{ context: BrowserContext; host: Page; simulId: string }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, ...(opts.baseURL ? { baseURL: opts.baseURL } : {}) });
  const host = await context.newPage();
  host.on('dialog', (d) => void d.accept());
  await host.goto('/');
  // The create page is a page load of its own: what is typed before React has its form is kept
  // (e2e/before-scripts.spec.ts), and its button works once React has it.
  await host.getByTestId('create-link').click();
  await host.getByTestId('title').fill(opts.title);
  await host.getByTestId('boards').fill(String(opts.boards));
  await host.getByTestId(`mode-${opts.mode}`).check();
  if (opts.drawRules) await host.getByTestId(`draws-${opts.drawRules}`).check();
  if (opts.clock) {
    await host.getByTestId('clocks').check();
    await host.getByTestId('clock-minutes').fill(String(opts.clock.minutes));
    await host.getByTestId('clock-increment').fill(String(opts.clock.increment));
    await host.getByTestId('clock-host-extra').fill(String(opts.clock.hostExtra));
  }
  if (more) await more(host);
  await host.getByTestId('create').click();
  await host.waitForURL(/\/host\/[a-z0-9]+$/);
  const simulId = host.url().split('/').pop()!;
  await expect(host.getByTestId('join-code')).toHaveText(/^\d{6}$/);
  // The host key never shows in the address bar.
  expect(host.url()).not.toMatch(/key=/);
  return { context, host, simulId };
}

/**
 * The join link the console shows, once it has one: the console learns the server's network
 * addresses after it opens, and shows no link until then (a link read sooner is empty).
 */
export async function joinLinkOf(host: Page): Promise<string> {
  const link = host.getByTestId('join-link');
  await expect(link).toHaveText(/^https?:\/\/\S+\/play\/[a-z0-9]+$/);
  return (await link.textContent())!;
}

/**
 * A student on a phone: opens the join link, types a name, takes the first free seat. `viewport`
 * overrides the phone's; `init` runs in the page before its own scripts (a test's counters).
 */
export async function joinFromPhone(
  browser: Browser,
  joinLink: string,
  name: string,
  { viewport, init }: { viewport?: { width: number; height: number }; init?: () => void } = {},
): Promise<Page> {
  const context = await browser.newContext({ ...devices['Pixel 7'], ...(viewport ? { viewport } : {}) });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
  await page.goto(joinLink);
  await page.getByTestId('name').fill(name);
  await page.getByTestId('join').click();
  await expect(page.getByTestId('my-board')).toBeVisible();
  return page;
}

/** Tap the piece, then tap its target square. */
export async function tapMove(page: Page, boardId: string, from: string, to: string): Promise<void> {
  await page.locator(`#${boardId}-square-${from}`).click();
  await page.locator(`#${boardId}-square-${to}`).click();
}

/**
 * Drag the piece to its target square: press, move there, release; with the mouse, or with a
 * finger (a phone's touch events, through the DevTools protocol: Playwright has no touch drag).
 */
export async function dragMove(page: Page, boardId: string, from: string, to: string, by: 'mouse' | 'finger' = 'mouse'): Promise<void> {
  const centre = async (square: string) => {
    const box = (await page.locator(`#${boardId}-square-${square}`).boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  const a = await centre(from);
  const b = await centre(to);
  if (by === 'mouse') {
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(b.x, b.y, { steps: 6 });
    await page.mouse.up();
    return;
  }
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', at: { x: number; y: number } | null) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: at ? [{ x: at.x, y: at.y }] : [] });
  await touch('touchStart', a);
  for (let i = 1; i <= 6; i++) await touch('touchMove', { x: a.x + ((b.x - a.x) * i) / 6, y: a.y + ((b.y - a.y) * i) / 6 });
  await touch('touchEnd', null);
  await cdp.detach();
}

/** The host focuses a board (a click on its mini board), waits for it, and moves there. */
export async function hostMove(host: Page, board: number, from: string, to: string): Promise<void> {
  await host.getByTestId(`mini-${board}`).click();
  await expect(host.getByTestId('focused-board')).toHaveAttribute('data-board', String(board));
  const fenBefore = await host.getByTestId(`host-board-${board}-container`).getAttribute('data-fen');
  await tapMove(host, `host-board-${board}`, from, to);
  await expect(host.getByTestId(`mini-${board}`)).not.toHaveAttribute('data-look', 'host-thinking');
  expect(fenBefore).not.toBeNull();
}

/** The opponent waits for its turn, then moves. */
export async function opponentMove(page: Page, from: string, to: string, how: 'tap' | 'drag' = 'tap'): Promise<void> {
  await expect(page.getByTestId('turn-banner')).toHaveText('Your move');
  const board = await page.getByTestId('my-board').textContent();
  if (how === 'tap') await tapMove(page, `play-board-${board}`, from, to);
  else await dragMove(page, `play-board-${board}`, from, to, 'finger');
  await expect(page.getByTestId('turn-banner')).not.toHaveText('Your move');
}

/** The serious and critical violations axe finds on the page as it is now (WCAG 2.1 A and AA). */
export async function seriousViolations(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** The text of the file a button (by its test id) downloads. */
export async function download(page: Page, testId: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return readFileSync(await file.path(), 'utf8');
}
