// evolve: fold one event into the state. The server and the browser run this same code,
// so they can never disagree about a position, a turn or where the host is.
//
// The state is mutated in place: a chess.js game is costly to copy, and a move's cost must
// not grow with the number of boards. Callers that need a new reference (React) bump a version.
import { Game } from '../chess/game';
import { firstPosition, recordPosition, type PositionCounts } from '../chess/rules';
import { foldClock, newBoardClock } from './clocks';
import { LIMITS, type BoardState, type ClockSettings, type Color, type Promotion, type SimulEvent, type SimulState } from './types';
import { awaitsHost, hostColorOf, moveRecord, parseRecord, sideToMove } from './queries';
import { nextAwaitingHost } from './rotation';

export function initialState(): SimulState {
  return {
    simulId: '',
    title: '',
    mode: 'async',
    hostColor: 'white',
    joinCode: '',
    exhibition: null,
    hostBot: null,
    drawRules: 'automatic',
    clock: null,
    rotation: 'table-order',
    startFen: null,
    boardFens: {},
    studentRematch: false,
    takebackPolicy: 'any',
    lastHostMove: null,
    pausedSince: null,
    boardCount: 0,
    phase: 'lobby',
    joiningClosed: false,
    seq: 0,
    createdAt: 0,
    startedAt: null,
    finishedAt: null,
    endedEarly: false,
    serverEnding: null,
    boards: new Map(),
    order: [],
    focus: null,
    commands: new Map(),
    message: null,
    messageTimes: [],
  };
}

function newBoard(number: number, hostColor: Color, clock: ClockSettings | null, startFen: string | null): BoardState {
  const chess = startFen ? new Game(startFen) : new Game();
  return {
    number,
    hostColor,
    opponent: null,
    status: 'open',
    chess,
    moveCount: 0,
    lastMove: null,
    turnSince: null,
    startedAt: null,
    endedAt: null,
    result: null,
    endReason: null,
    drawOfferBy: null,
    positions: firstPosition(chess),
    clock: clock && newBoardClock(clock),
    lastClientMoveId: { host: null, opponent: null },
    seatSince: 0,
    startFen,
    game: 1,
    takebackBy: null,
    takebacks: 0,
    paused: false,
    awaySince: null,
    awayMs: 0,
    left: false,
    standIn: null,
    pastGames: [],
    studentTakebacks: 0,
    takebackDeclinedAt: null,
    takebacksOff: false,
    takebackNews: null,
    rematchTimes: [],
  };
}

/** Where the games on table `number` start: its own position, the simul's, or null (the initial position). */
function startFenOf(state: SimulState, number: number): string | null {
  return state.boardFens[number] ?? state.startFen;
}

/** The counts of the positions since the last capture or pawn move, read again from the game's moves (after a takeback). */
function positionsOf(board: BoardState): PositionCounts {
  const replayed = board.startFen ? new Game(board.startFen) : new Game();
  const positions = firstPosition(replayed);
  for (const move of board.chess.history({ verbose: true })) recordPosition(positions, replayed.play(move.from, move.to, move.promotion as Promotion | undefined));
  return positions;
}

function boardOf(state: SimulState, number: number): BoardState {
  const board = state.boards.get(number);
  if (!board) throw new Error(`event for unknown board ${number} at seq ${state.seq}`);
  return board;
}

/** The away spell running on `board` ends at `at`: its length is added to the board's total. */
function endAwaySpell(board: BoardState, at: number): void {
  if (board.awaySince !== null) board.awayMs += Math.max(0, at - board.awaySince);
  board.awaySince = null;
}

/** How many of the host's latest words the state keeps the times of: the rate bound (deciders/message.ts) reads them. */
const MESSAGE_TIMES_KEPT = 3;

/** The host's word to the class becomes the latest: the simul's fold, and a phone's that hears it with its board's events. */
export function foldMessage(state: SimulState, event: Extract<SimulEvent, { type: 'class-message' }>): void {
  state.message = {
    seq: event.seq,
    at: event.at,
    ...(event.preset ? { preset: event.preset } : {}),
    ...(event.text !== undefined ? { text: event.text } : {}),
  };
  state.messageTimes = [...state.messageTimes, event.at].slice(-MESSAGE_TIMES_KEPT);
}

/** A board added after the start, for a late joiner: last in the rotation order. */
export function addBoard(state: SimulState, number: number): BoardState {
  const board = newBoard(number, hostColorOf(state.hostColor, number), state.clock, startFenOf(state, number));
  state.boards.set(number, board);
  // A new array, not a push: a screen that selects the order redraws when it changes.
  state.order = [...state.order, number];
  return board;
}

/** After the host leaves `from` (moved or the game ended), the host goes to the next board awaiting it. */
function moveFocusOn(state: SimulState, from: number): void {
  state.focus = nextAwaitingHost(state, from);
}

/**
 * The part of an event that concerns one board: its seat, status, position and draw offer.
 * A phone that hears only its own board folds its board's events with this alone; evolve()
 * uses it for every board, so the two can never disagree.
 */
export function evolveBoard(board: BoardState, event: SimulEvent): void {
  switch (event.type) {
    case 'seat-taken':
      board.opponent = { name: event.name, playerId: event.playerId, ...(event.bot ? { bot: event.bot } : {}) };
      board.seatSince = event.seq;
      board.status = 'seated';
      board.awaySince = null;
      board.left = false;
      break;
    case 'seat-freed':
      board.left = board.opponent !== null && !board.opponent.bot;
      endAwaySpell(board, event.at);
      board.opponent = null;
      board.status = 'open';
      board.seatSince = 0;
      board.standIn = null;
      break;
    case 'seat-reissued':
      board.seatSince = event.seq;
      break;
    case 'seat-away':
      board.awaySince = event.since;
      break;
    case 'seat-back':
      endAwaySpell(board, event.at);
      break;
    case 'bot-took-over':
      board.standIn = event.bot;
      break;
    case 'bot-handed-back':
      board.standIn = null;
      break;
    case 'simul-started':
      board.status = 'queued';
      break;
    case 'game-started':
      board.status = 'playing';
      board.startedAt = event.at;
      board.turnSince = event.at;
      break;
    case 'move-made': {
      // On the server, what decide's look found (game.ts): the move is not searched again.
      const move = board.chess.play(event.from, event.to, event.promotion);
      recordPosition(board.positions, move);
      board.moveCount += 1;
      board.lastMove = { from: event.from, to: event.to };
      board.turnSince = event.at;
      if (board.drawOfferBy !== event.by) board.drawOfferBy = null;
      if (event.clientMoveId) board.lastClientMoveId[event.by] = event.clientMoveId;
      board.takebackNews = null;
      break;
    }
    case 'draw-offered':
      board.drawOfferBy = event.by;
      break;
    case 'draw-declined':
      board.drawOfferBy = null;
      break;
    case 'takeback-requested':
      board.takebackBy = event.by;
      break;
    case 'takeback-declined':
      board.takebackBy = null;
      board.takebackDeclinedAt = event.at;
      board.takebackNews = { outcome: 'refused', seq: event.seq };
      break;
    case 'takebacks-turned-off':
      board.takebacksOff = true;
      if (board.takebackBy === 'opponent') board.takebackBy = null;
      board.takebackNews = { outcome: 'off', seq: event.seq };
      break;
    case 'takeback-accepted': {
      if (board.chess.history().length >= event.plies) {
        for (let i = 0; i < event.plies; i++) board.chess.undo();
        board.positions = positionsOf(board);
        const last = board.chess.history({ verbose: true }).at(-1);
        board.lastMove = last ? { from: last.from, to: last.to } : null;
      } else {
        // A game that came from a snapshot's FEN has no moves to undo: the event says where it is.
        board.chess = new Game(event.fen);
        board.positions = firstPosition(board.chess);
        board.lastMove = null;
      }
      board.moveCount -= event.plies;
      board.turnSince = event.at;
      board.takebackBy = null;
      board.drawOfferBy = null;
      board.takebacks += 1;
      if (event.by !== 'host') board.studentTakebacks += 1;
      board.takebackNews = { outcome: event.by === 'host' ? 'host' : 'granted', seq: event.seq };
      break;
    }
    case 'game-restarted':
      // The game before is remembered (results.ts): a rematch adds a game, it does not replace one.
      if (board.status === 'finished' || board.status === 'aborted') {
        board.pastGames = [
          ...board.pastGames,
          { game: board.game, hostColor: board.hostColor, status: board.status, result: board.result, reason: board.endReason, moves: board.moveCount },
        ];
      }
      board.hostColor = event.hostColor;
      board.chess = event.fen ? new Game(event.fen) : new Game();
      board.positions = firstPosition(board.chess);
      board.status = event.queued ? 'queued' : 'playing';
      board.game += 1;
      board.rematchTimes = [...board.rematchTimes, event.at].slice(-LIMITS.rematchesPerMinute);
      board.moveCount = 0;
      board.lastMove = null;
      board.startedAt = event.queued ? null : event.at;
      board.turnSince = event.queued ? null : event.at;
      board.endedAt = null;
      board.result = null;
      board.endReason = null;
      board.drawOfferBy = null;
      board.takebackBy = null;
      board.studentTakebacks = 0;
      board.takebackDeclinedAt = null;
      board.takebackNews = null;
      if (board.clock) board.clock = newBoardClock(board.clock.settings);
      break;
    case 'simul-paused':
      board.paused = true;
      break;
    case 'simul-resumed':
      board.paused = false;
      // The pause is charged to no one: the side to move got the move that much later.
      if (board.turnSince !== null) board.turnSince += event.at - event.since;
      break;
    case 'game-ended':
    case 'game-aborted':
      board.status = event.type === 'game-ended' ? 'finished' : 'aborted';
      board.endedAt = event.at;
      board.turnSince = null;
      board.drawOfferBy = null;
      board.takebackBy = null;
      if (event.type === 'game-ended') {
        board.result = event.result;
        board.endReason = event.reason;
      } else {
        board.endReason = event.reason ?? 'host-aborted';
      }
      break;
  }
  // After the board's change: the clock starts for the side to move in the position reached.
  if (board.clock) foldClock(board.clock, event, sideToMove(board));
}

/** The boards an event concerns: the ones whose listeners hear it. */
export function boardsOf(state: SimulState, event: SimulEvent): number[] {
  switch (event.type) {
    case 'simul-started':
      return event.boards;
    case 'simul-finished':
    case 'server-restarted': // every clock stood still
    case 'simul-paused':
    case 'simul-resumed':
      return state.order;
    case 'host-focused': // where the host was and is: both boards' looks change
      return event.from !== undefined && event.from !== event.board ? [event.from, event.board] : [event.board];
    case 'class-message': // every phone shows the host's word
      return state.order;
    default:
      return 'board' in event ? [event.board] : [];
  }
}

export function evolve(state: SimulState, event: SimulEvent): SimulState {
  if (event.seq !== state.seq + 1) {
    throw new Error(`event seq ${event.seq} does not follow ${state.seq}`);
  }
  state.seq = event.seq;
  if (event.command) {
    const record = parseRecord(event.command);
    state.commands.set(record.key, record.fingerprint);
  }
  if (event.type === 'move-made' && event.clientMoveId) {
    const record = moveRecord({ ...event, clientMoveId: event.clientMoveId }, state.boards.get(event.board));
    state.commands.set(record.key, record.fingerprint);
  }
  switch (event.type) {
    case 'simul-created': {
      state.simulId = event.simulId;
      state.title = event.title;
      state.mode = event.mode;
      state.hostColor = event.hostColor;
      state.joinCode = event.joinCode;
      state.exhibition = event.exhibition ?? null;
      state.hostBot = event.hostBot ?? null;
      state.drawRules = event.drawRules ?? 'automatic';
      state.clock = event.clock ?? null;
      state.rotation = event.rotation ?? 'table-order';
      state.startFen = event.startFen ?? null;
      state.boardFens = { ...event.boardFens };
      state.studentRematch = event.studentRematch ?? false;
      state.takebackPolicy = event.takebacks ?? 'any';
      state.boardCount = event.boardCount;
      state.createdAt = event.at;
      for (let n = 1; n <= event.boardCount; n++) {
        state.boards.set(n, newBoard(n, hostColorOf(event.hostColor, n), state.clock, startFenOf(state, n)));
        state.order.push(n);
      }
      return state;
    }
    case 'joining-closed':
      state.joiningClosed = true;
      return state;
    case 'joining-opened':
      state.joiningClosed = false;
      return state;
    case 'simul-started': {
      const kept = new Set(event.boards);
      for (const n of state.order) if (!kept.has(n)) state.boards.delete(n);
      state.order = [...event.boards];
      for (const n of state.order) evolveBoard(boardOf(state, n), event);
      state.phase = 'playing';
      state.startedAt = event.at;
      return state;
    }
    case 'host-focused':
      state.focus = event.board;
      return state;
    case 'simul-finished':
      state.phase = 'finished';
      state.finishedAt = event.at;
      state.endedEarly = event.early;
      state.serverEnding = event.ending ?? null;
      state.focus = null;
      state.joiningClosed = true;
      state.pausedSince = null;
      return state;
    case 'simul-paused':
    case 'simul-resumed':
      state.pausedSince = event.type === 'simul-paused' ? event.at : null;
      for (const n of state.order) evolveBoard(boardOf(state, n), event);
      return state;
    case 'server-restarted':
      for (const n of state.order) evolveBoard(boardOf(state, n), event);
      return state;
    case 'class-message':
      foldMessage(state, event);
      return state;
    case 'seat-taken':
      // A late joiner: the board is added last in the rotation, queued until its game begins.
      if (state.phase !== 'lobby') addBoard(state, event.board);
      break;
  }
  const board = boardOf(state, event.board);
  evolveBoard(board, event);
  if (event.type === 'seat-taken' && state.phase !== 'lobby') board.status = 'queued';
  // Where the host goes next.
  switch (event.type) {
    case 'game-started':
      if (state.mode === 'sync') state.focus = board.number;
      else if (state.focus === null && sideToMove(board) === 'host') state.focus = board.number;
      break;
    case 'game-restarted':
      if (state.mode === 'async' && state.focus === null && awaitsHost(board)) state.focus = board.number;
      break;
    case 'takeback-accepted':
      if (state.mode === 'sync') break;
      if (state.focus === board.number && !awaitsHost(board)) moveFocusOn(state, board.number);
      else if (state.focus === null && awaitsHost(board)) state.focus = board.number;
      break;
    case 'move-made':
      if (event.by === 'host') {
        state.lastHostMove = { board: board.number, san: event.san, at: event.at };
        if (state.mode === 'async') moveFocusOn(state, board.number);
      } else if (state.focus === null) {
        state.focus = board.number;
      }
      break;
    case 'game-ended':
    case 'game-aborted':
      if (state.focus === board.number) moveFocusOn(state, board.number);
      break;
  }
  return state;
}

/** Replaying a log reproduces the state. */
export function replay(events: readonly SimulEvent[], state: SimulState = initialState()): SimulState {
  for (const e of events) evolve(state, e);
  return state;
}
