// @vitest-environment happy-dom
// What a move redraws on the host console: the real console, on a fake socket, in a DOM. The
// host's move on board 7 (which takes it on to board 8) redraws the cells of boards 7 and 8, the
// focus and the figures; not board 3's cell, nor the console's shell.
import { renders } from '../testing/render-counts';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadWords } from '@/app/words/load';
import { HOST } from '@/lib/simul/test-log';
import { openOnFake } from '@/lib/client/testing/open-on-fake';
import { flush } from '@/lib/client/testing/fake-socket';
import { Console } from './HostConsole';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
// As on a page whose language's table has come: the console's words are there at its first drawing.
beforeAll(() => loadWords('en'));
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => container.remove());

describe('the host console', () => {
  it('redraws for a move on board 7 its cell, the focus and the figures, not board 3’s cell nor the shell', async () => {
    const { simul, socket, connection, view } = await act(() => openOnFake('host', 10));
    act(() => socket.hear('simul:events', simul.ok(HOST, { type: 'focus', board: 7 })));
    const root = createRoot(container);
    await act(async () => {
      root.render(<Console connection={connection} />);
      await flush();
    });
    expect(container.querySelector('[data-testid="focused-board"]')?.getAttribute('data-board')).toBe('7');
    expect(container.querySelectorAll('[data-testid^="mini-"]')).toHaveLength(10);
    expect(renders.of('Cell#3')).toBeGreaterThan(0); // counting works: each was drawn once

    renders.reset();
    await act(async () => {
      socket.hear('simul:events', simul.ok(HOST, simul.moveCommand(7, 'e4')));
      await flush();
    });
    expect(view().boards.get(7)!.lastMove).toBe('e2e4');
    // The host's move took it on to board 8, the next awaiting it: the focus follows.
    expect(view().state.focus).toBe(8);
    expect(renders.of('Cell#7')).toBe(1);
    expect(renders.of('Cell#8')).toBe(1);
    expect(renders.of('Focus')).toBe(1);
    expect(renders.of('FocusedBoard#8')).toBe(1);
    expect(renders.of('DashboardPanel')).toBeGreaterThan(0);
    expect(renders.of('Cell#3')).toBe(0);
    expect(renders.of('Console')).toBe(0);
    expect(renders.of('Playing')).toBe(0);
    act(() => root.unmount());
  });
});
