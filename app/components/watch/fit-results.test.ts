import { describe, expect, it } from 'vitest';
import { fitResults, ROW_EM, splitRows } from './fit-results';

// A results table's columns: board, opponent, host plays, result, how, moves.
const COLUMNS = [5, 11, 10, 10, 25, 5];

describe('the end screen fits every result at once', () => {
  it('few results: one table, the largest type', () => {
    expect(fitResults({ rows: 8, width: 1800, height: 800, columnChars: COLUMNS, gap: 40, maxFont: 40, minFont: 10 })).toEqual({ tables: 1, font: 40 });
  });

  it('30 results on a wide, short box: side by side, each row still as tall as its type', () => {
    const fit = fitResults({ rows: 30, width: 1880, height: 820, columnChars: COLUMNS, gap: 40, maxFont: 40, minFont: 10 });
    expect(fit.tables).toBeGreaterThan(1);
    const lines = Math.ceil(30 / fit.tables) + 1;
    expect(lines * fit.font * ROW_EM).toBeLessThanOrEqual(820);
    // Better than one long table of 31 lines.
    expect(fit.font).toBeGreaterThan(820 / 31 / ROW_EM);
  });

  it('a narrow box keeps one table and narrows the type to its width', () => {
    const fit = fitResults({ rows: 30, width: 500, height: 2000, columnChars: COLUMNS, gap: 40, maxFont: 40, minFont: 8 });
    expect(fit.tables).toBe(1);
    // About 44 em of words and padding in a row: the type follows the width, not the height.
    expect(fit.font * 40).toBeLessThan(500);
    expect(fit.font).toBeGreaterThanOrEqual(10);
  });

  it('never below the smallest type', () => {
    expect(fitResults({ rows: 100, width: 300, height: 300, columnChars: COLUMNS, gap: 40, maxFont: 40, minFont: 10 }).font).toBe(10);
  });

  it('splits rows in order, the first tables taking the extra row', () => {
    expect(splitRows([1, 2, 3, 4, 5], 2)).toEqual([[1, 2, 3], [4, 5]]);
    expect(splitRows([1, 2], 3)).toEqual([[1], [2]]);
    expect(splitRows([], 2)).toEqual([]);
  });
});
