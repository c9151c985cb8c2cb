// @vitest-environment happy-dom
// The big board: its squares and named pieces, a tap's square and piece, and what a move or the
// host's next board redraws (only the squares that changed; the same 64 elements throughout).
import { renders } from './testing/render-counts';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ChessBoard } from './ChessBoard';
import { testRoot } from './testing/test-root';

const START = 'rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1';
const AFTER_E4 = 'rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq - 0 1';
const LIT = { backgroundColor: 'yellow' };

const page = testRoot();

function draw(props: Partial<Parameters<typeof ChessBoard>[0]> = {}) {
  const all = {
    id: 'host-board-1',
    fen: START,
    orientation: 'white' as const,
    squareStyles: {},
    canDrag: () => false,
    onSquareClick: () => {},
    onDrop: () => {},
    ...props,
  };
  act(() => page.root.render(<ChessBoard {...all} />));
}

const squareEls = () => [...page.container.querySelectorAll<HTMLElement>('[data-square]')];

/** The squares whose element, or anything inside it, changed while `change` ran. */
async function changedSquares(change: () => void): Promise<Set<string>> {
  const touched = new Set<string>();
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      const el = (r.target instanceof Element ? r.target : r.target.parentElement)?.closest<HTMLElement>('[data-square]');
      if (el) touched.add(el.dataset.square!);
    }
  });
  observer.observe(page.container, { subtree: true, childList: true, attributes: true, characterData: true });
  change();
  await new Promise((r) => setTimeout(r, 0));
  for (const r of observer.takeRecords()) {
    const el = (r.target instanceof Element ? r.target : r.target.parentElement)?.closest<HTMLElement>('[data-square]');
    if (el) touched.add(el.dataset.square!);
  }
  observer.disconnect();
  return touched;
}

describe('ChessBoard', () => {
  it('draws 64 squares from the viewer’s side, each piece named', () => {
    draw();
    const squares = squareEls();
    expect(squares).toHaveLength(64);
    expect(squares[0].id).toBe('host-board-1-square-a8');
    expect(squares[63].id).toBe('host-board-1-square-h1');
    expect(page.container.querySelector('#host-board-1-square-e1')?.getAttribute('aria-label')).toBe('e1, white king');
    expect(page.container.querySelector('#host-board-1-square-d8')?.getAttribute('aria-label')).toBe('d8, black queen');
    expect(page.container.querySelector('#host-board-1-square-e4')?.getAttribute('aria-label')).toBe('e4');
    // Light on the right: h1 and a8 light, a1 and h8 dark.
    const colour = (sq: string) => page.container.querySelector(`#host-board-1-square-${sq}`)!.className.match(/bg-board-(light|dark)/)![1];
    expect(['h1', 'a8', 'a1', 'h8'].map(colour)).toEqual(['light', 'light', 'dark', 'dark']);
    draw({ orientation: 'black' });
    expect(squareEls()[0].dataset.square).toBe('h1');
    expect(squareEls()[63].dataset.square).toBe('a8');
  });

  it('tells a tap’s square and what stands on it', () => {
    const onSquareClick = vi.fn();
    draw({ onSquareClick });
    act(() => page.container.querySelector<HTMLElement>('#host-board-1-square-e2 svg')!.dispatchEvent(new MouseEvent('click', { bubbles: true })));
    act(() => page.container.querySelector<HTMLElement>('#host-board-1-square-e4')!.dispatchEvent(new MouseEvent('click', { bubbles: true })));
    expect(onSquareClick.mock.calls).toEqual([['e2', 'P'], ['e4', null]]);
  });

  it('is played with the keys: one square in the tab order, the arrows move it, a key press is a tap', () => {
    const onSquareClick = vi.fn();
    draw({ onSquareClick });
    const tabbable = () => squareEls().filter((el) => el.tabIndex === 0).map((el) => el.dataset.square);
    expect(tabbable()).toEqual(['a8']);
    const key = (key: string) =>
      act(() => (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));
    act(() => squareEls()[0].focus());
    key('ArrowLeft'); // the edge: stays
    key('ArrowDown');
    key('ArrowDown');
    key('ArrowRight');
    expect((document.activeElement as HTMLElement).dataset.square).toBe('b6');
    expect(tabbable()).toEqual(['b6']);
    // Enter or Space on a button is its click.
    act(() => (document.activeElement as HTMLElement).click());
    expect(onSquareClick).toHaveBeenLastCalledWith('b6', null);
  });

  it('redraws for a move only the squares it touched', async () => {
    draw();
    const before = squareEls();
    renders.reset();
    const touched = await changedSquares(() => draw({ fen: AFTER_E4, squareStyles: { e2: LIT, e4: LIT } }));
    expect([...touched].sort()).toEqual(['e2', 'e4']);
    expect(renders.of('Square')).toBe(2);
    // The same look again redraws nothing.
    renders.reset();
    draw({ fen: AFTER_E4, squareStyles: { e2: LIT, e4: LIT } });
    expect(renders.of('Square')).toBe(0);
    expect(squareEls()).toEqual(before); // the same elements
    expect(page.container.querySelector('#host-board-1-square-e4 [data-piece]')?.getAttribute('data-piece')).toBe('P');
    expect(page.container.querySelector('#host-board-1-square-e2 [data-piece]')).toBeNull();
  });

  it('keeps its squares when the host moves on to another board', async () => {
    draw();
    const before = squareEls();
    await changedSquares(() => draw({ id: 'host-board-2', fen: AFTER_E4 }));
    expect(squareEls()).toEqual(before);
    expect(before[52].id).toBe('host-board-2-square-e2');
    expect(page.container.querySelector('#host-board-2-square-e4 [data-piece]')?.getAttribute('data-piece')).toBe('P');
  });
});
