// A React root in a fresh element of the test's DOM for each test, unmounted and removed after it.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { loadWords } from '@/app/words/load';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Call at a test file's top level: `page.container` and `page.root` are each test's own. */
export function testRoot(): { readonly container: HTMLDivElement; readonly root: Root } {
  const page = { container: null as unknown as HTMLDivElement, root: null as unknown as Root };
  // As on a page whose language's table has come: a component's words are there at its first drawing.
  beforeAll(() => loadWords('en'));
  beforeEach(() => {
    page.container = document.createElement('div');
    document.body.append(page.container);
    page.root = createRoot(page.container);
  });
  afterEach(() => {
    act(() => page.root.unmount());
    page.container.remove();
  });
  return page;
}
