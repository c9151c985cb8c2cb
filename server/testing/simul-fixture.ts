// Test support shared by the wire tests (fuzz, authorisation, crash): opening clients on a
// server, creating a simul, seating opponents and starting it, each step checked to succeed.
import type { Ack, HelloReply } from '../../lib/protocol/events';
import type { CreateSimulInput } from '../../lib/protocol/schemas';
import { startTestServer, TestClient } from './test-client';

export type Reply = Ack<Record<string, unknown>>;

/** 'ok', or the refusal's code: what the tests compare against their expectations. */
export function outcomeOf(reply: Reply): string {
  return reply.ok ? 'ok' : reply.error.code;
}

function mustSucceed(what: string, reply: Reply): Record<string, unknown> {
  if (!reply.ok) throw new Error(`${what} was refused: ${JSON.stringify(reply.error)}`);
  return reply;
}

/** Opens clients on one server and closes them all at the end of a test. */
export class Clients {
  private open: TestClient[] = [];

  constructor(readonly url: string) {}

  async connect(): Promise<TestClient> {
    const client = new TestClient(this.url);
    this.open.push(client);
    return client.connected();
  }

  closeAll(): void {
    for (const c of this.open.splice(0)) c.close();
  }
}

export interface Credential {
  hostKey?: string;
  seatToken?: string;
}

interface CreatedSimul {
  simulId: string;
  hostKey: string;
  joinCode: string;
}

export async function createSimul(client: TestClient, input: Partial<CreateSimulInput> = {}): Promise<CreatedSimul> {
  const reply = mustSucceed(
    'simul:create',
    await client.send('simul:create', {
      title: input.title ?? 'Period 3',
      boards: input.boards ?? 3,
      hostColor: input.hostColor ?? 'white',
      mode: input.mode ?? 'async',
      ...(input.hostBot ? { hostBot: input.hostBot } : {}),
      ...(input.drawRules ? { drawRules: input.drawRules } : {}),
      ...(input.clock ? { clock: input.clock } : {}),
    }),
  );
  return reply as unknown as CreatedSimul;
}

export async function hello(
  client: TestClient,
  simulId: string,
  credential: Credential = {},
  lastSeq = 0,
): Promise<HelloReply> {
  const reply = mustSucceed('simul:hello', await client.send('simul:hello', { v: 2, simulId, lastSeq, ...credential }));
  return reply as unknown as HelloReply;
}

export interface Seat {
  board: number;
  seatToken: string;
  playerId: string;
}

/** Takes a seat for a client that has already said hello to the simul. */
export async function join(client: TestClient, name: string, board?: number): Promise<Seat> {
  const reply = mustSucceed('simul:join', await client.send('simul:join', board ? { name, board } : { name }));
  return reply as unknown as Seat;
}

export async function command(client: TestClient, payload: object): Promise<Record<string, unknown>> {
  return mustSucceed(`command ${JSON.stringify(payload)}`, await client.send('simul:command', payload));
}

export interface Opponent extends Seat {
  client: TestClient;
  name: string;
}

export interface SeatedSimul extends CreatedSimul {
  host: TestClient;
  /** In board order: opponents[i] sits at board i + 1. */
  opponents: Opponent[];
}

/**
 * A simul whose host has said hello and whose first `seated` boards have an opponent each
 * (called `names` in board order, else "Player 1", "Player 2"…), started when asked.
 */
export async function seatedSimul(
  clients: Clients,
  opts: Partial<CreateSimulInput> & { seated: number; start?: boolean; names?: string[] },
): Promise<SeatedSimul> {
  const host = await clients.connect();
  const created = await createSimul(host, opts);
  await hello(host, created.simulId, { hostKey: created.hostKey });
  const opponents: Opponent[] = [];
  for (let i = 1; i <= opts.seated; i++) {
    const client = await clients.connect();
    await hello(client, created.simulId);
    const name = opts.names?.[i - 1] ?? `Player ${i}`;
    opponents.push({ client, name, ...(await join(client, name, i)) });
  }
  if (opts.start) await command(host, { type: 'start' });
  return { ...created, host, opponents };
}
