'use client';
// What is on screen is drawn first; the rest when it comes near the screen, or when the page has
// nothing else to do, a few at a time: opening a console of 100 boards costs what the boards and
// figures in sight cost, and a moment later the whole page is there (for the find bar, a screen
// reader, a test) without the reader having scrolled.
import { useEffect, useRef, useState } from 'react';

/** How many boards of a grid are drawn whole at once: about what a screen shows of them. */
export const SCREENFUL = 24;

/**
 * A grid's cell past the first screenful is not laid out or painted until it comes near
 * (content-visibility), its size kept meanwhile. The first screenful is laid out at once:
 * content-visibility on it would lay the page out twice in its first frame, once with those
 * cells skipped and again when the browser finds them on screen.
 */
export const LAID_OUT_WHEN_NEAR = '[content-visibility:auto] [contain-intrinsic-size:auto_8rem_auto_11rem]';

/** Within this much of sight (in the page or in a part that scrolls), a part counts as near. */
const NEAR = '300px';
/** How many waiting parts one idle moment draws: a few, so that no frame waits long for them. */
const IDLE_BATCH = 6;

/** Calls back once when the element comes near the screen (one observer for every part). */
const whenNear = (() => {
  let observer: IntersectionObserver | null = null;
  const waiting = new Map<Element, () => void>();
  return (element: Element, near: () => void): (() => void) => {
    observer ??= new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          waiting.get(entry.target)?.();
          waiting.delete(entry.target);
          observer!.unobserve(entry.target);
        }
      },
      { rootMargin: NEAR, scrollMargin: NEAR } as IntersectionObserverInit,
    );
    waiting.set(element, near);
    observer.observe(element);
    return () => {
      waiting.delete(element);
      observer?.unobserve(element);
    };
  };
})();

/** Parts waiting for an idle moment, first asked first drawn. */
const idleQueue = new Set<() => void>();
let idleScheduled = false;

function scheduleIdle() {
  if (idleScheduled || idleQueue.size === 0) return;
  idleScheduled = true;
  const run = () => {
    idleScheduled = false;
    let drawn = 0;
    for (const draw of idleQueue) {
      if (drawn++ === IDLE_BATCH) break;
      idleQueue.delete(draw);
      draw();
    }
    scheduleIdle();
  };
  // The drawing itself happens in React's next render, before the next idle moment comes.
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 });
  else setTimeout(run, 50);
}

/** Calls back once in an idle moment of the page (a few parts a moment); the returned function cancels. */
function whenIdle(draw: () => void): () => void {
  idleQueue.add(draw);
  scheduleIdle();
  return () => void idleQueue.delete(draw);
}

/**
 * Whether a part is drawn: at once when `eager`, else from when its element (`ref`) first comes
 * near the screen or the page is first idle, whichever is sooner. Once drawn, it stays drawn.
 */
export function useNearScreen<T extends Element = HTMLDivElement>(eager: boolean) {
  const ref = useRef<T>(null);
  const [drawn, setDrawn] = useState(eager);
  useEffect(() => {
    if (drawn) return;
    const draw = () => setDrawn(true);
    if (!ref.current || typeof IntersectionObserver === 'undefined') return void draw();
    const stopNear = whenNear(ref.current, () => {
      stopIdle();
      draw();
    });
    const stopIdle = whenIdle(() => {
      stopNear();
      draw();
    });
    return () => {
      stopNear();
      stopIdle();
    };
  }, [drawn]);
  return { ref, drawn };
}

/**
 * A part of a page drawn once near the screen or when the page is idle (`useNearScreen`); until
 * then an empty block `rem` tall keeps its place.
 */
export function NearScreen({ rem, children }: { rem: number; children: React.ReactNode }) {
  const { ref, drawn } = useNearScreen(false);
  return drawn ? <>{children}</> : <div ref={ref} style={{ minHeight: `${rem}rem` }} aria-hidden />;
}
