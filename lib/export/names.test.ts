import { describe, expect, it } from 'vitest';
import { exportFileName } from './names';

describe('exportFileName', () => {
  it('slugs the title and adds the simul id and extension', () => {
    expect(exportFileName('Period 3', 'sim-1', 'pgn')).toBe('period-3-sim-1.pgn');
    expect(exportFileName('Élève "échecs" / 2B!', 'abc123', '.csv')).toBe('eleve-echecs-2b-abc123.csv');
  });

  it('falls back to "simul" and drops what a file name should not hold', () => {
    expect(exportFileName('', 'x/y', 'json')).toBe('simul-xy.json');
    expect(exportFileName(null, null, 'json')).toBe('simul.json');
    expect(exportFileName('♞♞♞', 'id', 'pgn')).toBe('simul-id.pgn');
    expect(exportFileName('a'.repeat(100), 'id', 'pgn')).toBe(`${'a'.repeat(40)}-id.pgn`);
  });
});
