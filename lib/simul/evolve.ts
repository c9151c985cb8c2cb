// evolve: fold one event into the state. The server and the browser run this same code,
// so they can never disagree about a position, a turn or where the host is.
//
// The state is mutated in place: a chess.js game is costly to copy, and a move's cost must
// not grow with the number of boards. Callers that need a new reference (React) bump a version.
import { Chess } from '../chess/rules';
import type { BoardState, Color, SimulEvent, SimulState } from './types';
import { hostColorOf, nextAwaitingHost, sideToMove } from './queries';

export function initialState(): SimulState {
  return {
    simulId: '',
    title: '',
    mode: 'async',
    hostColor: 'white',
    joinCode: '',
    phase: 'lobby',
    joiningClosed: false,
    seq: 0,
    createdAt: 0,
    startedAt: null,
    finishedAt: null,
    endedEarly: false,
    boards: new Map(),
    order: [],
    focus: null,
  };
}

function newBoard(number: number, hostColor: Color): BoardState {
  return {
    number,
    hostColor,
    opponent: null,
    status: 'open',
    chess: new Chess(),
    moveCount: 0,
    lastMove: null,
    turnSince: null,
    startedAt: null,
    endedAt: null,
    result: null,
    endReason: null,
    drawOfferBy: null,
    lastClientMoveId: { host: null, opponent: null },
  };
}

function boardOf(state: SimulState, number: number): BoardState {
  const board = state.boards.get(number);
  if (!board) throw new Error(`event for unknown board ${number} at seq ${state.seq}`);
  return board;
}

/** After the host leaves `from` (moved or the game ended), the host goes to the next board awaiting it. */
function moveFocusOn(state: SimulState, from: number): void {
  state.focus = nextAwaitingHost(state, from);
}

export function evolve(state: SimulState, event: SimulEvent): SimulState {
  if (event.seq !== state.seq + 1) {
    throw new Error(`event seq ${event.seq} does not follow ${state.seq}`);
  }
  state.seq = event.seq;
  switch (event.type) {
    case 'simul-created': {
      state.simulId = event.simulId;
      state.title = event.title;
      state.mode = event.mode;
      state.hostColor = event.hostColor;
      state.joinCode = event.joinCode;
      state.createdAt = event.at;
      for (let n = 1; n <= event.boardCount; n++) {
        state.boards.set(n, newBoard(n, hostColorOf(event.hostColor, n)));
        state.order.push(n);
      }
      break;
    }
    case 'seat-taken': {
      const board = boardOf(state, event.board);
      board.opponent = { name: event.name, playerId: event.playerId };
      board.status = 'seated';
      break;
    }
    case 'seat-freed': {
      const board = boardOf(state, event.board);
      board.opponent = null;
      board.status = 'open';
      break;
    }
    case 'seat-reissued':
      // The seat's credential changed on the server; nothing public changes.
      break;
    case 'joining-closed':
      state.joiningClosed = true;
      break;
    case 'joining-opened':
      state.joiningClosed = false;
      break;
    case 'simul-started': {
      const kept = new Set(event.boards);
      for (const n of state.order) if (!kept.has(n)) state.boards.delete(n);
      state.order = [...event.boards];
      for (const n of state.order) boardOf(state, n).status = 'queued';
      state.phase = 'playing';
      state.joiningClosed = true;
      state.startedAt = event.at;
      break;
    }
    case 'game-started': {
      const board = boardOf(state, event.board);
      board.status = 'playing';
      board.startedAt = event.at;
      board.turnSince = event.at;
      if (state.mode === 'sync') state.focus = board.number;
      else if (state.focus === null && sideToMove(board) === 'host') state.focus = board.number;
      break;
    }
    case 'move-made': {
      const board = boardOf(state, event.board);
      board.chess.move({ from: event.from, to: event.to, promotion: event.promotion });
      board.moveCount += 1;
      board.lastMove = { from: event.from, to: event.to };
      board.turnSince = event.at;
      // An offer stands while its maker moves (offer, then move, as over the board);
      // the other side's move declines it.
      if (board.drawOfferBy !== event.by) board.drawOfferBy = null;
      if (event.clientMoveId) board.lastClientMoveId[event.by] = event.clientMoveId;
      if (event.by === 'host') {
        if (state.mode === 'async') moveFocusOn(state, board.number);
      } else if (state.focus === null) {
        state.focus = board.number;
      }
      break;
    }
    case 'draw-offered':
      boardOf(state, event.board).drawOfferBy = event.by;
      break;
    case 'draw-declined':
      boardOf(state, event.board).drawOfferBy = null;
      break;
    case 'game-ended':
    case 'game-aborted': {
      const board = boardOf(state, event.board);
      board.status = event.type === 'game-ended' ? 'finished' : 'aborted';
      board.endedAt = event.at;
      board.turnSince = null;
      board.drawOfferBy = null;
      if (event.type === 'game-ended') {
        board.result = event.result;
        board.endReason = event.reason;
      }
      if (state.focus === board.number) moveFocusOn(state, board.number);
      break;
    }
    case 'host-focused':
      state.focus = event.board;
      break;
    case 'simul-finished': {
      state.phase = 'finished';
      state.finishedAt = event.at;
      state.endedEarly = event.early;
      state.focus = null;
      state.joiningClosed = true;
      break;
    }
  }
  return state;
}

/** Replaying a log reproduces the state. */
export function replay(events: readonly SimulEvent[], state: SimulState = initialState()): SimulState {
  for (const e of events) evolve(state, e);
  return state;
}
