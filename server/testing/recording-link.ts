// A transport of the simplest kind, for tests of a room without sockets: a link that keeps every
// frame the room sends it, in order, and whether the room closed it.
import type { CloseReason, ServerEvent, ServerPayload, SessionLink } from '../room/room-session';

export class RecordingLink implements SessionLink {
  readonly frames: { event: ServerEvent; payload: unknown }[] = [];
  closed: CloseReason | null = null;

  constructor(readonly id: string) {}

  send<E extends ServerEvent>(event: E, payload: ServerPayload<E>): void {
    this.frames.push({ event, payload });
  }

  close(reason: CloseReason): void {
    this.closed = reason;
  }
}
