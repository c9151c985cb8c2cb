// The teaching simul, on its own devices: a drill position on four boards, a takeback asked
// from a phone and granted on the console, the class paused and resumed with clocks running,
// and a finished board rematched while the simul goes on.
import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from './test';
import { createSimul, hostMove, joinFromPhone, opponentMove, seriousViolations, joinLinkOf } from './helpers';
import { PROGRAMS } from '../lib/program/python';

const HOST_LINE = PROGRAMS.async.place['host-thinks'];
const AWAIT_LINE = PROGRAMS.async.place['awaits-opponent'];

const QUEEN_MATE = '8/8/8/4k3/8/8/8/3QK3 w - - 0 1';

async function download(page: Page, testId: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return readFileSync(await file.path(), 'utf8');
}

const clockAdvance = (request: APIRequestContext) => async (seconds: number) => {
  const res = await request.post(`/__test/clock?advance=${seconds * 1000}`);
  expect(res.ok()).toBe(true);
};

test('a teacher sets a drill position for four boards and plays it', async ({ browser, request }) => {
  const advance = clockAdvance(request);
  const { host } = await createSimul(browser, { title: 'Queen mate drill', boards: 4, mode: 'async' }, async (form) => {
    await form.getByTestId('start-position-choice').selectOption('queen-mate');
    // A FEN of one's own says what is wrong with it as it is typed.
    await form.getByTestId('add-own-position').click();
    await form.getByTestId('own-position-0-choice').selectOption('custom');
    await form.getByTestId('own-position-0-fen').fill('4k3/4Q3/4K3/8/8/8/8/8 b - - 0 1');
    await expect(form.getByTestId('own-position-0-check')).toHaveText('The game is already over in this position (checkmate).');
    await form.getByTestId('own-position-0-fen').fill('4k3/8/8/8/8/8/8/4QK2 w - - 0 1');
    await expect(form.getByTestId('own-position-0-check')).toHaveText('The side that is not to move is in check: no game can reach this position.');
    await form.getByRole('button', { name: 'Remove' }).click();
  });
  await expect(host.getByTestId('position-setting')).toHaveText(' · Games start from Mate with king and queen');
  const joinLink = await joinLinkOf(host);
  const ada = await joinFromPhone(browser, joinLink, 'Ada');
  await host.getByTestId('bot-think').selectOption('10');
  await host.getByTestId('bot-spread').selectOption('steady');
  await host.getByTestId('fill-bots').click();
  await expect(host.getByTestId('seat-4')).toHaveText('Bot 4');
  await host.getByTestId('start').click();

  // Every board starts from the drill, from the first screen on.
  await expect(ada.getByTestId('play-board-1-container')).toHaveAttribute('data-fen', QUEEN_MATE);
  await expect(host.getByTestId('host-board-1-container')).toHaveAttribute('data-fen', QUEEN_MATE);
  for (const board of [1, 2, 3, 4]) await hostMove(host, board, 'd1', 'g4');
  await opponentMove(ada, 'e5', 'd6');
  await advance(10);
  // The bots answered: their boards await the host again.
  for (const board of [2, 3, 4]) await expect(host.getByTestId(`mini-${board}`)).not.toHaveAttribute('data-look', 'opponent-thinking');
  expect(await seriousViolations(host, 'console with a drill')).toEqual([]);

  await host.getByRole('button', { name: 'End simul' }).click();
  await host.getByTestId('review-link').click();
  const pgn = await download(host, 'download-pgn');
  expect(pgn.match(/\[SetUp "1"\]/g)).toHaveLength(4);
  expect(pgn.match(new RegExp(`\\[FEN "${QUEEN_MATE.replace(/\//g, '\\/')}"\\]`, 'g'))).toHaveLength(4);
  expect(pgn).toContain('1. Qg4');
});

test('a phone asks to take back its move and the host grants it', async ({ browser }) => {
  const { host } = await createSimul(browser, { title: 'Takebacks', boards: 1, mode: 'async' });
  const joinLink = await joinLinkOf(host);
  const ada = await joinFromPhone(browser, joinLink, 'Ada');
  await host.getByTestId('start').click();
  await hostMove(host, 1, 'e2', 'e4');
  await opponentMove(ada, 'e7', 'e5');
  // The program: the board's task runs on the host, at the host's line.
  await expect(host.getByTestId('program-current')).toHaveAttribute('data-board', '1');
  await expect(host.getByTestId(`program-line-${HOST_LINE}`)).toHaveAttribute('data-boards', '1');

  await ada.getByTestId('ask-takeback').click();
  await expect(ada.getByTestId('takeback-asked')).toBeVisible();
  await expect(host.getByTestId('takeback-request-1')).toHaveText(/Board 1: Ada asks to take back a move\./);
  expect(await seriousViolations(host, 'console with a takeback request')).toEqual([]);
  expect(await seriousViolations(ada, 'phone asking a takeback')).toEqual([]);
  await host.getByTestId('grant-takeback-1').click();

  // Back to the position after 1. e4, Ada to move again.
  await expect(ada.getByTestId('play-board-1-container')).toHaveAttribute('data-fen', /^rnbqkbnr\/pppppppp\/8\/8\/4P3\/8\/PPPP1PPP\/RNBQKBNR b /);
  await expect(host.getByTestId('takeback-requests')).toHaveCount(0);
  // The takeback puts the task back to where the game is: awaiting its opponent again.
  await expect(host.getByTestId('program-current')).toHaveAttribute('data-board', '');
  await expect(host.getByTestId('program-awaiting')).toHaveAttribute('data-boards', '1');
  await expect(host.getByTestId(`program-line-${AWAIT_LINE}`)).toHaveAttribute('data-boards', '1');
  await opponentMove(ada, 'c7', 'c5');
  await expect(host.getByTestId('takebacks-1')).toHaveText('1');
  // The host takes back its own move, then plays another.
  await hostMove(host, 1, 'g1', 'f3');
  await host.getByTestId('host-take-back').click();
  await expect(host.getByTestId('mini-1')).toHaveAttribute('data-look', 'host-thinking');
  await hostMove(host, 1, 'b1', 'c3');
  await expect(host.getByTestId('takebacks-1')).toHaveText('2');
});

test('the class is paused and resumed with clocks: nobody’s time runs meanwhile', async ({ browser, request }) => {
  const advance = clockAdvance(request);
  const { host, simulId } = await createSimul(browser, { title: 'Paused class', boards: 2, mode: 'async', clock: { minutes: 1, increment: 0, hostExtra: 0 } });
  const joinLink = await joinLinkOf(host);
  const ada = await joinFromPhone(browser, joinLink, 'Ada');
  await joinFromPhone(browser, joinLink, 'Bo');
  const projector = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await projector.goto(`/watch/${simulId}`);
  await host.getByTestId('start').click();
  await hostMove(host, 1, 'e2', 'e4');
  await advance(10);

  await host.getByTestId('pause').click();
  for (const page of [host, ada, projector]) await expect(page.getByTestId('paused')).toBeVisible();
  await expect(ada.getByTestId('clock-opponent-1')).toHaveAttribute('data-running', 'false');
  expect(await seriousViolations(ada, 'phone while paused')).toEqual([]);
  expect(await seriousViolations(projector, 'projector while paused')).toEqual([]);
  // Five minutes of a question from the class: every flag would have fallen, none does.
  await advance(300);
  await expect(ada.getByTestId('clock-opponent-1')).toHaveText('0:50');
  await expect(host.getByTestId('host-clock-mini-2')).toHaveText('0:50');
  // Every mini board has the paused look, on the console and the projector.
  for (const page of [host, projector]) {
    for (const n of [1, 2]) {
      await expect(page.getByTestId(`mini-${n}`)).toHaveAttribute('data-look', 'paused');
      await expect(page.getByTestId(`chip-label-${n}`)).toHaveText('Paused');
    }
  }
  // Board 2 had awaited the host 10 s at the pause: its wait stands still there.
  await expect(host.getByTestId('wait-mini-2')).toHaveText('10 s');
  // The program is suspended: no task runs, none is ready, each stands where it was.
  await expect(host.getByTestId('program-paused')).toBeVisible();
  await expect(host.getByTestId('program-current')).toHaveAttribute('data-board', '');
  await expect(host.getByTestId('program-ready')).toHaveAttribute('data-boards', '');
  await expect(host.getByTestId(`program-line-${HOST_LINE}`)).toHaveAttribute('data-boards', '2');
  await expect(host.getByTestId(`program-line-${AWAIT_LINE}`)).toHaveAttribute('data-boards', '1');
  for (const n of [1, 2]) await expect(host.getByTestId('program-view').getByTestId(`program-task-${n}`).first()).toHaveAttribute('data-state', 'paused');
  await host.getByTestId('resume').click();
  await expect(host.getByTestId('mini-2')).toHaveAttribute('data-look', 'host-thinking');
  await expect(host.getByTestId('program-current')).toHaveAttribute('data-board', '2');
  for (const page of [host, ada, projector]) await expect(page.getByTestId('paused')).toHaveCount(0);
  await expect(ada.getByTestId('clock-opponent-1')).toHaveAttribute('data-running', 'true');
  await opponentMove(ada, 'e7', 'e5');
  await expect(ada.getByTestId('clock-opponent-1')).toHaveText('0:50');
  // The pause is its own band, and charged to no one.
  await expect(host.getByTestId('paused-total')).toHaveText('Paused 5 min 0 s in all (charged to no one).');
  await expect(host.getByTestId('timeline')).toContainText('Paused (charged to no one)');
});

test('a finished board is rematched while the simul goes on', async ({ browser }) => {
  const { host } = await createSimul(browser, { title: 'Rematch', boards: 2, mode: 'async' });
  const joinLink = await joinLinkOf(host);
  const ada = await joinFromPhone(browser, joinLink, 'Ada');
  await joinFromPhone(browser, joinLink, 'Bo');
  await host.getByTestId('start').click();
  await hostMove(host, 1, 'e2', 'e4');
  await ada.getByRole('button', { name: 'Resign' }).click();
  await expect(ada.getByTestId('turn-banner')).toContainText('You lost');

  await expect(host.getByTestId('program-done')).toHaveAttribute('data-boards', '1');
  await host.getByTestId('rematch-swap-1').click();
  // Ada has white in the new game and moves first.
  await expect(ada.getByTestId('turn-banner')).toHaveText('Your move');
  // Board 1's task begins its next game, awaiting its opponent.
  const task = host.getByTestId(`program-line-${AWAIT_LINE}`).getByTestId('program-task-1');
  await expect(task).toHaveAttribute('data-game', '2');
  await expect(task).toContainText('game 2');
  await opponentMove(ada, 'd2', 'd4');
  await expect(host.getByTestId('rematches')).toHaveCount(0);
  await expect(host.getByTestId('games-1')).toHaveText('2');
  await hostMove(host, 1, 'd7', 'd5');
  expect(await seriousViolations(host, 'console after a rematch')).toEqual([]);
});
