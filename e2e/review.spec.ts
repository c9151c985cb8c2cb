// A short simul on controlled time: the review page's figures equal those computed from
// the downloaded log, and the three downloads parse.
import { expect, test, type Page } from './test';
import { Chess } from 'chess.js';
import { formatDuration, formatPercent, formatSpeedUp, simulMetrics } from '../lib/metrics';
import type { SimulEvent } from '../lib/simul/types';
import { createSimul, download, hostMove, joinFromPhone, opponentMove, joinLinkOf } from './helpers';

test('review: figures from the log, and PGN, CSV and JSON downloads', async ({ browser, request }) => {
  const advance = async (seconds: number) => {
    const res = await request.post(`/__test/clock?advance=${seconds * 1000}`);
    expect(res.ok()).toBe(true);
  };
  const { host, simulId } = await createSimul(browser, { title: 'Timed round', boards: 2, mode: 'async' });
  const joinLink = await joinLinkOf(host);
  const ada = await joinFromPhone(browser, joinLink, 'Ada');
  const bo = await joinFromPhone(browser, joinLink, 'Bo');
  await host.getByTestId('start').click();
  await expect(host.getByTestId('focused-board')).toBeVisible();

  // The host takes 5 s a move; the opponents 55 s (the lesson's numbers), on a clock the test moves.
  await advance(5);
  await hostMove(host, 1, 'e2', 'e4');
  await advance(5);
  await hostMove(host, 2, 'd2', 'd4');
  await advance(50);
  await opponentMove(ada, 'e7', 'e5');
  await advance(5);
  await opponentMove(bo, 'd7', 'd5');
  await advance(5);
  await hostMove(host, 1, 'g1', 'f3');
  await advance(5);
  await hostMove(host, 2, 'c2', 'c4');
  await advance(50);
  await opponentMove(ada, 'b8', 'c6');
  await advance(5);
  await bo.getByRole('button', { name: 'Resign' }).click();
  await advance(5);
  await hostMove(host, 1, 'f1', 'b5');
  await advance(55);
  await ada.getByRole('button', { name: 'Resign' }).click();
  await expect(host.getByTestId('simul-finished')).toBeVisible();

  // Anyone with the link reviews it, from a device of their own.
  const viewer = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await viewer.goto(`/review/${simulId}`);
  await expect(viewer.getByTestId('review-title')).toHaveText('Timed round');

  const log = JSON.parse(await download(viewer, 'download-json'));
  const events: SimulEvent[] = Array.isArray(log) ? log : log.events;
  const m = simulMetrics(events)!;
  // Busy: both boards await the host in [0, 10], then [60, 75] and [125, 135] s: 35 s of 190 s.
  expect(m.elapsed).toBe(190_000);
  expect(m.busy).toBe(35_000);
  await expect(viewer.getByTestId('elapsed')).toHaveText(formatDuration(m.elapsed));
  await expect(viewer.getByTestId('host-busy')).toHaveText(formatDuration(m.busy));
  await expect(viewer.getByTestId('host-idle')).toHaveText(formatDuration(m.idle));
  await expect(viewer.getByTestId('host-utilization')).toHaveText(formatPercent(m.utilization));
  await expect(viewer.getByTestId('actual-total')).toHaveText(formatDuration(m.comparison.actual.total));
  await expect(viewer.getByTestId('projected-total')).toHaveText(formatDuration(m.comparison.projected.total));
  await expect(viewer.getByTestId('speed-up')).toHaveText(formatSpeedUp(m.comparison.speedUp));
  for (const b of m.boards) {
    await expect(viewer.getByTestId(`wait-${b.board}`)).toHaveText(formatDuration(b.wait));
    await expect(viewer.getByTestId(`opp-think-${b.board}`)).toHaveText(formatDuration(b.opponentThink));
  }
  await viewer.screenshot({ path: 'test-results/screenshots/review.png', fullPage: true });

  // The PGN: one game per board, each loads in chess.js with its moves and headers.
  const pgn = await download(viewer, 'download-pgn');
  const games = pgn.split(/\n\s*\n(?=\[Event )/).filter((g) => g.trim());
  expect(games).toHaveLength(2);
  const expectedSans = [
    ['e4', 'e5', 'Nf3', 'Nc6', 'Bb5'],
    ['d4', 'd5', 'c4'],
  ];
  games.forEach((text, i) => {
    const chess = new Chess();
    chess.loadPgn(text);
    expect(chess.history()).toEqual(expectedSans[i]);
    expect(chess.getHeaders().Round).toBe(String(i + 1));
    expect(chess.getHeaders().Result).toBe('1-0');
  });

  // The CSV: a header and one row per move.
  const csv = (await download(viewer, 'download-csv')).trim().split(/\r?\n/);
  expect(csv).toHaveLength(1 + 8);
  expect(csv[0]).toMatch(/board/);

  // Side by side: the same figures in two columns (here the simul beside itself), two timelines.
  await viewer.goto(`/review/${simulId}?with=${simulId}`);
  const busyRow = viewer.getByTestId('compare-table').getByRole('row', { name: /Host busy/ });
  await expect(busyRow.getByRole('cell')).toHaveText([formatDuration(m.busy), formatDuration(m.busy)]);
  await expect(viewer.getByTestId('timeline')).toHaveCount(2);

  // The projector view, final: its headline figures are the same.
  await viewer.goto(`/watch/${simulId}`);
  await expect(viewer.getByTestId('projector-headline')).toBeVisible();
  await expect(viewer.getByTestId('host-busy')).toHaveText(formatDuration(m.busy));
  await expect(viewer.getByTestId('speed-up')).toHaveText(formatSpeedUp(m.comparison.speedUp));
  await viewer.screenshot({ path: 'test-results/screenshots/dashboard.png', fullPage: true });
});
