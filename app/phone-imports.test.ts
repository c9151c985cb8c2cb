// What a student's phone downloads, read from the imports (no build needed): from the phone's
// routes (the root layout, the join link and play page app/play/[id]) to the modules marked
// 'use client', and from those through every import a browser follows. A phone's page carries
// nothing of the host's, the projector's, the review's or the lesson's code, and no words table
// in its scripts: it loads its own language's table when a component first asks for it
// (app/words/load.ts), the other only if the reader switches. And its first script is the join
// form alone: the socket, the store and the chess rules come after (PhonePage.tsx). The home
// page's scripts carry no words and none of the app's modules.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

interface Imports {
  /** Followed as soon as the module runs (static imports and re-exports, types left out). */
  now: string[];
  /** Followed when the code asks (import()): React.lazy, next/dynamic, the words' loaders. */
  later: string[];
  client: boolean;
}

const cache = new Map<string, Imports>();

/** A file's imports, resolved: project files as paths from the root, packages as their names. */
function importsOf(file: string): Imports {
  const known = cache.get(file);
  if (known) return known;
  const source = readFileSync(path.join(ROOT, file), 'utf8');
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Imports = { now: [], later: [], client: /^\s*(?:\/\/[^\n]*\n\s*)*['"]use client['"]/.test(source) };
  const add = (list: string[], spec: ts.Expression | undefined) => {
    if (spec && ts.isStringLiteral(spec)) list.push(resolve(file, spec.text));
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) add(found.now, node.moduleSpecifier);
    } else if (ts.isExportDeclaration(node)) {
      if (!node.isTypeOnly) add(found.now, node.moduleSpecifier);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(found.later, node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  cache.set(file, found);
  return found;
}

function resolve(from: string, spec: string): string {
  let base: string;
  if (spec.startsWith('@/')) base = spec.slice(2);
  else if (spec.startsWith('.')) base = path.join(path.dirname(from), spec);
  else return spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (/\.tsx?$/.test(candidate) && existsSync(path.join(ROOT, candidate))) return candidate;
  }
  return base; // a file that is no module of ours (a stylesheet)
}

const isFile = (m: string) => /\.tsx?$/.test(m);
/** The words' tables, loaded only through app/words/load.ts. */
const TABLES = ['app/words/en.ts', 'app/words/es.ts', 'app/words/tables.ts'];

/**
 * What a browser downloads for a route: from its server files (layout, page) to the 'use client'
 * modules they import, then everything those import. `later`: also what they import on demand,
 * but the words' tables (each loaded alone, for its language: the last test of the phone's).
 */
function browserModules(entries: string[], { later }: { later: boolean }): Set<string> {
  const seen = new Set<string>();
  const shipped = new Set<string>();
  const walk = (file: string, inBrowser: boolean) => {
    const key = `${inBrowser}:${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (!isFile(file)) {
      if (inBrowser) shipped.add(file);
      return;
    }
    const imports = importsOf(file);
    const browser = inBrowser || imports.client;
    if (browser) shipped.add(file);
    for (const next of imports.now) walk(next, browser);
    if (browser && later) for (const next of imports.later) if (!TABLES.includes(next)) walk(next, true);
  };
  for (const entry of entries) walk(entry, false);
  return shipped;
}

const LAYOUT = 'app/layout.tsx';
const PHONE_ROUTES = [LAYOUT, 'app/play/[id]/page.tsx'];
/** Code of the other screens (and the packages only they use; the host's side of the class, classroom.tsx), never a phone's. */
const NOT_THE_PHONE = /^(app\/(components\/)?(host|watch|review|dashboard|exhibition|lesson|program|new)\/|app\/components\/classroom\.tsx$|lib\/(export|program)\/|recharts$|qrcode\.react$|zod$|socket\.io-client$)/;

describe("a phone's page", () => {
  const everything = [...browserModules(PHONE_ROUTES, { later: true })];

  it('reaches the phone: the walk finds its views and its socket', () => {
    expect(everything).toEqual(expect.arrayContaining(['app/components/play/PlayerView.tsx', 'app/components/play/JoinForm.tsx', 'lib/client/wire-socket.ts', 'chess.js']));
  });

  it("carries nothing of the host's, the projector's, the review's or the lesson's code, even later", () => {
    expect(everything.filter((m) => NOT_THE_PHONE.test(m))).toEqual([]);
  });

  it("carries no words table in its scripts: its language's comes on demand, through the loader alone", () => {
    expect(everything.filter((m) => TABLES.includes(m))).toEqual([]);
    const loaders = everything.filter((m) => isFile(m) && importsOf(m).later.some((t) => TABLES.includes(t)));
    expect(loaders).toEqual(['app/words/load.ts']);
  });

  it('opens with the join form alone: the socket, the store and the chess rules come after', () => {
    const first = [...browserModules(PHONE_ROUTES, { later: false })];
    expect(first).toContain('app/components/play/JoinForm.tsx');
    expect(first.filter((m) => /^(chess\.js|socket\.io-client|zustand)$|^lib\/client\/(wire-socket|simul-connection|simul-sync|outbox)\.ts$|^lib\/simul\/(evolve|queries)\.ts$/.test(m))).toEqual([]);
  });
});

describe('the home page', () => {
  it("has no scripts of the app's own but the language switch, and no words table", () => {
    const shipped = [...browserModules([LAYOUT, 'app/page.tsx'], { later: false })].filter(isFile);
    expect(shipped.filter((m) => TABLES.includes(m))).toEqual([]);
    expect(shipped.sort()).toEqual(['app/components/language.tsx', 'app/words/languages.ts', 'app/words/load.ts']);
  });
});
