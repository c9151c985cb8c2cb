// @vitest-environment happy-dom
// What is on screen is drawn first; the rest when it comes near, or a few at a time when the page
// is idle. The browser's IntersectionObserver and requestIdleCallback are played by the test.
import { act } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NearScreen, useNearScreen } from './near-screen';
import { testRoot } from './testing/test-root';

/** The page's one observer, as the browser would drive it: the test says what came near. */
const observed = new Set<Element>();
let report: ((entries: { target: Element; isIntersecting: boolean }[]) => void) | null = null;
class TestObserver {
  constructor(callback: typeof report) {
    report = callback;
  }
  observe(element: Element) {
    observed.add(element);
  }
  unobserve(element: Element) {
    observed.delete(element);
  }
  disconnect() {}
}
const idleMoments: (() => void)[] = [];

function comesNear(element: Element) {
  act(() => report!([{ target: element, isIntersecting: true }]));
}
function idleMoment() {
  act(() => idleMoments.shift()!());
}

const saved = { observer: globalThis.IntersectionObserver, idle: globalThis.requestIdleCallback };
beforeAll(() => {
  globalThis.IntersectionObserver = TestObserver as unknown as typeof IntersectionObserver;
  globalThis.requestIdleCallback = ((run: () => void) => idleMoments.push(run)) as typeof requestIdleCallback;
});
afterAll(() => {
  globalThis.IntersectionObserver = saved.observer;
  globalThis.requestIdleCallback = saved.idle;
});

function Part({ n, eager = false }: { n: number; eager?: boolean }) {
  const { ref, drawn } = useNearScreen(eager);
  return (
    <div ref={ref} data-part={n}>
      {drawn ? `part ${n}` : ''}
    </div>
  );
}

const page = testRoot();
// Whatever a test left waiting is done with before the next.
afterEach(() => {
  act(() => {
    while (idleMoments.length) idleMoments.shift()!();
  });
});

const drawn = () => [...page.container.querySelectorAll('[data-part]')].filter((e) => e.textContent).map((e) => Number(e.getAttribute('data-part')));
const part = (n: number) => page.container.querySelector(`[data-part="${n}"]`)!;

describe('drawing what is on screen first', () => {
  it('draws the eager parts at once and the others only when they come near the screen', () => {
    act(() => page.root.render(<>{[1, 2, 3, 4].map((n) => <Part key={n} n={n} eager={n <= 2} />)}</>));
    expect(drawn()).toEqual([1, 2]);
    expect(observed.has(part(3)) && observed.has(part(4))).toBe(true);
    comesNear(part(4));
    expect(drawn()).toEqual([1, 2, 4]);
    // Drawn, it is watched no more.
    expect(observed.has(part(4))).toBe(false);
  });

  it('draws the rest a few at a time when the page is idle, and a part that came near is not drawn again', () => {
    act(() => page.root.render(<>{Array.from({ length: 10 }, (_, i) => <Part key={i + 1} n={i + 1} />)}</>));
    expect(drawn()).toEqual([]);
    comesNear(part(1));
    expect(drawn()).toEqual([1]);
    idleMoment();
    expect(drawn()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(idleMoments).toHaveLength(1);
    idleMoment();
    expect(drawn()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(idleMoments).toHaveLength(0);
    expect(observed.size).toBe(0);
  });

  it('keeps a long part’s place with an empty block until it is drawn', () => {
    act(() =>
      page.root.render(
        <NearScreen rem={16}>
          <p data-testid="long">the long part</p>
        </NearScreen>,
      ),
    );
    expect(page.container.querySelector('[data-testid="long"]')).toBeNull();
    expect((page.container.firstElementChild as HTMLElement).style.minHeight).toBe('16rem');
    idleMoment();
    expect(page.container.querySelector('[data-testid="long"]')?.textContent).toBe('the long part');
  });

  it('forgets a part that goes away before it is drawn', () => {
    act(() => page.root.render(<>{[1, 2].map((n) => <Part key={n} n={n} />)}</>));
    act(() => page.root.render(<Part n={1} />));
    expect(observed.size).toBe(1);
    idleMoment();
    expect(drawn()).toEqual([1]);
    expect(observed.size).toBe(0);
  });
});
