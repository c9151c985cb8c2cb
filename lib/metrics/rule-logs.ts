// Test support: a simul played through decide on controlled time by a host that follows the
// simul's rule (it always moves on the board the rotation took it to, never idles while one awaits
// it), with random think times, and a pause, takebacks and a rematch where asked. Only tests import this.
import { Prng } from '../random';
import { HOST, opponent, TestSimul } from '../simul/test-log';
import type { ClockSettings, HostColorChoice, Mode, Rotation, SimulEvent } from '../simul/types';
import { awaitsHost, isOver } from '../simul/queries';

/** Knights out and back: always legal, the start position again every 8 plies. */
const WHITE = ['Nf3', 'Nc3', 'Ng1', 'Nb1'];
const BLACK = ['Nf6', 'Nc6', 'Ng8', 'Nb8'];

interface RuleLogOptions {
  rotation: Rotation;
  seed: number;
  mode?: Mode;
  boards?: number;
  hostColor?: HostColorChoice;
  clock?: ClockSettings;
  /** The class is paused `at` ms after the start, for `ms`. */
  pause?: { at: number; ms: number };
  /** The student on `board` asks to take back its move when its game has `ply` plies; the host grants. */
  takeback?: { board: number; ply: number };
  /** The host takes back its own move on `board` when that game has `ply` plies. */
  hostTakeback?: { board: number; ply: number };
  /** The host rematches `board` once its first game is over. */
  rematch?: { board: number; swapColors: boolean };
}

interface Plan {
  at: number;
  run: () => void;
  /** It happens while the class is paused (the resume); nothing else does. */
  whilePaused?: true;
}

/** The simul's log: every game ends by its student resigning, on its turn, after 5 to 11 plies. */
export function ruleLog(opts: RuleLogOptions): SimulEvent[] {
  const prng = new Prng(opts.seed);
  const between = (lo: number, hi: number) => prng.int(lo, hi);
  const clock = opts.clock ?? (opts.rotation === 'most-urgent' ? { initialMs: 300_000, incrementMs: 3_000, hostExtraMs: 0 } : undefined);
  const s = new TestSimul({ boards: opts.boards ?? 4, now: 0, mode: opts.mode, rotation: opts.rotation, hostColor: opts.hostColor, clock });
  s.seatAndStart(...Array.from({ length: opts.boards ?? 4 }, (_, i) => `P${i + 1}`));
  const plies = (board: number) => s.board(board).chess.history().length;
  const lengths = new Map<string, number>();
  const length = (board: number) => {
    const key = `${board}/${s.board(board).game}`;
    if (!lengths.has(key)) lengths.set(key, between(5, 11));
    return lengths.get(key)!;
  };
  const move = (board: number) => {
    const p = plies(board);
    s.play(board, (p % 2 === 0 ? WHITE : BLACK)[Math.floor(p / 2) % 4]);
  };

  const replies = new Map<number, number>(); // when each student moves (or resigns)
  let host = null as { board: number; at: number } | null; // where the host will move next, and when
  let hostFree = 0;
  const extras: Plan[] = [];
  let paused = false;
  let rematched = false;
  /** What happened already of what happens once: the pause, each takeback. */
  const happened = new Set<string>();
  const once = (key: string) => !happened.has(key) && Boolean(happened.add(key));

  /** After each step: the students' and the host's next moves, from the state. */
  const plan = () => {
    for (const n of s.state.order) {
      const b = s.board(n);
      if (b.status !== 'playing' || awaitsHost(b)) replies.delete(n);
      else if (!replies.has(n)) replies.set(n, s.now + between(1_000, 15_000));
    }
    const focus = s.state.focus;
    if (focus === null || !awaitsHost(s.board(focus))) host = null;
    else if (host?.board !== focus) host = { board: focus, at: Math.max(s.now, hostFree) + between(800, 4_000) };
  };

  plan();
  for (let step = 0; step < 2_000; step++) {
    const next: Plan[] = extras.filter((e) => !paused || e.whilePaused);
    if (!paused) {
      if (host) {
        const { board } = host;
        next.push({
          at: host.at,
          run: () => {
            move(board);
            hostFree = s.now;
            const t = opts.hostTakeback;
            if (t?.board === board && plies(board) === t.ply && once(`host ${board}`)) extras.push({ at: s.now + 500, run: () => s.ok(HOST, { type: 'take-back', board }) });
          },
        });
      }
      for (const [board, at] of replies) {
        next.push({
          at,
          run: () => {
            if (plies(board) >= length(board)) return void s.ok(opponent(board), { type: 'resign', board });
            move(board);
            const t = opts.takeback;
            if (t?.board === board && plies(board) === t.ply && once(`student ${board}`)) {
              extras.push({ at: s.now + 300, run: () => s.ok(opponent(board), { type: 'request-takeback', board }) });
              extras.push({ at: s.now + 800, run: () => s.ok(HOST, { type: 'answer-takeback', board, accept: true }) });
            }
          },
        });
      }
      const p = opts.pause;
      if (p && !happened.has('pause')) {
        next.push({
          at: p.at,
          run: () => {
            happened.add('pause');
            s.ok(HOST, { type: 'pause' });
            paused = true;
            extras.push({
              at: s.now + p.ms,
              whilePaused: true,
              run: () => {
                s.ok(HOST, { type: 'resume' });
                paused = false;
                // Every plan moves on by the pause.
                for (const [n, at] of replies) replies.set(n, at + p.ms);
                for (const e of extras) e.at += p.ms;
                if (host) host.at += p.ms;
                hostFree += p.ms;
              },
            });
          },
        });
      }
    }
    const r = opts.rematch;
    if (r && !rematched && isOver(s.board(r.board))) {
      rematched = true;
      extras.push({ at: s.now + 2_000, run: () => s.ok(HOST, { type: 'rematch', board: r.board, swapColors: r.swapColors }) });
      continue;
    }
    if (next.length === 0 || s.state.phase === 'finished') break;
    const first = next.reduce((a, b) => (b.at < a.at ? b : a));
    const i = extras.indexOf(first);
    if (i !== -1) extras.splice(i, 1);
    s.now = Math.max(s.now, first.at);
    first.run();
    plan();
  }
  if (s.state.phase !== 'finished') throw new Error(`the rule log did not finish (${opts.rotation}, seed ${opts.seed})`);
  return s.log;
}
