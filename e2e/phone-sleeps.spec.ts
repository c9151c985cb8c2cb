// The class as it really is, on the phone: a phone locked (its page frozen) or dropped by the
// school's wifi while its student waits, then woken. It catches up at once, without a reload:
// the server's clocks, the host's reply (with the chime), and a move made offline shown as not
// sent yet, then played exactly once. The phone's screen is the board (360x640), the rules sit
// behind a disclosure, a drill says its goal, and the screen is kept on where the browser allows.
import { expect, test, type Browser, type Page } from './test';
import { chromiumLaunchOptions } from './browser';
import { createSimul, hostMove, joinFromPhone, joinLinkOf, seriousViolations, tapMove } from './helpers';
import { freeze, goOffline } from './phone-life';

const PORT = Number(process.env.E2E_PORT ?? 3107);
const launch = chromiumLaunchOptions();
// school.test is the test server under a name the browser does not trust: plain http, no secure context.
test.use({ launchOptions: { ...launch, args: [...(launch.args ?? []), '--host-resolver-rules=MAP school.test 127.0.0.1'] } });
/** Coming back shows the right state within this (the bound; a poll, not a benchmark). */
const BACK_WITHIN = { timeout: 2000 };

async function advance(seconds: number): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${PORT}/__test/clock?advance=${seconds * 1000}`, { method: 'POST' });
  if (!res.ok) throw new Error(`clock: ${res.status}`);
}

/**
 * A student's phone at `viewport`, counting what the tests read back: each chime played, and
 * each WebSocket the page opens, marked when it was opened while the browser's 'online' event
 * was being handled (the page reconnecting because the browser said so, not on a retry timer).
 */
function phone(browser: Browser, joinLink: string, name: string, viewport = { width: 360, height: 640 }): Promise<Page> {
  return joinFromPhone(browser, joinLink, name, { viewport, init: countChimesAndSockets });
}

/** In the page, before its own scripts: counts its chimes and the WebSockets it opens. */
function countChimesAndSockets(): void {
  const w = window as unknown as { chimes: number; sockets: { onOnline: boolean }[]; inOnline: boolean };
  w.chimes = 0;
  w.sockets = [];
  w.inOnline = false;
  HTMLMediaElement.prototype.play = function () {
    w.chimes++;
    return Promise.resolve();
  };
  // Registered before the app's own listener: set while the app handles the event.
  window.addEventListener('online', () => {
    w.inOnline = true;
    setTimeout(() => (w.inOnline = false), 0);
  });
  const Native = window.WebSocket;
  window.WebSocket = new Proxy(Native, {
    construct(target, args: ConstructorParameters<typeof WebSocket>) {
      w.sockets.push({ onOnline: w.inOnline });
      return new target(...args);
    },
  });
}

/** Notes in the report how long a phone took to show what it should, from `since` (polled: an upper bound). */
function measured(what: string, since: number): void {
  test.info().annotations.push({ type: 'measured', description: `${what}: ${Date.now() - since} ms` });
  console.log(`measured: ${what}: ${Date.now() - since} ms`);
}

test('a phone frozen for a minute, and one offline that moved meanwhile, each catch up at once when they come back', async ({ browser }) => {
  const { host } = await createSimul(browser, { title: 'Period 3', boards: 2, mode: 'async', clock: { minutes: 5, increment: 0, hostExtra: 0 } });
  const joinLink = await joinLinkOf(host);
  const ada = await phone(browser, joinLink, 'Ada');
  const bo = await phone(browser, joinLink, 'Bo');
  await host.getByTestId('start').click();
  await expect(host.getByTestId('focused-board')).toHaveAttribute('data-board', '1');
  await hostMove(host, 1, 'e2', 'e4');
  await tapMove(ada, 'play-board-1', 'e7', 'e5');
  await expect(ada.getByTestId('turn-banner')).not.toHaveText('Your move');
  await ada.getByTestId('turn-alerts').check();
  // Board 1 awaits the host: its clock runs.
  await expect(ada.getByTestId('clock-host-1')).toHaveAttribute('data-running', 'true');

  // Ada's phone locks: its page is frozen while a minute passes on the server's clock.
  let frozen = await freeze(ada);
  await advance(60);
  let woken = Date.now();
  await frozen.thaw();
  // Woken, it shows the host's clock as the server has it (a minute gone), not as it was.
  await expect(ada.getByTestId('clock-host-1')).toHaveText(/^(4:00|3:5\d)$/, BACK_WITHIN);
  measured('frozen 60 s, then the server’s clock shown', woken);

  // Frozen again, the host replies meanwhile: woken, the phone shows the move, says it is the
  // student's move, and chimes.
  frozen = await freeze(ada);
  await hostMove(host, 1, 'g1', 'f3');
  woken = Date.now();
  await frozen.thaw();
  await expect(ada.getByTestId('turn-banner')).toHaveText('Your move', BACK_WITHIN);
  await expect(ada.getByTestId('play-board-1-container')).toHaveAttribute('data-fen', /^rnbqkbnr\/pppp1ppp\/8\/4p3\/4P3\/5N2\//, BACK_WITHIN);
  await expect.poll(() => ada.evaluate(() => (window as unknown as { chimes: number }).chimes), BACK_WITHIN).toBe(1);
  measured('frozen while the host replied, then the move, banner and chime', woken);

  // Bo's phone loses the wifi while it is Bo's move.
  await hostMove(host, 2, 'd2', 'd4');
  await expect(bo.getByTestId('turn-banner')).toHaveText('Your move');
  const network = await goOffline(bo);
  // Not connected: said, instead of a banner that may be out of date.
  await expect(bo.getByTestId('turn-banner')).toHaveAttribute('data-offline', 'true');
  await expect(bo.getByTestId('turn-banner')).toHaveText(/Not connected/);
  expect(await seriousViolations(bo, 'phone, offline')).toEqual([]);
  // Bo moves anyway: on the board, and said to be not sent yet.
  await tapMove(bo, 'play-board-2', 'd7', 'd5');
  await expect(bo.getByTestId('not-sent')).toHaveText('Your move d7–d5: not sent yet');
  // Still the whole board on the first screen, with the notice and the offline banner.
  for (const id of ['turn-banner', 'not-sent', 'clock-opponent-2', 'play-board-2-container']) {
    const box = (await bo.getByTestId(id).boundingBox())!;
    expect(box.y + box.height, id).toBeLessThanOrEqual(640);
  }
  await advance(120);
  const opened = await bo.evaluate(() => (window as unknown as { sockets: unknown[] }).sockets.length);

  // Back online: the phone reconnects as the browser says so, sends the move once, shows it played.
  const online = Date.now();
  await network.back();
  await expect(bo.getByTestId('not-sent')).toHaveCount(0, BACK_WITHIN);
  await expect(bo.getByTestId('turn-banner')).not.toHaveAttribute('data-offline', 'true', BACK_WITHIN);
  await expect(bo.getByTestId('turn-banner')).toHaveText(/host/i, BACK_WITHIN);
  // Its clock stopped when the server had the move: two minutes after it was made.
  await expect(bo.getByTestId('clock-opponent-2')).toHaveText('3:00', BACK_WITHIN);
  measured('offline 2 min after moving, then the move played and shown', online);
  const sockets = await bo.evaluate(() => (window as unknown as { sockets: { onOnline: boolean }[] }).sockets);
  expect(sockets.slice(opened).some((s) => s.onOnline)).toBe(true);
  // Played once: the host's board has it, and nothing was refused (a second copy would be).
  const afterD5 = /^rnbqkbnr\/ppp1pppp\/8\/3p4\/3P4\/8\/PPP1PPPP\/RNBQKBNR w /;
  await host.getByTestId('mini-2').click();
  await expect(host.getByTestId('host-board-2-container')).toHaveAttribute('data-fen', afterD5);
  await expect(bo.getByTestId('play-board-2-container')).toHaveAttribute('data-fen', afterD5);
  await expect(bo.getByTestId('refusal')).toHaveCount(0);
});

test('the phone’s screen is the board: banner, clocks and board in view at 360x640, the rules behind a disclosure, the drill’s goal', async ({ browser }) => {
  const { host, simulId } = await createSimul(
    browser,
    { title: 'Lucena drill for the whole class', boards: 2, mode: 'async', clock: { minutes: 10, increment: 5, hostExtra: 2 } },
    async (form) => {
      await form.getByTestId('start-position-choice').selectOption('lucena');
    },
  );
  const joinLink = await joinLinkOf(host);
  const ada = await phone(browser, joinLink, 'Alejandra');
  await expect(ada.getByTestId('drill-goal')).toHaveText('White to win');
  const projector = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await projector.goto(`/watch/${simulId}`);
  await host.getByTestId('start').click();
  await expect(projector.getByTestId('drill-goal')).toHaveText('White to win');
  // The students' clocks beside the host's on the projector's mini boards.
  await expect(projector.getByTestId('opponent-clock-mini-1')).toHaveText('10:00');
  await expect(projector.getByTestId('host-clock-mini-1')).toBeVisible();
  await hostMove(host, 1, 'c1', 'd1');
  await expect(ada.getByTestId('turn-banner')).toHaveText('Your move');
  // The projector says it with the settings, and beside the board the host is at.
  await expect(projector.getByTestId('goal-setting')).toHaveText(' · White to win');
  await expect(projector.getByTestId('simul-settings')).toBeVisible();

  // Everything a move needs is on the first screen, with nothing scrolled.
  expect(await ada.evaluate(() => window.scrollY)).toBe(0);
  for (const id of ['turn-banner', 'clock-host-1', 'clock-opponent-1', 'play-board-1-container']) {
    const box = (await ada.getByTestId(id).boundingBox())!;
    expect(box.y, id).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, id).toBeLessThanOrEqual(640);
    expect(box.x + box.width, id).toBeLessThanOrEqual(360);
  }
  // The rules are there, folded: opened, they say the clocks, draws, rotation and start.
  const rules = ada.getByTestId('rules');
  await expect(ada.getByTestId('simul-settings')).toBeHidden();
  await rules.locator('summary').click();
  await expect(ada.getByTestId('simul-settings')).toBeVisible();
  await expect(ada.getByTestId('simul-settings')).toContainText('Clocks: 10 min');
  await expect(ada.getByTestId('position-setting')).toContainText('Lucena');
  expect(await seriousViolations(ada, 'phone, rules open')).toEqual([]);

  // No page scrolls sideways at 320 px.
  await ada.setViewportSize({ width: 320, height: 640 });
  await projector.setViewportSize({ width: 320, height: 640 });
  for (const page of [ada, projector]) {
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), page.url()).toBeLessThanOrEqual(320);
  }
});

test.describe('on plain http (the school’s network address)', () => {
  test.use({ baseURL: `http://school.test:${PORT}` });

  test('the phone cannot keep the screen on: it says so once, in plain words', async ({ browser }) => {
    const { host } = await createSimul(browser, { title: 'LAN class', boards: 1, mode: 'async' });
    const joinLink = await joinLinkOf(host);
    const ada = await phone(browser, joinLink.replace(/^http:\/\/[^/]+/, `http://school.test:${PORT}`), 'Ada');
    expect(await ada.evaluate(() => window.isSecureContext)).toBe(false);
    await expect(ada.locator('main')).toHaveAttribute('data-wake-lock', 'unavailable');
    await expect(ada.getByTestId('screen-may-sleep')).toHaveText(/may turn its screen off while you wait.*wake it and it catches up/);
    expect(await seriousViolations(ada, 'phone, screen may sleep')).toEqual([]);
    await ada.getByTestId('screen-may-sleep-close').click();
    await expect(ada.getByTestId('screen-may-sleep')).toHaveCount(0);
    // Said once: not again on this phone.
    await ada.reload();
    await expect(ada.getByTestId('my-board')).toBeVisible();
    await host.getByTestId('start').click();
    await expect(ada.getByTestId('play-board-1-container')).toBeVisible();
    await expect(ada.getByTestId('screen-may-sleep')).toHaveCount(0);
  });
});
