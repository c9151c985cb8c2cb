// Icons are SVG (app/components/icons.tsx), never characters a device's fonts may lack: no
// source under app/ draws a symbol from the arrow, shape, symbol, dingbat or media blocks.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Arrows, Misc Technical (⏸ and the media keys), Geometric Shapes, Misc Symbols (♔…♟),
// Dingbats (✕), Supplemental Arrows, and pictographs.
const SYMBOLS = /[\u2190-\u21FF\u2300-\u23FF\u25A0-\u25FF\u2600-\u26FF\u2700-\u27BF\u2B00-\u2BFF\u{1F300}-\u{1FAFF}]/u;

/** A browser tab's title cannot hold an SVG: its mark (phone.yourMoveTab) is the one symbol written as text, in the words tables. */
const TITLES = new Set(['app/words/en.ts', 'app/words/es.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

describe('icons', () => {
  it('are drawn as SVG: no symbol glyph in any page or component', () => {
    const found = sources('app')
      .filter((file) => !TITLES.has(file))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          // Comments may use an arrow: nobody sees them.
          .flatMap((line, i) => (SYMBOLS.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(found).toEqual([]);
  });
});
