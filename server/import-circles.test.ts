// No import circles: a newcomer reads a folder from the files nothing of it imports upward.
// The server's files and the word tables (lib/ keeps its own layers, lib/layers.test.ts).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { circlesIn, importGraph } from './testing/import-circles';

const ROOT = path.dirname(import.meta.dirname);

describe('import circles', () => {
  it.each(['server', 'app/words'])('none among the files of %s', (folder) => {
    const graph = importGraph(ROOT, [folder]);
    expect(graph.size).toBeGreaterThan(3);
    expect(circlesIn(graph)).toEqual([]);
  });

  it('are found, type-only imports and @/ paths included', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts', 'd.ts']],
      ['e.ts', []],
    ]);
    expect(circlesIn(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['d.ts']]);
    const words = importGraph(ROOT, ['app/words']);
    expect(words.get(path.join('app/words', 'index.ts'))).toContain(path.join('app/words', 'en.ts'));
  });
});
