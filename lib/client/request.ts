// One-shot calls outside a simul's screen (create a simul, start or stop an exhibition): a
// socket for the one request, closed after its answer.
import type { ClientToServerEvents } from '../protocol/events';
import { openSimulSocket, type AnswerOf, type SimulSocket } from './simul-socket';
import { NO_ANSWER } from './simul-view';

type OneShot = 'simul:create' | 'exhibition:start' | 'exhibition:stop';

/** Sends `input` as `event` and returns the server's answer, or 'no-answer' after `timeoutMs`. */
export async function request<E extends OneShot & keyof ClientToServerEvents>(
  event: E,
  input: Parameters<ClientToServerEvents[E]>[0],
  timeoutMs: number,
  open: () => SimulSocket = openSimulSocket,
): Promise<AnswerOf<E> | typeof NO_ANSWER> {
  const socket = open();
  try {
    return await socket.timeout(timeoutMs).emitWithAck(event, input);
  } catch {
    return NO_ANSWER;
  } finally {
    socket.close();
  }
}
