// Read-only questions about a folded state, shared by decide, evolve and every view.
import type { Actor, BoardState, Color, Command, Side, SimulState } from './types';

export { hostColorOf } from './colors';

export function sideToMove(board: BoardState): Side {
  return board.chess.turn() === board.hostColor ? 'host' : 'opponent';
}

/** A live game's colour for a side. */
export function colorOf(board: BoardState, side: Side): Color {
  return side === 'host' ? board.hostColor : board.hostColor === 'w' ? 'b' : 'w';
}

export function awaitsHost(board: BoardState): boolean {
  return board.status === 'playing' && sideToMove(board) === 'host';
}

export { freeSeats } from './seats';

export function isOver(board: BoardState): boolean {
  return board.status === 'finished' || board.status === 'aborted';
}

/** In sync mode the one live board; in async mode null (every board is live). */
export function currentSyncBoard(state: SimulState): number | null {
  if (state.mode !== 'sync') return null;
  for (const n of state.order) if (state.boards.get(n)?.status === 'playing') return n;
  return null;
}

/**
 * Who sent a command, as its applied-once key names it: the host, or the device now seated at a
 * board (`seatSince`: the event that gave it the seat, so that a re-issued seat's new device
 * shares no ids with the old one).
 */
function senderOf(by: Side, board: BoardState | undefined): string {
  return by === 'host' ? 'host' : `board ${board?.number ?? '-'}@${board?.seatSince ?? 0}`;
}

/** FNV-1a, 32-bit, in hex: a short fingerprint of what a command asked. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** What a command asks, without its id: the same id with another fingerprint is another command. */
function fingerprintOf(command: Command): string {
  if (command.type === 'move') return fnv1a(`move|${command.board}|${command.from}|${command.to}|${command.promotion ?? ''}`);
  const { commandId: _id, ...asked } = command as Command & { commandId?: string };
  return fnv1a(JSON.stringify(asked, Object.keys(asked).sort()));
}

/** An applied command as the state remembers it: its sender and id (the key), and what it asked. */
export interface CommandRecord {
  key: string;
  fingerprint: string;
}

/**
 * The record a command is remembered by once applied, or null when it has no id or its sender
 * can apply nothing (a spectator, the room). A resend is a duplicate only from the same sender
 * with the same id and the same request; the same id for another request is refused.
 */
export function commandRecord(state: SimulState, actor: Actor, command: Command): CommandRecord | null {
  const id = command.type === 'move' ? command.clientMoveId : command.commandId;
  if (!id || actor.role === 'spectator' || actor.role === 'server') return null;
  const sender = actor.role === 'host' ? 'host' : senderOf('opponent', state.boards.get(actor.board));
  return { key: `${sender}#${id}`, fingerprint: fingerprintOf(command) };
}

/** The record of a move, from its event on `board` (moves are remembered by their clientMoveId). */
export function moveRecord(event: { by: Side; board: number; from: string; to: string; promotion?: string; clientMoveId: string }, board: BoardState | undefined): CommandRecord {
  return {
    key: `${senderOf(event.by, board)}#${event.clientMoveId}`,
    fingerprint: fnv1a(`move|${event.board}|${event.from}|${event.to}|${event.promotion ?? ''}`),
  };
}

/** A record as an event's `command` field carries it: `sender#id#fingerprint`. */
export function recordText(record: CommandRecord): string {
  return `${record.key}#${record.fingerprint}`;
}

/**
 * The record an event's `command` field holds. A log from before fingerprints holds
 * `who|board|id`: that key is kept with no fingerprint (any resend of its id is a duplicate).
 */
export function parseRecord(text: string): CommandRecord {
  const cut = text.lastIndexOf('#');
  return cut === -1 ? { key: text, fingerprint: '' } : { key: text.slice(0, cut), fingerprint: text.slice(cut + 1) };
}

/**
 * An exhibition's games that ended before its move pairs (a mate or a draw by rule its bots
 * could not avoid, or a game left unfinished). Empty for a simul that is no exhibition.
 */
export function endedBeforeMovePairs(state: SimulState): number[] {
  const pairs = state.exhibition?.movePairs;
  if (!pairs) return [];
  return state.order.filter((n) => {
    const board = state.boards.get(n)!;
    return isOver(board) && board.moveCount < 2 * pairs;
  });
}
