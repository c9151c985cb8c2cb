// A mini board's pieces painted on one canvas: a grid of 100 boards is 100 elements, not the
// 3,000 pieces (each an SVG <use>, which the browser clones, styles and lays out) it would be
// in the DOM. The pieces are PieceSprites' drawings (the symbols the page holds once), made
// into one image once, and copied at each square size the page asks for.
import { PIECE_TYPES, pieceType } from './PieceSprites';

/**
 * Every piece side by side in PIECE_TYPES' order, one image made from the symbols the page holds
 * (one SVG document for the browser to load, not one a piece), once it has loaded.
 */
let sprites: Promise<HTMLImageElement> | null = null;

function loadSprites(): Promise<HTMLImageElement> {
  sprites ??= (async () => {
    const drawings = PIECE_TYPES.map((type, i) => `<g transform="translate(${i * 45} 0)">${document.getElementById(`piece-${type}`)?.innerHTML ?? ''}</g>`);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${PIECE_TYPES.length * 45} 45">${drawings.join('')}</svg>`;
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    await image.decode();
    return image;
  })();
  return sprites;
}

/** Every piece drawn at one square size (device px), side by side in PIECE_TYPES' order. */
const sheets = new Map<number, HTMLCanvasElement>();

function sheetOf(image: HTMLImageElement, size: number): HTMLCanvasElement {
  let sheet = sheets.get(size);
  if (sheet) return sheet;
  sheet = document.createElement('canvas');
  sheet.width = size * PIECE_TYPES.length;
  sheet.height = size;
  sheet.getContext('2d')!.drawImage(image, 0, 0, sheet.width, size);
  // A page shows a few sizes (the grid's, the followed board's): keep the last few.
  if (sheets.size >= 8) sheets.delete(sheets.keys().next().value!);
  sheets.set(size, sheet);
  return sheet;
}

/** Each piece type's place in the sheet. */
const SHEET_INDEX = new Map(PIECE_TYPES.map((type, i) => [type, i]));

/** The latest paint asked of each canvas: a late sprite load paints only the newest. */
const wanted = new WeakMap<HTMLCanvasElement, string>();

/**
 * Paints `pieces` on `canvas`, `width` CSS px wide (and as tall), at the screen's pixel density;
 * an empty list clears it. The first paint of the page waits for the sprites.
 */
export function paintPieces(canvas: HTMLCanvasElement, width: number, pieces: [number, string][]): void {
  const key = `${width}|${pieces.map(([i, p]) => i + p).join()}`;
  wanted.set(canvas, key);
  void loadSprites().then((image) => {
    if (wanted.get(canvas) !== key) return;
    const size = Math.max(1, Math.round(width * (window.devicePixelRatio || 1)));
    if (canvas.width !== size) canvas.width = size;
    if (canvas.height !== size) canvas.height = size;
    const g = canvas.getContext('2d');
    if (!g) return;
    g.clearRect(0, 0, size, size);
    const square = Math.max(1, Math.ceil(size / 8));
    const sheet = sheetOf(image, square);
    for (const [i, letter] of pieces) {
      const at = SHEET_INDEX.get(pieceType(letter));
      if (at === undefined) continue;
      g.drawImage(sheet, at * square, 0, square, square, ((i % 8) * size) / 8, (Math.floor(i / 8) * size) / 8, size / 8, size / 8);
    }
  });
}

/** Calls back with an element's width (CSS px) now and whenever it changes: one observer for every board. */
export const watchWidth = (() => {
  let observer: ResizeObserver | null = null;
  const callbacks = new Map<Element, (width: number) => void>();
  return (element: Element, changed: (width: number) => void): (() => void) => {
    if (typeof ResizeObserver === 'undefined') return () => {};
    observer ??= new ResizeObserver((entries) => {
      for (const entry of entries) callbacks.get(entry.target)?.(entry.contentRect.width);
    });
    callbacks.set(element, changed);
    observer.observe(element);
    return () => {
      callbacks.delete(element);
      observer?.unobserve(element);
    };
  };
})();
