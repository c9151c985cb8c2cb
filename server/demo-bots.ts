// Fills a simul with bot opponents that play random legal moves, to try the host console
// at 40 boards without 40 phones. It creates the simul and prints the host's console link
// (with the host key in the link's fragment, which the console moves into storage at once).
// Usage: npx tsx server/demo-bots.ts [url=http://127.0.0.1:3000] [boards=40] [mode=async] [thinkSeconds=8]
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../lib/protocol/events';
import { replay, evolve } from '../lib/simul/evolve';
import { sideToMove } from '../lib/simul/queries';
import { retryAfterMs } from '../lib/simul/rejection';
import type { Rejection, SimulEvent } from '../lib/simul/types';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const [url = 'http://127.0.0.1:3000', boardsArg = '40', mode = 'async', thinkArg = '8'] = process.argv.slice(2);
const boards = Number(boardsArg);
const thinkMs = Number(thinkArg) * 1000;

/** A refusal for the console: its code and params (the app has the words). */
function refused(what: string, error: Rejection): Error {
  return new Error(`${what} refused: ${error.code}${error.params ? ` ${JSON.stringify(error.params)}` : ''}`);
}

function connect(): Promise<Client> {
  const socket: Client = io(url, { transports: ['websocket'] });
  return new Promise((resolve) => socket.once('connect', () => resolve(socket)));
}

async function bot(simulId: string, name: string): Promise<void> {
  const socket = await connect();
  const hello = await socket.emitWithAck('simul:hello', { v: 2, simulId, lastSeq: 0 });
  if (!hello.ok) throw refused('hello', hello.error);
  if (hello.kind !== 'reset') throw new Error(`a ${hello.kind} hello`);
  const state = replay(hello.events);
  // Listen before joining: the seat's own event may arrive before the join's answer.
  socket.on('simul:events', (events: SimulEvent[]) => {
    for (const e of events) if (e.seq === state.seq + 1) evolve(state, e);
    maybeMove();
  });
  let seat: number | null = null;
  let moves = 0;
  let timer: NodeJS.Timeout | null = null;
  let joined = await socket.emitWithAck('simul:join', { name });
  // One machine seating many bots is one network taking many seats: the server paces it.
  while (!joined.ok && joined.error.code === 'rate-limited') {
    const waitMs = retryAfterMs(joined.error) ?? 1000;
    console.log(`${name}: the server paces joins from one network; waiting ${Math.ceil(waitMs / 1000)} s (SIMUL_JOINS_PER_MINUTE raises it)`);
    await new Promise((r) => setTimeout(r, waitMs));
    joined = await socket.emitWithAck('simul:join', { name });
  }
  if (!joined.ok) throw refused('join', joined.error);
  seat = joined.board;
  function maybeMove() {
    if (seat === null) return;
    const board = state.boards.get(seat);
    if (timer || !board || board.status !== 'playing' || sideToMove(board) !== 'opponent') return;
    timer = setTimeout(() => {
      timer = null;
      const legal = board.chess.moves({ verbose: true });
      const move = legal[Math.floor(Math.random() * legal.length)];
      void socket.emitWithAck('simul:command', {
        type: 'move', board: seat!, from: move.from, to: move.to,
        promotion: move.promotion as 'q' | undefined, clientMoveId: `${name}-${++moves}`,
      });
    }, thinkMs * (0.5 + Math.random()));
  }
}

async function main(): Promise<void> {
  const host = await connect();
  const created = await host.emitWithAck('simul:create', { title: `Demo: ${boards} bots`, boards, hostColor: 'alternate', mode: mode === 'sync' ? 'sync' : 'async' });
  if (!created.ok) throw refused('create', created.error);
  host.close();
  for (let i = 1; i <= boards; i++) await bot(created.simulId, `Bot ${i}`);
  console.log(`${boards} bots seated. Host console: ${url}/host/${created.simulId}#key=${created.hostKey}`);
  console.log(`Projector view: ${url}/watch/${created.simulId}. Press Ctrl+C to stop the bots.`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
