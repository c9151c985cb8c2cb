// How a projector lays out N mini boards in a box it cannot scroll: the column count that makes
// the cells largest, or, when even that leaves them too small to read, pages of as many cells of
// the smallest readable size as fit, shown one after another.

interface GridFit {
  columns: number;
  /** Cell width in px (a cell is `aspect` times as tall as wide). */
  cell: number;
  /** Boards per page: all of them when they fit at once. */
  perPage: number;
  pages: number;
}

interface FitInput {
  count: number;
  width: number;
  height: number;
  gap: number;
  /** A cell's height over its width (the board, a line above it and the chip below it). */
  aspect: number;
  /** The narrowest cell still read from the back of the room. */
  minCell: number;
}

/** The largest cell width that puts `count` cells in the box, and its column count. */
function largest({ count, width, height, gap, aspect }: Omit<FitInput, 'minCell'>): { columns: number; cell: number } {
  let best = { columns: 1, cell: 0 };
  for (let columns = 1; columns <= Math.max(1, count); columns++) {
    const rows = Math.ceil(count / columns);
    const cell = Math.min((width - gap * (columns - 1)) / columns, (height - gap * (rows - 1)) / rows / aspect);
    if (cell > best.cell) best = { columns, cell };
  }
  return best;
}

export function fitGrid(input: FitInput): GridFit {
  const { count, width, height, gap, aspect, minCell } = input;
  if (count === 0 || width <= 0 || height <= 0) return { columns: 1, cell: 0, perPage: count, pages: 1 };
  const all = largest(input);
  if (all.cell >= minCell) return { ...all, cell: Math.floor(all.cell), perPage: count, pages: 1 };
  // Pages: as many cells of the smallest readable width as the box holds, at least one.
  const columns = Math.max(1, Math.floor((width + gap) / (minCell + gap)));
  const rows = Math.max(1, Math.floor((height + gap) / (minCell * aspect + gap)));
  const perPage = Math.min(count, columns * rows);
  const page = largest({ count: perPage, width, height, gap, aspect });
  return { columns: page.columns, cell: Math.floor(page.cell), perPage, pages: Math.ceil(count / perPage) };
}
