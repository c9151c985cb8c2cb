import { Chess } from 'chess.js';
import { describe, expect, it } from 'vitest';
import { emt, pgnDate, pgnString, simulPgn } from './pgn';
import {
  AWKWARD_NAME,
  COMMA_NAME,
  FOOLS_MATE,
  FORMULA_NAME,
  KNIGHT_DANCE,
  SCHOLARS_MATE,
  asyncSimul,
  botSimul,
  runningSimul,
  syncSimul,
} from './test-simuls';
import { TestSimul } from '../simul/test-log';

const SITE = 'https://simul.example/review/sim-1';

/** The file split into its games (each game's text ends with one newline). */
function games(pgn: string): string[] {
  return pgn.split(/\n(?=\[Event ")/).map((g) => (g.endsWith('\n') ? g : `${g}\n`));
}

/** A PGN-standard reading of the tag pairs, unescaping \" and \\ (chess.js does not). */
function tags(game: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of game.split('\n')) {
    const m = /^\[(\w+) "((?:[^"\\]|\\.)*)"\]$/.exec(line);
    if (m) out[m[1]] = m[2].replace(/\\(["\\])/g, '$1');
  }
  return out;
}

/** The movetext's comments in order (the text's own, so a repeated position keeps its own). */
function comments(game: string): string[] {
  const movetext = game.slice(game.indexOf('\n\n') + 2);
  return [...movetext.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
}

/** chess.js's loadPgn of one game; header lines holding an escaped quote are left out (see below). */
function load(game: string): Chess {
  const chess = new Chess();
  chess.loadPgn(
    game
      .split('\n')
      .filter((line) => !(line.startsWith('[') && line.includes('\\"')))
      .join('\n'),
  );
  return chess;
}

describe('simulPgn: an async simul', () => {
  const s = asyncSimul();
  const pgn = simulPgn(s.log, SITE);
  const [g1, g2, g3, g4, ...rest] = games(pgn);

  it('has one game per board that started, in table order (the empty board 5 is left out)', () => {
    expect(rest).toEqual([]);
    expect([g1, g2, g3, g4].map((g) => tags(g).Round)).toEqual(['1', '2', '3', '4']);
    expect(pgn.endsWith('\n')).toBe(true);
    // Games are separated by exactly one blank line.
    expect(pgn.match(/\n\n\[Event /g)).toHaveLength(3);
  });

  it('writes the seven-tag roster first, in order, then TimeControl and Termination', () => {
    expect(
      g1
        .split('\n')
        .filter((l) => l.startsWith('['))
        .map((l) => l.slice(1, l.indexOf(' '))),
    ).toEqual(['Event', 'Site', 'Date', 'Round', 'White', 'Black', 'Result', 'TimeControl', 'Termination']);
    expect(tags(g1)).toEqual({
      Event: 'Period 3 "Chess" \\ club',
      Site: SITE,
      Date: '2025.03.14',
      Round: '1',
      White: 'Host',
      Black: 'Ada',
      Result: '1-0',
      TimeControl: '-',
      Termination: 'normal',
    });
  });

  it('escapes quotes and backslashes in tag values, as the PGN standard asks', () => {
    expect(g1).toContain('[Event "Period 3 \\"Chess\\" \\\\ club"]');
    expect(g2).toContain('[White "Zoë \\"Rook\\" \\\\ Ng"]');
    expect(tags(g2).White).toBe(AWKWARD_NAME);
  });

  it('names the host "Host" on the colour it played (alternating: white on odd tables)', () => {
    expect([g1, g2, g3, g4].map((g) => [tags(g).White, tags(g).Black])).toEqual([
      ['Host', 'Ada'],
      [AWKWARD_NAME, 'Host'],
      ['Host', COMMA_NAME],
      [FORMULA_NAME, 'Host'],
    ]);
  });

  it('gives each game its result, termination marker and reason', () => {
    expect([g1, g2, g3, g4].map((g) => [tags(g).Result, tags(g).Termination])).toEqual([
      ['1-0', 'normal'],
      ['0-1', 'normal'],
      ['1/2-1/2', 'normal'],
      ['*', 'unfinished'],
    ]);
    expect([g1, g2, g3, g4].map((g) => g.trimEnd().split(/\s/).at(-1))).toEqual(['1-0', '0-1', '1/2-1/2', '*']);
    expect([g1, g2, g3, g4].map((g) => comments(g).at(-1))).toEqual([
      '[%emt 0:00:01] Checkmate.',
      '[%emt 0:00:20] White resigns.',
      '[%emt 0:00:01] Draw by threefold repetition.',
      '[%emt 0:00:13] Unfinished: the host aborted the game.',
    ]);
  });

  it('round-trips through chess.js loadPgn: every move and every tag', () => {
    const lines = [SCHOLARS_MATE, ['d4', 'd5', 'c4'], KNIGHT_DANCE, ['e4']];
    [g1, g2, g3, g4].forEach((g, i) => {
      const chess = load(g);
      expect(chess.history()).toEqual(lines[i]);
      expect(chess.history()).toEqual(s.board(i + 1).chess.history());
      const headers = chess.getHeaders();
      for (const [name, value] of Object.entries(tags(g))) {
        if (!value.includes('"')) expect(headers[name], name).toBe(value);
      }
    });
    expect(load(g1).isCheckmate()).toBe(true);
    expect(load(g3).isThreefoldRepetition()).toBe(true);
  });

  it('loads in chess.js even with the escapes, except a tag whose value holds a quote', () => {
    // A backslash survives chess.js (it keeps the escape as written)…
    const backslash = simulPgn(s.log, 'C:\\class');
    expect(() => new Chess().loadPgn(games(backslash)[0].replace(/^\[Event .*\n/, ''))).not.toThrow();
    // …but chess.js 1.4 reads a tag value as [^"]*: the standard's \" is beyond it. The
    // file follows the standard (the tests above read it with a standard reader).
    expect(() => new Chess().loadPgn(g1)).toThrow();
  });

  it("writes each move's elapsed time as {[%emt H:MM:SS]}: since the previous move on that board, or the game's start", () => {
    expect(comments(g1)).toEqual([
      '[%emt 0:00:05]', // e4: 5 s after the start
      '[%emt 0:00:12]', // e5: 12 s after e4
      '[%emt 0:00:08]', // Bc4
      '[%emt 0:00:07]', // Nc6
      '[%emt 0:00:02]', // Qh5
      '[%emt 0:00:13]', // Nf6
      '[%emt 0:00:01] Checkmate.', // Qxf7#, with the reason in the same comment
    ]);
    expect(comments(g2)).toEqual(['[%emt 0:00:12]', '[%emt 0:00:11]', '[%emt 0:00:20] White resigns.']);
    // Every move has exactly one comment, also where a position repeats (board 3).
    expect(comments(g3).map((c) => c.slice(6, 13))).toEqual(
      ['0:00:08', '0:00:20', '0:00:03', '0:00:14', '0:00:01', '0:00:03', '0:00:01', '0:00:01'],
    );
  });

  it('numbers the moves, repeating the number before a black move that follows a comment', () => {
    expect(g1).toMatch(/^1\. e4 \{\[%emt 0:00:05\]\} 1\.\.\. e5 \{\[%emt 0:00:12\]\} 2\. Bc4 /m);
  });

  it('keeps movetext lines under 80 characters and never breaks a comment', () => {
    for (const g of games(pgn)) {
      const movetext = g.slice(g.indexOf('\n\n') + 2).trimEnd().split('\n');
      for (const line of movetext) {
        expect(line.length).toBeLessThan(80);
        expect(line.split('{').length).toBe(line.split('}').length);
      }
    }
    expect(g3.slice(g3.indexOf('\n\n') + 2).trimEnd().split('\n').length).toBeGreaterThan(1);
  });

  it('is deterministic', () => {
    expect(simulPgn(asyncSimul().log, SITE)).toBe(pgn);
  });
});

describe('simulPgn: a sync simul ended early', () => {
  const s = syncSimul();
  const pgn = simulPgn(s.log, SITE);
  const all = games(pgn);

  it('skips the board whose game never began', () => {
    expect(all.map((g) => tags(g).Round)).toEqual(['1', '2']);
    expect(pgn).not.toContain('"Cy"');
  });

  it('dates each game by its own start, in UTC', () => {
    expect(all.map((g) => tags(g).Date)).toEqual(['2025.03.14', '2025.03.15']);
  });

  it('records the host losing with white and the game cut short by the end of the simul', () => {
    expect(tags(all[0])).toMatchObject({ White: 'Host', Black: 'Ada', Result: '0-1', Termination: 'normal' });
    expect(load(all[0]).history()).toEqual(FOOLS_MATE);
    expect(comments(all[0]).at(-1)).toBe('[%emt 0:00:05] Checkmate.');
    expect(tags(all[1])).toMatchObject({ White: 'Host', Black: 'Bob', Result: '*', Termination: 'unfinished' });
    expect(load(all[1]).history()).toEqual(['d4', 'Nf6']);
    expect(comments(all[1])).toEqual(['[%emt 1:02:03]', '[%emt 0:00:01] Unfinished: the simul was ended early.']);
  });
});

describe('simulPgn: bots', () => {
  it("says which side a bot played with WhiteType and BlackType, only where one played", () => {
    const [withBot, withAda] = games(simulPgn(botSimul().log, SITE));
    expect(tags(withBot)).toMatchObject({ White: 'Host', Black: 'Bot 1', WhiteType: 'program', BlackType: 'program' });
    expect(tags(withAda)).toMatchObject({ White: 'Host', Black: 'Ada', WhiteType: 'program', BlackType: 'human' });
    expect(load(withAda).getHeaders()).toMatchObject({ WhiteType: 'program', BlackType: 'human' });
    for (const game of games(simulPgn(asyncSimul().log, SITE))) expect(tags(game)).not.toHaveProperty('WhiteType');
  });
});

describe('simulPgn: an exhibition', () => {
  it('says in a SimulatedClock tag that its times are simulated, and at what speed', () => {
    const s = new TestSimul({ boards: 1, exhibition: { speed: 600, movePairs: 2, pair: 'sim-2' } });
    s.seatAndStart('Ada');
    s.playLine(1, 'e4 e5 Nf3 Nc6');
    const [game] = games(simulPgn(s.log, SITE));
    expect(tags(game)).toMatchObject({ SimulatedClock: '600x', Result: '1/2-1/2', Termination: 'normal' });
    expect(load(game).history()).toEqual(['e4', 'e5', 'Nf3', 'Nc6']);
    for (const g of games(simulPgn(asyncSimul().log, SITE))) expect(tags(g)).not.toHaveProperty('SimulatedClock');
  });
});

describe('simulPgn: edge cases', () => {
  it('marks games still going as in progress, a game without moves included', () => {
    const s = runningSimul();
    const [g1, g2] = games(simulPgn(s.log, SITE));
    expect(tags(g1)).toMatchObject({ Result: '*', Termination: 'unterminated' });
    expect(comments(g1)).toEqual(['[%emt 0:00:02]', '[%emt 0:00:03] Game still in progress.']);
    expect(g2.endsWith('\n\n{Game still in progress.} *\n')).toBe(true);
    expect(load(g2).history()).toEqual([]);
    expect(load(g2).getHeaders().Black).toBe('Bob');
  });

  it('gives an empty file for a log with no game, and "?" for an empty site', () => {
    const s = runningSimul();
    expect(simulPgn(s.log.slice(0, 3), SITE)).toBe('');
    expect(tags(games(simulPgn(s.log, ''))[0]).Site).toBe('?');
  });
});

describe('PGN helpers', () => {
  it('pgnString escapes backslash and quote and blanks control characters', () => {
    expect(pgnString('a"b\\c')).toBe('a\\"b\\\\c');
    expect(pgnString('line\nbreak\ttab')).toBe('line break tab');
  });

  it('pgnDate is YYYY.MM.DD in UTC, or unknown', () => {
    expect(pgnDate(Date.UTC(2024, 0, 2, 23, 59, 59))).toBe('2024.01.02');
    expect(pgnDate(null)).toBe('????.??.??');
  });

  it('emt is H:MM:SS in whole seconds, rounded, never negative', () => {
    expect([0, 499, 500, 5_000, 59_600, 3_655_000, 36_000_000, -3].map(emt)).toEqual([
      '0:00:00',
      '0:00:00',
      '0:00:01',
      '0:00:05',
      '0:01:00',
      '1:00:55',
      '10:00:00',
      '0:00:00',
    ]);
  });
});

describe('the host and its time', () => {
  it('names the host as the teacher named it, on the colour it played', () => {
    const s = new TestSimul({ boards: 2, hostColor: 'alternate', hostName: 'Ms. Okafor' });
    s.seatAndStart('Ada', 'Bo');
    const [g1, g2] = games(simulPgn(s.log, SITE));
    expect([tags(g1).White, tags(g1).Black, tags(g2).White, tags(g2).Black]).toEqual(['Ms. Okafor', 'Ada', 'Bo', 'Ms. Okafor']);
  });

  it('gives the host black the extra time on the Black side, and no side tags without extra time', () => {
    const extra = new TestSimul({ boards: 1, hostColor: 'black', clock: { initialMs: 600_000, incrementMs: 5_000, hostExtraMs: 300_000 } });
    extra.seatAndStart('Ada');
    extra.play(1, 'e4');
    expect(tags(simulPgn(extra.log, SITE))).toMatchObject({ TimeControl: '600+5', WhiteTimeControl: '600+5', BlackTimeControl: '900+5' });
    const even = new TestSimul({ boards: 1, clock: { initialMs: 600_000, incrementMs: 5_000, hostExtraMs: 0 } });
    even.seatAndStart('Ada');
    even.play(1, 'e4');
    const t = tags(simulPgn(even.log, SITE));
    expect(t.TimeControl).toBe('600+5');
    expect(t.WhiteTimeControl).toBeUndefined();
  });
});

describe('a simul with clocks', () => {
  it('carries the time control, the time left after each move, and a loss on time', () => {
    const s = new TestSimul({ boards: 1, now: 0, clock: { initialMs: 180_000, incrementMs: 2_000, hostExtraMs: 60_000 } });
    s.seatAndStart('Ada');
    s.tick(5_000).play(1, 'e4');
    s.tick(180_000);
    s.ok({ role: 'server' }, { type: 'time-out', board: 1 });
    const pgn = simulPgn(s.log, SITE);
    expect(pgn).toContain('[TimeControl "180+2"]');
    // The host's extra minute is in its own side's time control.
    expect(tags(pgn)).toMatchObject({ WhiteTimeControl: '240+2', BlackTimeControl: '180+2' });
    expect(pgn).toContain('[Termination "time forfeit"]');
    // The host had 4:00, took 5 s and got 2 s back.
    expect(pgn).toContain('1. e4 {[%emt 0:00:05] [%clk 0:03:57] Black forfeits on time.} 1-0');
    expect(new Chess().loadPgn(pgn)).toBeUndefined();
  });
});
