// Test support for the browser's connection (lib/client) run in Node against a real server:
// a storage for its secrets, waiting for a state, and a network drop.
import type { SimulConnection, SimulView } from '../../lib/client/simul-connection';

export { MemoryStorage } from '../../lib/client/testing/memory-storage';

export function until(connection: SimulConnection, check: (v: SimulView) => boolean, timeoutMs = 5000): Promise<SimulView> {
  return new Promise((resolve, reject) => {
    const done = (v: SimulView) => {
      if (!check(v)) return false;
      clearTimeout(timer);
      unsubscribe();
      resolve(v);
      return true;
    };
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error('timed out'));
    }, timeoutMs);
    const unsubscribe = connection.store.subscribe(done);
    done(connection.store.getState());
  });
}

/** A network drop: the transport closes under the socket, which then reconnects by itself. */
export function dropNetwork(connection: SimulConnection): void {
  // The page's socket (lib/client/wire-socket.ts) comes back by itself, as after a real drop.
  (connection as unknown as { socket: { ws: WebSocket | null } }).socket.ws?.close();
}
