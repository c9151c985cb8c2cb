// Exports something uses: a name exported by a source file is named by another file (tests, e2e
// and bench count: a test's use is a use). Next's own exports of a page or a route are Next's.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.dirname(import.meta.dirname);
const FOLDERS = ['app', 'lib', 'server', 'e2e', 'bench', 'scripts', 'cluster'];
/** What Next reads from a page, a layout or a route by its name. */
const NEXT_EXPORTS = new Set(['default', 'metadata', 'generateMetadata', 'viewport', 'generateViewport', 'dynamic', 'revalidate', 'runtime', 'generateStaticParams', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const DECLARED = /^export\s+(?:declare\s+)?(?:async\s+)?(?:const|let|function\*?|class|interface|type|enum|abstract\s+class)\s+([A-Za-z_$][\w$]*)/gm;

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(path.join(ROOT, dir))) return [];
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(file);
    return /\.(tsx?|mts|mjs)$/.test(entry.name) ? [file] : [];
  });
}

/** Each exported name that no other file names, as "file: name". */
function unusedExports(sources: ReadonlyMap<string, string>): string[] {
  const namedIn = new Map<string, Set<string>>();
  for (const [file, source] of sources) {
    for (const word of new Set(source.match(/[A-Za-z_$][\w$]*/g))) {
      if (!namedIn.has(word)) namedIn.set(word, new Set());
      namedIn.get(word)!.add(file);
    }
  }
  return [...sources].flatMap(([file, source]) =>
    [...source.matchAll(DECLARED)]
      .map((m) => m[1])
      .filter((name) => !NEXT_EXPORTS.has(name) && [...(namedIn.get(name) ?? [])].every((f) => f === file))
      .map((name) => `${file}: ${name}`),
  );
}

describe('exports', () => {
  it('every one is named by some other file', () => {
    const files = FOLDERS.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(100);
    expect(unusedExports(new Map(files.map((f) => [f, fs.readFileSync(path.join(ROOT, f), 'utf8')])))).toEqual([]);
  });

  it('an export only its own file uses is found, Next’s page exports are not', () => {
    const sources = new Map([
      ['a.ts', 'export const used = 1;\nexport function alone() { return used; }\nexport type Shape = { n: number };'],
      ['b.ts', "import { used } from './a';"],
      ['app/page.tsx', 'export const metadata = {};\nexport default function Page() {}'],
    ]);
    expect(unusedExports(sources)).toEqual(['a.ts: alone', 'a.ts: Shape']);
  });
});
