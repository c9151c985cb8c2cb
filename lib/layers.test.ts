// lib/ in layers: each folder imports only from the folders below it, never from app/ or server/.
// Read from the import lines of every file (tests too: a test is code of its folder).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LIB = import.meta.dirname;

/**
 * Lowest first. A file may import from its own folder and from the layers below its own; two
 * folders in one layer know nothing of each other. The lone files at lib/'s root are named by
 * their file.
 */
const LAYERS: string[][] = [
  ['random', 'join-address'],
  ['chess'],
  ['bots'],
  ['simul'],
  ['protocol'],
  ['metrics'],
  ['export', 'program'],
  ['client'],
];

const rankOf = new Map(LAYERS.flatMap((names, rank) => names.map((name) => [name, rank] as const)));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    // This file names upward imports in its own test of the check.
    return /\.tsx?$/.test(entry.name) && full !== import.meta.filename ? [full] : [];
  });
}

/** Every module a file's source names: import ... from, export ... from, import '...', import('...'). */
function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/g)) found.push(m[1]);
  return found;
}

/** lib/'s part a path inside lib/ belongs to: its first folder, or a root file's name. */
function partOf(fileInLib: string): string {
  const [first, ...rest] = path.relative(LIB, fileInLib).split(path.sep);
  return rest.length === 0 ? first.replace(/\.tsx?$/, '') : first;
}

/** What is wrong with `file` importing `spec`, or null. */
function problem(file: string, spec: string): string | null {
  const root = path.dirname(LIB);
  let target: string;
  if (spec.startsWith('@/')) target = path.join(root, spec.slice(2));
  else if (spec.startsWith('.')) target = path.resolve(path.dirname(file), spec);
  else return null; // a package
  const from = partOf(file);
  if (!target.startsWith(LIB + path.sep)) return `${from} imports ${path.relative(root, target)}, outside lib/`;
  const to = partOf(target);
  if (to === from) return null;
  const [fromRank, toRank] = [rankOf.get(from), rankOf.get(to)];
  if (fromRank === undefined || toRank === undefined) return `${from} -> ${to}: a part of lib/ not in LAYERS`;
  return toRank < fromRank ? null : `${from} imports ${to}, which is not below it`;
}

function problemsIn(files: string[]): string[] {
  return files.flatMap((file) =>
    importsOf(fs.readFileSync(file, 'utf8'))
      .map((spec) => problem(file, spec))
      .filter((p): p is string => p !== null)
      .map((p) => `${path.relative(LIB, file)}: ${p}`),
  );
}

describe("lib/'s layers", () => {
  it('the chess seam speaks chess: lib/chess imports nothing of the simul, the client, the app or the server', () => {
    const chess = sourceFiles(path.join(LIB, 'chess'));
    expect(chess.length).toBeGreaterThan(0);
    const named = chess.flatMap((file) => importsOf(fs.readFileSync(file, 'utf8')));
    expect(named).toContain('chess.js');
    expect(named.filter((spec) => spec.startsWith('@/') || /(^|\/)(simul|client|app|server|bots|protocol|metrics|export|program)(\/|$)/.test(spec))).toEqual([]);
  });

  it('every folder of lib/ has its layer, and imports only from the layers below it', () => {
    const parts = new Set(sourceFiles(LIB).map(partOf));
    expect([...parts].filter((p) => !rankOf.has(p))).toEqual([]);
    expect(problemsIn(sourceFiles(LIB))).toEqual([]);
  });

  it('catches an import that goes up, sideways or out of lib/', () => {
    const file = path.join(LIB, 'chess', 'rules.ts');
    expect(importsOf(`import type { X } from '../simul/types';\nexport { Y } from "./z";\nconst m = await import('../client/a');`)).toEqual([
      '../simul/types',
      './z',
      '../client/a',
    ]);
    expect(problem(file, '../simul/types')).toMatch(/chess imports simul/);
    expect(problem(path.join(LIB, 'export', 'csv.ts'), '../program/tasks')).toMatch(/export imports program/);
    expect(problem(file, '../../server/room/simul-room')).toMatch(/outside lib/);
    expect(problem(file, '@/app/words/en')).toMatch(/outside lib/);
    expect(problem(path.join(LIB, 'simul', 'evolve.ts'), '../chess/rules')).toBeNull();
    expect(problem(file, 'chess.js')).toBeNull();
  });
});
