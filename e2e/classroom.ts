// Big simuls for the browser tests, set up over sockets against the Playwright web server (the
// same fixture the wire tests use), then opened in a browser: a class of 40 or 100 is seated in
// seconds, and its games brought to every state a board can be in.
import { devices, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { Clients, seatedSimul, type SeatedSimul } from '../server/testing/simul-fixture';

const PORT = Number(process.env.E2E_PORT ?? 3107);
export const SERVER = `http://127.0.0.1:${PORT}`;

/** Thirty first names, for lobbies that look like a class. */
export const CLASS_NAMES = [
  'Ada', 'Bo', 'Chidi', 'Dara', 'Emil', 'Farah', 'Gus', 'Hana', 'Ivan', 'Jun',
  'Kemi', 'Luca', 'Maya', 'Nils', 'Omar', 'Pia', 'Quinn', 'Rosa', 'Sami', 'Tomás',
  'Uma', 'Vik', 'Wen', 'Xena', 'Yusuf', 'Zoë', 'Alejandra', 'Bartholomew', 'Siobhán', 'Krzysztof',
];

interface Classroom extends SeatedSimul {
  clients: Clients;
}

/** A simul of `boards` boards with the first `seated` taken, started when asked. */
export async function classroom(opts: {
  boards: number;
  seated: number;
  mode?: 'async' | 'sync';
  title?: string;
  names?: string[];
  start?: boolean;
}): Promise<Classroom> {
  const clients = new Clients(SERVER);
  const simul = await seatedSimul(clients, {
    title: opts.title ?? `Class of ${opts.boards}`,
    boards: opts.boards,
    mode: opts.mode ?? 'async',
    seated: opts.seated,
    names: opts.names,
    start: opts.start,
  });
  return { ...simul, clients };
}

let ids = 0;
/**
 * A command, paced as a client paces itself: refused as too fast, it is sent again (with the
 * same id, so it is applied once) when the server says it may be.
 */
async function paced(client: SeatedSimul['host'], payload: Record<string, unknown>): Promise<void> {
  const id = payload.type === 'move' ? { clientMoveId: `e2e-${ids++}` } : { commandId: `e2e-${ids++}` };
  for (;;) {
    const reply = await client.send('simul:command', { ...payload, ...id });
    if (reply.ok) return;
    if (reply.error.code !== 'rate-limited') throw new Error(`${JSON.stringify(payload)} was refused: ${JSON.stringify(reply.error)}`);
    const wait = (reply.error.params as { retryAfterMs?: number } | undefined)?.retryAfterMs ?? 100;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/** A move, sent as a client sends it (paced, applied once). */
export async function move(client: SeatedSimul['host'], board: number, from: string, to: string): Promise<void> {
  await paced(client, { type: 'move', board, from, to });
}

/**
 * Brings an async simul's boards to every state, in bands of the boards it has: the first
 * fifth awaits the host again (both sides moved), the next fifth has opponents thinking, then
 * a host win, a host loss, a draw and an unfinished game, and the rest still await the host's
 * first move. The host is left at the first board awaiting it.
 */
export async function playEveryState(simul: SeatedSimul): Promise<void> {
  const n = simul.opponents.length;
  const fifth = Math.max(1, Math.floor(n / 5));
  const { host, opponents } = simul;
  for (let b = 1; b <= 2 * fifth + 4; b++) await move(host, b, 'e2', 'e4');
  for (let b = 1; b <= fifth; b++) await move(opponents[b - 1].client, b, 'e7', 'e5');
  const ended = 2 * fifth + 1;
  await paced(opponents[ended - 1].client, { type: 'resign', board: ended });
  await paced(host, { type: 'resign', board: ended + 1 });
  await paced(opponents[ended + 1].client, { type: 'offer-draw', board: ended + 2 });
  await paced(host, { type: 'answer-draw', board: ended + 2, accept: true });
  await paced(host, { type: 'abort-game', board: ended + 3 });
  await paced(host, { type: 'focus', board: 1 });
}

/** Moves the test server's clock (SIMUL_TEST_CLOCK): waits grow without a test sleeping. */
export async function advanceClock(seconds: number): Promise<void> {
  const res = await fetch(`${SERVER}/__test/clock?advance=${seconds * 1000}`, { method: 'POST' });
  if (!res.ok) throw new Error(`clock: ${res.status}`);
}

/** The host console in a browser of its own, given the host key the way a saved link gives it. */
export async function openConsole(
  browser: Browser,
  simul: { simulId: string; hostKey: string },
  viewport = { width: 1440, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
  await page.goto(`/host/${simul.simulId}#key=${simul.hostKey}`);
  return { context, page };
}

/** A seated student's phone, opened with its seat's link (the way a student's saved link opens it). */
export async function openPhone(browser: Browser, simulId: string, seatToken: string, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ ...devices['Pixel 7'], ...(viewport ? { viewport } : {}) });
  const page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
  await page.goto(`/play/${simulId}#seat=${seatToken}`);
  await expect(page.getByTestId('my-board')).toBeVisible();
  return page;
}
