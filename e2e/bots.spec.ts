// A teacher plays two students and two bots: the bots are seated, filled and removed in the
// lobby, answer on the test clock after their think time, and are marked as bots everywhere.
import { expect, test } from './test';
import { createSimul, download, hostMove, joinFromPhone, opponentMove, joinLinkOf } from './helpers';

test('a host plays two people and two bots to the end', async ({ browser, request }) => {
  const advance = async (seconds: number) => {
    const res = await request.post(`/__test/clock?advance=${seconds * 1000}`);
    expect(res.ok()).toBe(true);
  };
  const { host, simulId } = await createSimul(browser, { title: 'Bots and people', boards: 5, mode: 'async' });
  const joinLink = await joinLinkOf(host);
  const ada = await joinFromPhone(browser, joinLink, 'Ada');
  const bo = await joinFromPhone(browser, joinLink, 'Bo');

  // Bots that think exactly 10 s a move: one added at seat 3, then the empty seats filled.
  await host.getByTestId('bot-think').selectOption('10');
  await host.getByTestId('bot-spread').selectOption('steady');
  await host.getByTestId('add-bot-3').click();
  await expect(host.getByTestId('seat-3')).toHaveText('Bot 3');
  await host.getByTestId('fill-bots').click();
  await expect(host.getByTestId('seat-5')).toHaveText('Bot 5');
  await expect(host.getByTestId('seat-4')).toHaveText('Bot 4');
  await expect(host.getByTestId('seats').getByTestId('bot-marker')).toHaveCount(3);
  await host.screenshot({ path: 'test-results/screenshots/lobby-with-bots.png', fullPage: true });
  // One too many: taken out again before the start (its board is dropped).
  await host.getByTestId('remove-bot-5').click();
  await expect(host.getByTestId('seat-5')).toHaveText('empty');
  await expect(host.getByTestId('seated-count')).toHaveText('4');
  await host.getByTestId('start').click();
  await expect(host.getByTestId('mini-5')).toHaveCount(0);

  // The projector, on a device of its own.
  const projector = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  await projector.goto(`/watch/${simulId}`);
  await expect(projector.getByTestId('mini-3')).toHaveAttribute('data-bot', 'true');
  await expect(projector.getByTestId('mini-1')).not.toHaveAttribute('data-bot', 'true');

  for (const [board, from, to] of [[1, 'e2', 'e4'], [2, 'd2', 'd4'], [3, 'e2', 'e4'], [4, 'd2', 'd4']] as const) {
    await hostMove(host, board, from, to);
  }
  // The bots think on the simul's clock: nothing before their 10 s, their moves after.
  await advance(9);
  await expect(host.getByTestId('mini-3')).toHaveAttribute('data-look', 'opponent-thinking');
  await advance(1);
  await expect(host.getByTestId('mini-3')).not.toHaveAttribute('data-look', 'opponent-thinking');
  await expect(host.getByTestId('mini-4')).not.toHaveAttribute('data-look', 'opponent-thinking');
  // The people's boards wait for the people.
  await expect(host.getByTestId('mini-1')).toHaveAttribute('data-look', 'opponent-thinking');
  await opponentMove(ada, 'e7', 'e5');
  await opponentMove(bo, 'd7', 'd5');

  // Another round on board 3: the bot answers again.
  await hostMove(host, 3, 'g1', 'f3');
  await advance(10);
  await expect(host.getByTestId('mini-3')).not.toHaveAttribute('data-look', 'opponent-thinking');
  await expect(host.getByTestId('focused-board').getByTestId('bot-marker')).toBeVisible();
  await host.screenshot({ path: 'test-results/screenshots/host-console-with-bots.png', fullPage: true });
  await projector.screenshot({ path: 'test-results/screenshots/projector-with-bots.png', fullPage: true });

  // The ends: Ada resigns, the host resigns to Bo and to both bots.
  await ada.getByRole('button', { name: 'Resign' }).click();
  for (const board of [2, 3, 4]) {
    await host.getByTestId(`mini-${board}`).click();
    await expect(host.getByTestId('focused-board')).toHaveAttribute('data-board', String(board));
    await host.getByRole('button', { name: 'Resign', exact: true }).click();
  }
  await expect(host.getByTestId('simul-finished')).toBeVisible();
  for (const page of [host, projector]) {
    for (const board of [3, 4]) await expect(page.getByTestId(`result-row-${board}`).getByTestId('bot-marker')).toBeVisible();
    for (const board of [1, 2]) await expect(page.getByTestId(`result-row-${board}`).getByTestId('bot-marker')).toHaveCount(0);
  }

  // The review marks the bots too, and so do the PGN and the CSV.
  const viewer = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await viewer.goto(`/review/${simulId}`);
  await expect(viewer.getByTestId('result-row-3').getByTestId('bot-marker')).toBeVisible();
  await viewer.getByTestId('game-select').selectOption('3');
  await expect(viewer.getByTestId('game-select')).toContainText('Bot 3 (bot)');
  const pgn = await download(viewer, 'download-pgn');
  const games = pgn.split(/\n\s*\n(?=\[Event )/).filter((g) => g.trim());
  expect(games).toHaveLength(4);
  expect(games[2]).toContain('[Black "Bot 3"]');
  expect(games[2]).toContain('[BlackType "program"]');
  expect(games[0]).not.toContain('Type "');
  const csv = await download(viewer, 'download-csv');
  const [header, ...rows] = csv.trim().split('\r\n').map((line) => line.split(','));
  const moverType = header.indexOf('mover_type');
  const botMoves = rows.filter((r) => r[moverType] === 'program').map((r) => `${r[0]} ${r[5]}`);
  expect(botMoves).toHaveLength(3);
  expect(botMoves.every((m) => m.startsWith('3 ') || m.startsWith('4 '))).toBe(true);
  await viewer.screenshot({ path: 'test-results/screenshots/review-with-bots.png', fullPage: true });
});
