// What a screen does to a simul: move, resign, offer and answer draws, go to a board, run the
// lobby, move a seat to another device. Every command goes through here to the outbox, which
// keeps its refusal in the store, the one place a screen shows it from
// (app/components/RefusalNotice.tsx).
import type { CommandAck } from '../protocol/events';
import type { CommandInput } from '../protocol/schemas';
import type { BotSpec, MessagePreset, Promotion } from '../simul/types';
import { newId } from './outbox';
import type { SimulConnection } from './simul-connection';
import type { Reply } from './simul-view';

export class SimulController {
  constructor(readonly connection: SimulConnection) {}

  /** Sends a command; a refusal replaces the one shown, an acceptance clears it. */
  send<C extends CommandInput>(command: C): Promise<Reply<CommandAck<C['type']>>> {
    return this.connection.outbox.command(command);
  }

  /** A move, shown on its board at once (the store's optimistic move) and taken back if refused. */
  move(board: number, from: string, to: string, promotion?: Promotion) {
    return this.send({ type: 'move', board, from, to, promotion, clientMoveId: newId() });
  }
  resign(board: number) {
    return this.send({ type: 'resign', board });
  }
  offerDraw(board: number) {
    return this.send({ type: 'offer-draw', board });
  }
  answerDraw(board: number, accept: boolean) {
    return this.send({ type: 'answer-draw', board, accept });
  }
  claimDraw(board: number) {
    return this.send({ type: 'claim-draw', board });
  }
  focus(board: number) {
    return this.send({ type: 'focus', board });
  }
  abortGame(board: number) {
    return this.send({ type: 'abort-game', board });
  }
  endSimul() {
    return this.send({ type: 'end-simul' });
  }
  /** The host pauses every clock and the rotation, or lets them go on. */
  setPaused(paused: boolean) {
    return this.send({ type: paused ? 'pause' : 'resume' });
  }
  requestTakeback(board: number) {
    return this.send({ type: 'request-takeback', board });
  }
  answerTakeback(board: number, accept: boolean) {
    return this.send({ type: 'answer-takeback', board, accept });
  }
  /** The host takes back its own last move on `board`. */
  takeBack(board: number) {
    return this.send({ type: 'take-back', board });
  }
  /** The host turns takebacks off on `board`. */
  turnOffTakebacks(board: number) {
    return this.send({ type: 'turn-off-takebacks', board });
  }
  rematch(board: number, swapColors: boolean) {
    return this.send({ type: 'rematch', board, swapColors });
  }
  start() {
    return this.send({ type: 'start' });
  }
  setJoining(open: boolean) {
    return this.send({ type: open ? 'open-joining' : 'close-joining' });
  }
  seatBot(board: number, name: string, bot: BotSpec) {
    return this.send({ type: 'seat-bot', board, name, bot });
  }
  freeSeat(board: number, block = false) {
    return this.send(block ? { type: 'free-seat', board, block: true } : { type: 'free-seat', board });
  }
  /**
   * A new seat link for a board: sent once, not resent (its answer is the new secret, which only
   * the asking dialog shows; its refusal is shown there too).
   */
  /** The host hands an away student's side of `board` to a bot, which plays on from the position. */
  handToBot(board: number, bot: BotSpec) {
    return this.send({ type: 'hand-to-bot', board, bot });
  }
  /** The student takes its board back from the bot (or the host gives it back). */
  takeBoardBack(board: number) {
    return this.send({ type: 'take-board-back', board });
  }
  /** The host's word to the class: a preset, or its own text. */
  messageClass(message: { preset: MessagePreset } | { text: string }) {
    return this.send({ type: 'message-class', ...message });
  }
  reissueSeat(board: number) {
    return this.connection.outbox.once({ type: 'reissue-seat', board });
  }

  /** The refusal shown is read and gone. */
  dismiss(): void {
    this.connection.outbox.dismiss();
  }
}
