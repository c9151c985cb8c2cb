// How the projector's end screen lays out every result at once in a box it cannot scroll: in
// one, two or three side-by-side tables, at the largest type whose rows fit the height and whose
// widest row (estimated from its words) fits the width. The page then shrinks the type further
// only if a table is measured wider than its column (the estimate is close, not exact).

interface ResultsFit {
  /** Side-by-side tables. */
  tables: number;
  /** Type size in px. */
  font: number;
}

interface ResultsFitInput {
  rows: number;
  width: number;
  height: number;
  /** Each column's widest text, in characters (its header or its longest cell). */
  columnChars: number[];
  /** Space between tables, px. */
  gap: number;
  maxFont: number;
  minFont: number;
}

/** A character's width in em (mixed, partly bold text), and each cell's padding in em. */
const CHAR_EM = 0.52;
const PAD_EM = 0.9;
/** A row's height in em: one line and its padding. */
export const ROW_EM = 1.6;

export function fitResults({ rows, width, height, columnChars, gap, maxFont, minFont }: ResultsFitInput): ResultsFit {
  const rowEm = columnChars.reduce((sum, chars) => sum + chars * CHAR_EM + PAD_EM, 0);
  let best: ResultsFit = { tables: 1, font: minFont };
  for (let tables = 1; tables <= 3; tables++) {
    // The header row, then this table's share of the rows.
    const lines = Math.ceil(rows / tables) + 1;
    const byHeight = height / lines / ROW_EM;
    const byWidth = (width - gap * (tables - 1)) / tables / rowEm;
    const font = Math.min(maxFont, byHeight, byWidth);
    if (font > best.font + 0.5) best = { tables, font };
  }
  return { tables: best.tables, font: Math.max(minFont, Math.floor(best.font)) };
}

/** The boards of each table, in order: the first tables take the extra row. */
export function splitRows<T>(items: T[], tables: number): T[][] {
  const per = Math.ceil(items.length / tables);
  return Array.from({ length: tables }, (_, i) => items.slice(i * per, i * per + per)).filter((part) => part.length > 0);
}
