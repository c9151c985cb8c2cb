'use client';
import { useLayoutEffect, useState, useSyncExternalStore, type RefObject } from 'react';

/**
 * The content box of an element, kept current as it resizes ({0, 0} until it is measured). It is
 * first measured before the browser paints, so a part fitted to its box is drawn fitted in the
 * page's first frame, not one frame later.
 */
export function useBoxSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const keep = (width: number, height: number) =>
      setSize((old) => (old.width === Math.floor(width) && old.height === Math.floor(height) ? old : { width: Math.floor(width), height: Math.floor(height) }));
    const style = getComputedStyle(element);
    const { width, height } = element.getBoundingClientRect();
    const px = (value: string) => Number.parseFloat(value) || 0;
    // The content box: the border box less its padding and border.
    keep(
      width - px(style.paddingLeft) - px(style.paddingRight) - px(style.borderLeftWidth) - px(style.borderRightWidth),
      height - px(style.paddingTop) - px(style.paddingBottom) - px(style.borderTopWidth) - px(style.borderBottomWidth),
    );
    const observer = new ResizeObserver(([entry]) => keep(entry.contentRect.width, entry.contentRect.height));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/**
 * Whether a media query matches, kept current: right from a part's first drawing in the browser
 * (a projector's page is never first drawn as a phone's), false on the server and while the
 * server's page is being taken over.
 */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (changed) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}
