// The review's scrubber on a short simul on controlled time: dragged to three moments it shows
// each board's position, where the host was, the ready queue and the figures then, and the
// program view lights the lines the boards' tasks stand at. The page fits a 320 px phone and
// passes axe; the projector plays it back after the games.
import { expect, test, type Page } from './test';
import { Chess } from 'chess.js';
import { formatDuration, simulMetrics } from '../lib/metrics';
import { PROGRAMS } from '../lib/program/python';
import type { SimulEvent } from '../lib/simul/types';
import { createSimul, hostMove, joinFromPhone, opponentMove, seriousViolations, joinLinkOf } from './helpers';

/** A position's placement after a line of moves. */
function placement(...sans: string[]): string {
  const chess = new Chess();
  for (const san of sans) chess.move(san);
  return chess.fen().split(' ')[0];
}

/** Drags the slider's thumb from where it is to `seconds` after the start (of `total`). */
async function dragTo(page: Page, seconds: number, total: number): Promise<number> {
  const slider = page.getByTestId('scrub-slider');
  const box = (await slider.boundingBox())!;
  const at = Number(await page.getByTestId('scrub-at').getAttribute('data-at'));
  // The thumb's centre runs over the track less a thumb's width (about 16 px).
  const x = (s: number) => box.x + 8 + ((box.width - 16) * s) / total;
  const y = box.y + box.height / 2;
  await page.mouse.move(x(at / 1000), y);
  await page.mouse.down();
  await page.mouse.move(x(seconds), y, { steps: 8 });
  await page.mouse.up();
  return Number(await page.getByTestId('scrub-at').getAttribute('data-at'));
}

async function boardsShow(page: Page, boards: { n: number; placement: string; look: string }[]): Promise<void> {
  for (const b of boards) {
    const cell = page.getByTestId(`scrub-board-${b.n}`);
    await expect(cell).toHaveAttribute('data-look', b.look);
    expect((await cell.getAttribute('data-fen'))!.split(' ')[0], `board ${b.n}`).toBe(b.placement);
  }
}

const HOST_LINE = PROGRAMS.async.place['host-thinks'];
const AWAIT_LINE = PROGRAMS.async.place['awaits-opponent'];
const READY_LINE = PROGRAMS.async.place['awaits-host'];

test('review scrubber: three moments, their positions, queue, figures and program lines', async ({ browser, request }) => {
  const advance = async (seconds: number) => {
    const res = await request.post(`/__test/clock?advance=${seconds * 1000}`);
    expect(res.ok()).toBe(true);
  };
  const { host, simulId } = await createSimul(browser, { title: 'Scrubbed round', boards: 2, mode: 'async' });
  const joinLink = await joinLinkOf(host);
  const ada = await joinFromPhone(browser, joinLink, 'Ada');
  const bo = await joinFromPhone(browser, joinLink, 'Bo');
  await host.getByTestId('start').click();
  await expect(host.getByTestId('focused-board')).toBeVisible();
  // The console's program view, live: board 1 runs on the host, board 2 ready behind it.
  await expect(host.getByTestId('program-current')).toHaveAttribute('data-board', '1');
  await expect(host.getByTestId('program-ready')).toHaveAttribute('data-boards', '2');

  // 0-5 s both boards await the host; 10-30 both opponents think; 45-50 board 2 awaits the host.
  await advance(5);
  await hostMove(host, 1, 'e2', 'e4');
  await advance(5);
  await hostMove(host, 2, 'd2', 'd4');
  await advance(20);
  await opponentMove(ada, 'e7', 'e5');
  await advance(5);
  await hostMove(host, 1, 'g1', 'f3');
  await advance(10);
  await opponentMove(bo, 'd7', 'd5');
  await advance(5);
  await hostMove(host, 2, 'c2', 'c4');
  await advance(10);
  await ada.getByRole('button', { name: 'Resign' }).click();
  await advance(10);
  await bo.getByRole('button', { name: 'Resign' }).click();
  await expect(host.getByTestId('simul-finished')).toBeVisible();

  const viewer = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await viewer.goto(`/review/${simulId}`);
  await expect(viewer.getByTestId('scrubber')).toBeVisible();
  const [file] = await Promise.all([viewer.waitForEvent('download'), viewer.getByTestId('download-json').click()]);
  const log = JSON.parse(await (await import('node:fs')).promises.readFile((await file.path())!, 'utf8'));
  const events: SimulEvent[] = Array.isArray(log) ? log : log.events;
  const start = events.find((e) => e.type === 'simul-started')!.at;
  const total = (events.at(-1)!.at - start) / 1000;
  expect(total).toBe(70);
  // At the end, the whole simul's figures, as before.
  await expect(viewer.getByTestId('elapsed')).toHaveText(formatDuration(70_000));

  /** The figures shown equal the log's up to the moment dragged to. */
  const figuresAt = async (ms: number) => {
    const m = simulMetrics(events.filter((e) => e.at <= start + ms), start + ms)!;
    await expect(viewer.getByTestId('host-busy')).toHaveText(formatDuration(m.busy));
    await expect(viewer.getByTestId('host-idle')).toHaveText(formatDuration(m.idle));
  };

  // 1. At 2.5 s: nothing played; the host on board 1, board 2 ready in the queue.
  let at = await dragTo(viewer, 2.5, total);
  expect(at).toBeGreaterThan(0);
  expect(at).toBeLessThan(5_000);
  await boardsShow(viewer, [
    { n: 1, placement: placement(), look: 'host-thinking' },
    { n: 2, placement: placement(), look: 'awaiting-host' },
  ]);
  await expect(viewer.getByTestId('scrub-host-1')).toBeVisible();
  await expect(viewer.getByTestId('lens-ready')).toContainText('2');
  await expect(viewer.getByTestId('program-current')).toHaveAttribute('data-board', '1');
  await expect(viewer.getByTestId('program-ready')).toHaveAttribute('data-boards', '2');
  await expect(viewer.getByTestId(`program-line-${HOST_LINE}`)).toHaveAttribute('data-current', 'true');
  await expect(viewer.getByTestId(`program-line-${HOST_LINE}`)).toHaveAttribute('data-boards', '1');
  await expect(viewer.getByTestId(`program-line-${READY_LINE}`)).toHaveAttribute('data-boards', '2');
  await figuresAt(at);

  // 2. At 32.5 s: Ada has replied; the host is on board 1 again, Bo thinks.
  at = await dragTo(viewer, 32.5, total);
  expect(at).toBeGreaterThan(30_000);
  expect(at).toBeLessThan(35_000);
  await boardsShow(viewer, [
    { n: 1, placement: placement('e4', 'e5'), look: 'host-thinking' },
    { n: 2, placement: placement('d4'), look: 'opponent-thinking' },
  ]);
  await expect(viewer.getByTestId('program-current')).toHaveAttribute('data-board', '1');
  await expect(viewer.getByTestId('program-ready')).toHaveAttribute('data-boards', '');
  await expect(viewer.getByTestId('program-awaiting')).toHaveAttribute('data-boards', '2');
  await expect(viewer.getByTestId(`program-line-${HOST_LINE}`)).toHaveAttribute('data-boards', '1');
  await expect(viewer.getByTestId(`program-line-${AWAIT_LINE}`)).toHaveAttribute('data-boards', '2');
  await figuresAt(at);

  // 3. At 47.5 s (dragged back from the end): Bo has replied, the host is on board 2; Ada thinks.
  await viewer.getByTestId('scrub-end').click();
  at = await dragTo(viewer, 47.5, total);
  expect(at).toBeGreaterThan(45_000);
  expect(at).toBeLessThan(50_000);
  await boardsShow(viewer, [
    { n: 1, placement: placement('e4', 'e5', 'Nf3'), look: 'opponent-thinking' },
    { n: 2, placement: placement('d4', 'd5'), look: 'host-thinking' },
  ]);
  await expect(viewer.getByTestId('scrub-host-2')).toBeVisible();
  await expect(viewer.getByTestId('program-current')).toHaveAttribute('data-board', '2');
  await expect(viewer.getByTestId(`program-line-${HOST_LINE}`)).toHaveAttribute('data-boards', '2');
  await expect(viewer.getByTestId(`program-line-${AWAIT_LINE}`)).toHaveAttribute('data-boards', '1');
  await figuresAt(at);

  // A step to the next event: Bo's board gets the host's c4 at 50 s.
  await viewer.getByTestId('scrub-next').click();
  await expect(viewer.getByTestId('scrub-at')).toHaveAttribute('data-at', '50000');
  await boardsShow(viewer, [{ n: 2, placement: placement('d4', 'd5', 'c4'), look: 'opponent-thinking' }]);

  // Played back at 100x from the start, it reaches the end by itself.
  await viewer.getByTestId('scrub-speed').selectOption('100');
  await viewer.getByTestId('scrub-play').click();
  await expect(viewer.getByTestId('scrub-end')).toBeDisabled({ timeout: 10_000 });
  await expect(viewer.getByTestId('elapsed')).toHaveText(formatDuration(70_000));

  expect(await seriousViolations(viewer, 'review with the scrubber')).toEqual([]);
  await viewer.screenshot({ path: 'test-results/screenshots/review-scrubber.png', fullPage: true });

  // On a 320 px phone nothing scrolls sideways (the program's lines scroll in their own box).
  const phone = await (await browser.newContext({ viewport: { width: 320, height: 640 } })).newPage();
  await phone.goto(`/review/${simulId}`);
  await expect(phone.getByTestId('program-view')).toBeVisible();
  await dragTo(phone, 32.5, total);
  const scroll = await phone.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll.scrollWidth).toBe(scroll.width);
  expect(await seriousViolations(phone, 'review at 320 px')).toEqual([]);

  // The projector, after the games, plays it back.
  const projector = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await projector.goto(`/watch/${simulId}`);
  await projector.getByTestId('replay-open').click();
  await expect(projector.getByTestId('projector-replay')).toBeVisible();
  await dragTo(projector, 2.5, total);
  await expect(projector.getByTestId('program-current')).toHaveAttribute('data-board', '1');
  await expect(projector.getByTestId('scrub-board-2')).toHaveAttribute('data-look', 'awaiting-host');
  expect(await seriousViolations(projector, 'projector replay')).toEqual([]);
  await projector.getByTestId('replay-close').click();
  await expect(projector.getByTestId('replay-open')).toBeVisible();
});
