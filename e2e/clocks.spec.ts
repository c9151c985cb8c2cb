// Clocks on controlled time, and a draw claimed as the laws have it, each on its own devices:
// a student's flag falls, the host's clock on a neglected board runs down to its flag, and every
// screen (the phones, the host's console, the projector, the review) shows the same times.
//
// The server's time moves only when the test says; a browser counts a running clock down by its
// own clock from the last server time it heard (a hello, an event). So a running clock is read
// with a few seconds' tolerance, a stopped one exactly.
import { expect, test } from './test';
import { createSimul, download, hostMove, joinFromPhone, opponentMove, tapMove, joinLinkOf } from './helpers';

test('clocks: a student flags, the host flags on a neglected board, every screen agrees', async ({ browser, request }) => {
  const advance = async (seconds: number) => {
    const res = await request.post(`/__test/clock?advance=${seconds * 1000}`);
    expect(res.ok()).toBe(true);
  };
  // One minute a game, no increment, one extra minute for the host: 2:00 for the host on each board.
  const { host, simulId } = await createSimul(browser, {
    title: 'Blitz round',
    boards: 2,
    mode: 'async',
    clock: { minutes: 1, increment: 0, hostExtra: 1 },
  });
  await expect(host.getByTestId('simul-settings')).toContainText('Clocks: 1 min; the host has 1 min more on each board');
  await expect(host.getByTestId('takeback-setting')).toHaveText(' · Students may ask for takebacks');
  const joinLink = await joinLinkOf(host);
  const ada = await joinFromPhone(browser, joinLink, 'Ada');
  const bo = await joinFromPhone(browser, joinLink, 'Bo');
  const projector = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await projector.goto(`/watch/${simulId}`);
  await host.getByTestId('start').click();
  await expect(host.getByTestId('focused-board')).toHaveAttribute('data-board', '1');

  // At the start every host clock runs: the boards await the host.
  await expect(ada.getByTestId('clock-host-1')).toHaveText(/^(2:00|1:[45]\d)$/);
  await expect(ada.getByTestId('clock-host-1')).toHaveAttribute('data-running', 'true');
  await expect(ada.getByTestId('clock-opponent-1')).toHaveText('1:00');
  await hostMove(host, 1, 'e2', 'e4');
  await expect(ada.getByTestId('clock-opponent-1')).toHaveAttribute('data-running', 'true');

  // Ada never moves: her flag falls on the server's timer a minute later.
  await advance(60);
  await expect(ada.getByTestId('turn-banner')).toHaveText('You lost: time ran out.');
  for (const [page, id] of [[ada, 'clock-host-1'], [host, 'host-clock-mini-1'], [projector, 'host-clock-mini-1']] as const) {
    await expect(page.getByTestId(id)).toHaveText('2:00');
  }
  await expect(ada.getByTestId('clock-opponent-1')).toHaveText('0:00');
  await expect(host.getByTestId('chip-label-1')).toHaveText('Host won on time');

  // Board 2 has awaited the host from the start, the host at board 1: its clock has run all along.
  await expect(host.getByTestId('host-clock-mini-2')).toHaveText(/^(1:00|0:[45]\d)$/);
  await advance(35);
  // An event from board 2 (a draw offer) tells every screen the server's time: 25 s left, urgent.
  await bo.getByRole('button', { name: 'Offer a draw' }).click();
  for (const [page, id] of [[host, 'host-clock-mini-2'], [projector, 'host-clock-mini-2'], [bo, 'clock-host-2'], [host, 'clock-host-2']] as const) {
    await expect(page.getByTestId(id)).toHaveText(/^0:(1\d|2[0-5])$/);
    await expect(page.getByTestId(id)).toHaveAttribute('data-urgent', 'true');
  }

  // The host's flag falls on board 2 at 2:00: the last game ends, and the simul.
  await advance(25);
  await expect(bo.getByTestId('turn-banner')).toHaveText('You won: time ran out.');
  await expect(host.getByTestId('simul-finished')).toBeVisible();
  // The projector's end screen shows the results, each game's clocks as they stopped among them.
  await expect(projector.getByTestId('end-screen')).toBeVisible();
  for (const page of [host, projector]) {
    await expect(page.getByTestId('result-row-1')).toContainText('time ran out');
    await expect(page.getByTestId('result-row-2')).toContainText('time ran out');
    await expect(page.getByTestId('result-clocks-1')).toHaveText('2:00 · 0:00');
    await expect(page.getByTestId('result-clocks-2')).toHaveText('0:00 · 1:00');
  }
  await expect(bo.getByTestId('clock-host-2')).toHaveText('0:00');
  await expect(bo.getByTestId('clock-opponent-2')).toHaveText('1:00');

  // The review: each move's time left, and the PGN's time control, clocks and termination.
  const viewer = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await viewer.goto(`/review/${simulId}`);
  await expect(viewer.getByTestId('clock-after-1')).toContainText('2:00');
  await expect(viewer.getByTestId('result-row-2')).toContainText('time ran out');
  await expect(viewer.getByTestId('result-clocks-2')).toHaveText('0:00 · 1:00');
  const pgn = await download(viewer, 'download-pgn');
  expect(pgn).toContain('[TimeControl "60+0"]');
  expect(pgn).toContain('[Termination "time forfeit"]');
  expect(pgn).toMatch(/1\. e4 \{\[%emt 0:00:00\] \[%clk 0:02:00\] Black forfeits on time\.\} 1-0/);
  expect(pgn).toContain('{White forfeits on time.} 0-1');
});

test('claimed draws: the host claims a threefold repetition, a student claims with the move', async ({ browser }) => {
  const { host } = await createSimul(browser, { title: 'By the book', boards: 2, mode: 'async', drawRules: 'claimed' });
  await expect(host.getByTestId('simul-settings')).toContainText('claimed by the player to move');
  const joinLink = await joinLinkOf(host);
  const ada = await joinFromPhone(browser, joinLink, 'Ada');
  const bo = await joinFromPhone(browser, joinLink, 'Bo');
  await expect(ada.getByTestId('simul-settings')).toContainText('claimed by the player to move');
  await host.getByTestId('start').click();
  await expect(host.getByTestId('focused-board')).toHaveAttribute('data-board', '1');

  // The knights go out and back on both boards, twice: the initial position comes back.
  for (let round = 0; round < 2; round++) {
    for (const [board, phone] of [[1, ada], [2, bo]] as const) {
      await hostMove(host, board, 'g1', 'f3');
      await opponentMove(phone, 'g8', 'f6');
      await hostMove(host, board, 'f3', 'g1');
      if (round === 0) await opponentMove(phone, 'f6', 'g8');
    }
  }
  // Each student is to move; ...Ng8 would make the third appearance: the claim with the move.
  await expect(ada.getByTestId('claim-with-move')).toBeVisible();
  await expect(bo.getByTestId('claim-with-move')).toBeVisible();

  // Ada plays on without claiming: the position is there for the third time, the game goes on,
  // and the host, now to move, may claim it.
  await opponentMove(ada, 'f6', 'g8');
  await host.getByTestId('mini-1').click();
  await host.getByTestId('claim-draw').click();
  await expect(ada.getByTestId('turn-banner')).toHaveText('Draw: threefold repetition.');

  // Bo claims with the move: a draw offered, then ...Ng8.
  await bo.getByTestId('claim-with-move').click();
  await expect(bo.getByTestId('claim-pending')).toBeVisible();
  const board = await bo.getByTestId('my-board').textContent();
  await tapMove(bo, `play-board-${board}`, 'f6', 'g8');
  await expect(bo.getByTestId('turn-banner')).toHaveText('Draw: threefold repetition.');
  await expect(host.getByTestId('simul-finished')).toBeVisible();
  await expect(host.getByTestId('result-row-2')).toContainText('threefold repetition');
});
