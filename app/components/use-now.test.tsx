// @vitest-environment happy-dom
// Every wait and clock of a page ticks together, on the wall clock's whole seconds.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onTick, useServerNow } from './use-now';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const commits: Array<{ who: string; now: number }> = [];
function Leaf({ who }: { who: string }) {
  const now = useServerNow(0);
  commits.push({ who, now });
  return <span data-who={who}>{now}</span>;
}

let container: HTMLDivElement;
let roots: Root[];
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(10_000_200);
  container = document.createElement('div');
  document.body.append(container);
  roots = [];
  commits.length = 0;
});
afterEach(() => {
  act(() => roots.forEach((r) => r.unmount()));
  container.remove();
  vi.useRealTimers();
});

function mount(who: string) {
  const box = document.createElement('div');
  container.append(box);
  const root = createRoot(box);
  roots.push(root);
  act(() => root.render(<Leaf who={who} />));
}

const shown = (who: string) => Number(container.querySelector(`[data-who="${who}"]`)!.textContent);

describe('useServerNow', () => {
  it('ticks two leaves drawn 300 ms apart at the same whole seconds', () => {
    mount('a');
    act(() => vi.advanceTimersByTime(300));
    mount('b');
    act(() => vi.advanceTimersByTime(500)); // 10_001_000: a whole second
    expect(shown('a')).toBe(10_001_000);
    expect(shown('b')).toBe(10_001_000);
    act(() => vi.advanceTimersByTime(1000));
    expect(shown('a')).toBe(10_002_000);
    expect(shown('b')).toBe(10_002_000);
    // No draw between the seconds.
    commits.length = 0;
    act(() => vi.advanceTimersByTime(999));
    expect(commits).toHaveLength(0);
  });

  it('stops the shared timer when its last listener leaves', () => {
    const stop = onTick(1000, () => {});
    expect(vi.getTimerCount()).toBe(1);
    const stop2 = onTick(1000, () => {});
    expect(vi.getTimerCount()).toBe(1);
    stop();
    stop2();
    expect(vi.getTimerCount()).toBe(0);
  });
});
