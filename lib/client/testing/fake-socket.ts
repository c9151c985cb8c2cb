// A socket for tests of lib/client's parts: it records what the client sends and lets the test
// answer as the server would, lose an answer, push the server's frames, drop and restore the
// link. No time passes in it: an answer lost is one the test loses.
import type { ClientToServerEvents } from '../../protocol/events';
import type { AnswerOf, Heard, SimulSocket } from '../simul-socket';

export interface Sent<E extends keyof ClientToServerEvents = keyof ClientToServerEvents> {
  event: E;
  input: Parameters<ClientToServerEvents[E]>[0];
  /** Answers as the server would. */
  answer(reply: AnswerOf<E>): void;
  /** No answer comes: the client's wait for it runs out. */
  lose(): void;
}

export class FakeSocket implements SimulSocket {
  connected = false;
  closed = false;
  /** What the client sent and the test has not yet answered or lost, oldest first. */
  readonly sent: Sent[] = [];
  private listeners = new Map<string, ((...args: never[]) => void)[]>();

  on<E extends keyof Heard>(event: E, listener: Heard[E]): this {
    const list = this.listeners.get(event) ?? [];
    list.push(listener as (...args: never[]) => void);
    this.listeners.set(event, list);
    return this;
  }

  timeout(_ms: number) {
    return {
      emitWithAck: <E extends keyof ClientToServerEvents>(event: E, input: Parameters<ClientToServerEvents[E]>[0]) =>
        new Promise<AnswerOf<E>>((resolve, reject) => {
          const sent: Sent<E> = {
            event,
            input,
            answer: (reply) => {
              this.forget(sent as unknown as Sent);
              resolve(reply);
            },
            lose: () => {
              this.forget(sent as unknown as Sent);
              reject(new Error('operation has timed out'));
            },
          };
          this.sent.push(sent as unknown as Sent);
        }),
    };
  }

  /** How many times the client asked to open the link at once. */
  reconnects = 0;

  reconnectNow(): void {
    if (!this.connected) this.reconnects++;
  }

  close(): this {
    this.closed = true;
    this.connected = false;
    return this;
  }

  // The test's side.

  /** The link comes up (again). */
  connect(): void {
    this.connected = true;
    this.hear('connect');
  }

  /** The link goes down: every answer awaited is lost. */
  drop(): void {
    this.connected = false;
    for (const s of [...this.sent]) s.lose();
    this.hear('disconnect');
  }

  /** The server sends a frame. */
  hear<E extends keyof Heard>(event: E, ...args: Parameters<Heard[E]>): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }

  /** The oldest unanswered `event` the client sent; fails when there is none. */
  take<E extends keyof ClientToServerEvents>(event: E): Sent<E> {
    const found = this.sent.find((s) => s.event === event);
    if (!found) throw new Error(`nothing sent as ${event} (sent: ${this.sent.map((s) => s.event).join(', ') || 'nothing'})`);
    return found as unknown as Sent<E>;
  }

  /** How many `event`s await an answer. */
  count(event: keyof ClientToServerEvents): number {
    return this.sent.filter((s) => s.event === event).length;
  }

  private forget(sent: Sent): void {
    const i = this.sent.indexOf(sent);
    if (i >= 0) this.sent.splice(i, 1);
  }
}

/** Lets the promises the client chained on answers run. */
export const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
