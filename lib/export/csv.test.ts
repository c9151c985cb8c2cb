import { describe, expect, it } from 'vitest';
import { simulMetrics } from '../metrics';
import { MOVE_TIMINGS_COLUMNS, csvField, moveTimingsCsv, safeText } from './csv';
import { AWKWARD_NAME, COMMA_NAME, FORMULA_NAME, T0, asyncSimul, botSimul, runningSimul, syncSimul } from './test-simuls';
import { TestSimul } from '../simul/test-log';

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      if (c === '"' || c === '\n' || c === '\r') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('unclosed quote');
  if (field !== '' || row.length) throw new Error('the last record has no CRLF');
  return rows;
}

function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => {
    expect(r).toHaveLength(header.length);
    return Object.fromEntries(header.map((h, i) => [h, r[i]]));
  });
}

describe('moveTimingsCsv', () => {
  const s = asyncSimul();
  const csv = moveTimingsCsv(s.log);
  const rows = records(csv);

  it('starts with a header row and ends every record with CRLF', () => {
    expect(parseCsv(csv)[0]).toEqual([...MOVE_TIMINGS_COLUMNS]);
    expect(csv.startsWith('board,opponent,ply,side,color,san,at,elapsed_ms,think_ms,mover_type,clock,game,taken_back\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('has one row per move, in log order', () => {
    const moves = s.log.filter((e) => e.type === 'move-made');
    expect(rows).toHaveLength(moves.length);
    expect(rows.map((r) => [Number(r.board), r.san, Date.parse(r.at)])).toEqual(
      moves.map((e) => [e.type === 'move-made' ? e.board : 0, e.type === 'move-made' ? e.san : '', e.at]),
    );
  });

  it('numbers the plies per board and names side and colour', () => {
    expect(rows.filter((r) => r.board === '2').map((r) => [r.ply, r.side, r.color, r.san])).toEqual([
      ['1', 'opponent', 'white', 'd4'],
      ['2', 'host', 'black', 'd5'],
      ['3', 'opponent', 'white', 'c4'],
    ]);
    expect(rows.filter((r) => r.board === '1').map((r) => r.ply)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });

  it('writes at in ISO 8601 UTC, and elapsed_ms since the previous move on the board or the start', () => {
    expect(rows[0]).toMatchObject({ board: '1', san: 'e4', at: new Date(T0 + 5_000).toISOString(), elapsed_ms: '5000' });
    expect(rows.filter((r) => r.board === '1').map((r) => Number(r.elapsed_ms) / 1000)).toEqual([5, 12, 8, 7, 2, 13, 1]);
  });

  it("takes think_ms from the dashboard's metrics: the opponent's equals elapsed, the host's is its busy time", () => {
    const thinks = simulMetrics(s.log)!.moves;
    expect(rows.map((r) => Number(r.think_ms))).toEqual(thinks.map((m) => m.think));
    for (const r of rows.filter((x) => x.side === 'opponent')) expect(r.think_ms).toBe(r.elapsed_ms);
    // Ng1 on board 3: 3 s since the opponent's Nf6, but the host's busy time since its own
    // previous move (Bc4 on board 1) is 4 s (board 4 awaited it, then board 3).
    expect(rows.find((r) => r.board === '3' && r.ply === '3')).toMatchObject({ elapsed_ms: '3000', think_ms: '4000' });
  });

  it('quotes names per RFC 4180 and guards a formula-like name', () => {
    expect(csv).toContain(',"Lee, Ann",');
    expect(csv).toContain(',"Zoë ""Rook"" \\ Ng",');
    expect(new Set(rows.map((r) => r.opponent))).toEqual(new Set(['Ada', AWKWARD_NAME, COMMA_NAME, `'${FORMULA_NAME}`]));
  });

  it('covers a sync simul (the never-started board has no rows) and a running one', () => {
    const sync = records(moveTimingsCsv(syncSimul().log));
    expect(sync.map((r) => [r.board, r.san, r.elapsed_ms])).toEqual([
      ['1', 'f3', '60000'],
      ['1', 'e5', '60000'],
      ['1', 'g4', '1000'],
      ['1', 'Qh4#', '5000'],
      ['2', 'd4', '3723000'],
      ['2', 'Nf6', '500'],
    ]);
    const running = records(moveTimingsCsv(runningSimul().log));
    expect(running.map((r) => [r.san, r.elapsed_ms, r.think_ms])).toEqual([
      ['e4', '2000', '2000'],
      ['c5', '3000', '3000'],
    ]);
  });

  it('is only the header for a simul not yet started', () => {
    expect(moveTimingsCsv(runningSimul().log.slice(0, 3))).toBe(`${MOVE_TIMINGS_COLUMNS.join(',')}\r\n`);
  });
});

describe('CSV helpers', () => {
  it('csvField quotes only when needed and doubles quotes', () => {
    expect(['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\r', '', null, 42].map(csvField)).toEqual([
      'plain',
      '"a,b"',
      '"say ""hi"""',
      '"two\nlines"',
      '"cr\r"',
      '',
      '',
      '42',
    ]);
  });

  it('safeText prefixes what a spreadsheet would run as a formula', () => {
    expect(['=SUM(A1)', '+1', '-1', '@x', 'Ada', "O'Neil"].map(safeText)).toEqual([
      "'=SUM(A1)",
      "'+1",
      "'-1",
      "'@x",
      'Ada',
      "O'Neil",
    ]);
  });

  it('safeText also guards tab, CR and LF, and the full-width and small forms of = + - @', () => {
    for (const text of ['\tx', '\rx', '\nx']) expect(safeText(text)).toBe(`'${text}`);
    const wide = ['\uff1dSUM(A1)', '\uff0b1', '\uff0d1', '\uff20x']; // ＝ ＋ － ＠
    const small = ['\ufe66SUM(A1)', '\ufe621', '\ufe631', '\ufe6bx']; // ﹦ ﹢ ﹣ ﹫
    for (const text of [...wide, ...small]) expect(safeText(text), JSON.stringify(text)).toBe(`'${text}`);
    for (const text of ['Ada', 'Zoë', 'x=1', 'A-Z', '\uff21da', '1+1']) expect(safeText(text)).toBe(text);
  });
});

describe('moveTimingsCsv: an exhibition', () => {
  it('says in clock that its times are simulated; any other simul is on real time', () => {
    const s = new TestSimul({ boards: 1, exhibition: { speed: 'max', movePairs: 2, pair: 'sim-2' } });
    s.seatAndStart('Ada');
    s.playLine(1, 'e4 e5 Nf3');
    expect(records(moveTimingsCsv(s.log)).map((r) => r.clock)).toEqual(['simulated', 'simulated', 'simulated']);
    expect(new Set(records(moveTimingsCsv(asyncSimul().log)).map((r) => r.clock))).toEqual(new Set(['real']));
  });
});

describe('moveTimingsCsv: bots', () => {
  it('says in mover_type whether a program or a person made each move', () => {
    const rows = records(moveTimingsCsv(botSimul().log));
    expect(rows.map((r) => [r.board, r.side, r.mover_type])).toEqual([
      ['1', 'host', 'program'],
      ['2', 'host', 'program'],
      ['1', 'opponent', 'program'],
      ['2', 'opponent', 'human'],
    ]);
    expect(new Set(records(moveTimingsCsv(asyncSimul().log)).map((r) => r.mover_type))).toEqual(new Set(['human']));
  });
});
