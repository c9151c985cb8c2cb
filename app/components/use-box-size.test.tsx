// @vitest-environment happy-dom
// A part fitted to the screen is drawn fitted from its first drawing: the media query is right
// at once, and the box is measured before the browser paints, not when an observer reports.
import { act, useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useBoxSize, useMediaQuery } from './use-box-size';
import { testRoot } from './testing/test-root';

const page = testRoot();
afterEach(() => vi.restoreAllMocks());

describe('fitting a part to the screen', () => {
  it('draws a projector-sized screen as one from the first drawing, never first as a phone', () => {
    vi.spyOn(window, 'matchMedia').mockImplementation(
      (query: string) => ({ matches: query === '(min-width: 64rem)', addEventListener() {}, removeEventListener() {} }) as unknown as MediaQueryList,
    );
    const seen: boolean[] = [];
    function Screen() {
      const fixed = useMediaQuery('(min-width: 64rem)');
      seen.push(fixed);
      return <p>{fixed ? 'projector' : 'phone'}</p>;
    }
    act(() => page.root.render(<Screen />));
    expect(seen).toEqual([true]);
    expect(page.container.textContent).toBe('projector');
  });

  it('measures the box before it is shown, whether or not an observer ever reports', () => {
    // An observer that never reports: the size must come from the first measure.
    vi.stubGlobal('ResizeObserver', class { observe() {} disconnect() {} });
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ width: 640.6, height: 360.2 } as DOMRect);
    const sizes: string[] = [];
    function Box() {
      const box = useRef<HTMLDivElement>(null);
      const { width, height } = useBoxSize(box);
      sizes.push(`${width}x${height}`);
      return <div ref={box}>{width > 0 ? 'fitted' : ''}</div>;
    }
    act(() => page.root.render(<Box />));
    expect(sizes).toEqual(['0x0', '640x360']);
    expect(page.container.textContent).toBe('fitted');
    vi.unstubAllGlobals();
  });
});
