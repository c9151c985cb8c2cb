// A class period in the browser (issue 29): twelve phones (twelve devices of one browser), the
// host's console and the projector, an async simul on the server's controlled clock. Meanwhile
// three phones lock for a minute, two lose the wifi and get it back (one of them moving while
// offline), one is closed for good and its board is handed to a bot, and the host sends the class
// a word. At the end: no board is stuck, every move the server acknowledged is in the log exactly
// once, the console says who is there, every phone that came back showed its position within 2 s,
// and every phone saw the word.
import { Chess } from 'chess.js';
import { expect, test, type Page } from './test';
import { advanceClock, CLASS_NAMES, classroom, openConsole, openPhone } from './classroom';
import { download, hostMove, opponentMove, tapMove } from './helpers';
import { freeze, goOffline } from './phone-life';
import type { SimulEvent } from '../lib/simul/types';

const BOARDS = 12;
const FROZEN = [1, 2, 3];
const OFFLINE = 4;
/** Offline while it is its move: it moves anyway. */
const MOVES_OFFLINE = 5;
const CLOSED = 6;
/** Coming back shows the right state within this (the bound; a poll, not a benchmark). */
const BACK_WITHIN = { timeout: 2000 };
const AFTER_NF3 = /^rnbqkbnr\/pppp1ppp\/8\/4p3\/4P3\/5N2\/PPPP1PPP\/RNBQKB1R b /;
const AFTER_NC6 = /^r1bqkbnr\/pppp1ppp\/2n5\/4p3\/4P3\/5N2\/PPPP1PPP\/RNBQKB1R w /;
const boards = Array.from({ length: BOARDS }, (_, i) => i + 1);

test('a class period: phones that sleep, drop off, leave; a bot; a word to the class; nothing lost or stuck', async ({ browser }) => {
  test.setTimeout(420_000);
  const simul = await classroom({ boards: BOARDS, seated: BOARDS, start: true, title: 'Period 4', names: CLASS_NAMES.slice(0, BOARDS) });
  // The phones are browsers, not the fixture's sockets: those go, so that each seat's only session is its phone.
  for (const o of simul.opponents) o.client.close();
  const phones: Page[] = [];
  for (const o of simul.opponents) phones.push(await openPhone(browser, simul.simulId, o.seatToken, { width: 360, height: 640 }));
  const phone = (board: number) => phones[board - 1];
  const { page: host } = await openConsole(browser, simul);
  const projector = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await projector.goto(`/watch/${simul.simulId}`);

  /** Every move played, board by board, as from-to ('bot' for the stand-in's, unknown ahead). */
  const played = new Map<number, string[]>(boards.map((b) => [b, []]));
  const byHost = async (board: number, from: string, to: string) => {
    await hostMove(host, board, from, to);
    played.get(board)!.push(`${from}${to}`);
  };
  const byPhone = async (board: number, from: string, to: string) => {
    await opponentMove(phone(board), from, to);
    played.get(board)!.push(`${from}${to}`);
  };

  // The first moves, everyone here.
  for (const b of boards) await byHost(b, 'e2', 'e4');
  for (const b of boards) await byPhone(b, 'e7', 'e5');
  for (const b of boards) await expect(host.getByTestId(`mini-${b}`)).toHaveAttribute('data-presence', 'here');

  // Three phones lock while their students wait for the host; one loses the wifi; one is closed.
  const frozen = [];
  for (const b of FROZEN) frozen.push(await freeze(phone(b)));
  const offline = await goOffline(phone(OFFLINE));
  await expect(phone(OFFLINE).getByTestId('turn-banner')).toHaveAttribute('data-offline', 'true');
  await phone(CLOSED).context().close();

  // The host plays on and says a word to the class.
  await host.getByTestId('preset-five-minutes').click();
  for (const b of boards.filter((b) => b !== CLOSED)) await byHost(b, 'g1', 'f3');

  // Board 5's phone loses the wifi on its move, and moves anyway.
  await expect(phone(MOVES_OFFLINE).getByTestId('turn-banner')).toHaveText('Your move');
  const offlineMover = await goOffline(phone(MOVES_OFFLINE));
  await tapMove(phone(MOVES_OFFLINE), `play-board-${MOVES_OFFLINE}`, 'b8', 'c6');
  // Its board shows the move made (the knight on c6), said to be not sent yet.
  await expect(phone(MOVES_OFFLINE).locator(`#play-board-${MOVES_OFFLINE}-square-c6 [data-piece]`)).toBeAttached();
  await expect(phone(MOVES_OFFLINE).getByTestId('not-sent')).toHaveText('Your move b8–c6: not sent yet');

  // The closed phone's seat is away on the console once the room has missed it a few seconds.
  let waited = 0;
  await expect
    .poll(async () => {
      await advanceClock(6);
      waited += 6;
      return host.getByTestId(`mini-${CLOSED}`).getAttribute('data-presence');
    })
    .toBe('away');
  // So are the phones offline: their students are not there, as far as the room can tell.
  for (const b of [OFFLINE, MOVES_OFFLINE]) await expect(host.getByTestId(`mini-${b}`), `board ${b} offline`).toHaveAttribute('data-presence', 'away');
  // The host hands its board to a bot, plays there, and the bot answers.
  await host.getByTestId(`mini-${CLOSED}`).click();
  await expect(host.getByTestId('focused-board')).toHaveAttribute('data-board', String(CLOSED));
  await host.getByTestId('hand-to-bot').click();
  await expect(host.getByTestId(`mini-${CLOSED}`).getByTestId(`stand-in-${CLOSED}`)).toBeAttached();
  await byHost(CLOSED, 'g1', 'f3');
  const botMoved = async () => {
    await expect
      .poll(async () => {
        await advanceClock(2);
        waited += 2;
        return host.getByTestId(`mini-${CLOSED}`).getAttribute('data-look');
      })
      .toMatch(/^(awaiting-host|host-thinking)$/);
    played.get(CLOSED)!.push('bot');
  };
  await botMoved();

  // The students whose phones stayed awake answer, and see the word.
  for (const b of boards.filter((b) => b > CLOSED)) {
    await expect(phone(b).getByTestId('class-message')).toContainText('Five minutes left');
    await byPhone(b, 'b8', 'c6');
  }
  await expect(projector.getByTestId('class-message')).toContainText('Five minutes left');

  // A minute on the room's clock in all while the phones slept and were offline.
  if (waited < 60) await advanceClock(60 - waited);

  // Woken, each shows the host's reply and that it is its student's move within 2 s, and the word.
  for (const [i, b] of FROZEN.entries()) {
    await frozen[i].thaw();
    await expect(phone(b).getByTestId(`play-board-${b}-container`)).toHaveAttribute('data-fen', AFTER_NF3, BACK_WITHIN);
    await expect(phone(b).getByTestId('turn-banner')).toHaveText('Your move', BACK_WITHIN);
    await expect(phone(b).getByTestId('class-message')).toContainText('Five minutes left', BACK_WITHIN);
  }
  await offline.back();
  await expect(phone(OFFLINE).getByTestId(`play-board-${OFFLINE}-container`)).toHaveAttribute('data-fen', AFTER_NF3, BACK_WITHIN);
  await expect(phone(OFFLINE).getByTestId('turn-banner')).toHaveText('Your move', BACK_WITHIN);
  await expect(phone(OFFLINE).getByTestId('class-message')).toContainText('Five minutes left', BACK_WITHIN);
  // Back online, the move made offline is sent and shown played: the host's turn.
  await offlineMover.back();
  const mover = phone(MOVES_OFFLINE);
  await expect(mover.getByTestId(`play-board-${MOVES_OFFLINE}-container`)).toHaveAttribute('data-fen', AFTER_NC6, BACK_WITHIN);
  await expect(mover.getByTestId('not-sent')).toHaveCount(0, BACK_WITHIN);
  await expect(mover.getByTestId('turn-banner')).toHaveText(/host/i, BACK_WITHIN);
  await expect(mover.getByTestId('class-message')).toContainText('Five minutes left', BACK_WITHIN);
  await expect(host.getByTestId(`mini-${MOVES_OFFLINE}`)).toHaveAttribute('data-look', /^(awaiting-host|host-thinking)$/);
  played.get(MOVES_OFFLINE)!.push('b8c6');

  // The console says who is there: everyone who came back is here; the closed phone's student away, a bot playing.
  for (const b of boards) {
    await expect(host.getByTestId(`mini-${b}`), `board ${b}'s presence`).toHaveAttribute('data-presence', b === CLOSED ? 'away' : 'here');
  }
  await expect(host.getByTestId(`mini-${CLOSED}`).getByTestId(`stand-in-${CLOSED}`)).toBeAttached();

  // Nothing is stuck: every board gets its next move, whoever is to play.
  for (const b of [...FROZEN, OFFLINE]) await byPhone(b, 'b8', 'c6');
  for (const b of boards.filter((b) => b >= MOVES_OFFLINE && b !== CLOSED)) await byHost(b, 'f1', 'c4');
  // On the bot's board, the host plays a legal move in the position the bot left.
  await host.getByTestId(`mini-${CLOSED}`).click();
  const fen = (await host.getByTestId(`host-board-${CLOSED}-container`).getAttribute('data-fen'))!;
  const [next] = new Chess(fen).moves({ verbose: true });
  await byHost(CLOSED, next.from, next.to);
  await botMoved();

  // The log, as the review downloads it: every move exactly once, in the order played, the bot's marked.
  const review = await host.context().newPage();
  await review.goto(`/review/${simul.simulId}`);
  const log = JSON.parse(await download(review, 'download-json'));
  const events: SimulEvent[] = Array.isArray(log) ? log : log.events;
  const moves = events.filter((e): e is Extract<SimulEvent, { type: 'move-made' }> => e.type === 'move-made');
  for (const b of boards) {
    const onBoard = moves.filter((m) => m.board === b);
    const expected = played.get(b)!;
    expect(onBoard.map((m, i) => (expected[i] === 'bot' ? 'bot' : `${m.from}${m.to}`)), `board ${b}'s moves`).toEqual(expected);
    expect(onBoard.map((m) => m.by)).toEqual(expected.map((_, i) => (i % 2 === 0 ? 'host' : 'opponent')));
  }
  const ids = moves.flatMap((m) => (m.clientMoveId ? [m.clientMoveId] : []));
  expect(new Set(ids).size, 'no move id twice').toBe(ids.length);
  const handed = events.findIndex((e) => e.type === 'bot-took-over' && e.board === CLOSED);
  expect(handed).toBeGreaterThan(-1);
  expect(events.filter((e) => e.type === 'class-message')).toHaveLength(1);
  simul.clients.closeAll();
});
