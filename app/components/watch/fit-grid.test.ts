import { describe, expect, it } from 'vitest';
import { fitGrid } from './fit-grid';

const box = { width: 1260, height: 610, gap: 8, aspect: 1.3, minCell: 100 };

/** The grid's own extent: what must stay inside the box. */
function extent(fit: ReturnType<typeof fitGrid>, count: number) {
  const rows = Math.ceil(Math.min(count, fit.perPage) / fit.columns);
  return {
    width: fit.columns * fit.cell + (fit.columns - 1) * box.gap,
    height: rows * fit.cell * box.aspect + (rows - 1) * box.gap,
  };
}

describe('fitGrid', () => {
  it('puts every board on one page while the cells stay readable, and they fit the box', () => {
    for (const count of [1, 2, 12, 24, 40]) {
      const fit = fitGrid({ ...box, count });
      expect(fit.pages).toBe(1);
      expect(fit.perPage).toBe(count);
      expect(fit.cell).toBeGreaterThanOrEqual(box.minCell);
      const e = extent(fit, count);
      expect(e.width).toBeLessThanOrEqual(box.width);
      expect(e.height).toBeLessThanOrEqual(box.height);
    }
  });

  it('picks the column count that makes the cells largest', () => {
    // 40 boards in 1260 x 610: 10 columns of 4 rows beat 9 of 5 and 11 of 4.
    expect(fitGrid({ ...box, count: 40 }).columns).toBe(10);
    // One board is as large as the height allows.
    expect(fitGrid({ ...box, count: 1 })).toMatchObject({ columns: 1, cell: Math.floor(610 / 1.3) });
  });

  it('pages when all would be too small to read, every page fitting the box', () => {
    const fit = fitGrid({ ...box, count: 100 });
    expect(fit.pages).toBeGreaterThan(1);
    expect(fit.perPage * fit.pages).toBeGreaterThanOrEqual(100);
    expect(fit.perPage * (fit.pages - 1)).toBeLessThan(100);
    expect(fit.cell).toBeGreaterThanOrEqual(box.minCell);
    const e = extent(fit, 100);
    expect(e.width).toBeLessThanOrEqual(box.width);
    expect(e.height).toBeLessThanOrEqual(box.height);
  });

  it('shows one board a page in a box smaller than one readable cell, rather than none', () => {
    expect(fitGrid({ ...box, width: 80, height: 80, count: 5 })).toMatchObject({ perPage: 1, pages: 5 });
  });
});
