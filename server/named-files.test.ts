// Comments and documents that name a file name one that is there (a file that moved leaves no
// pointer to where it was), and a link to a document's heading finds it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.dirname(import.meta.dirname);
const SKIPPED = new Set(['node_modules', '.next', '.git', 'data', 'test-results', 'playwright-report']);

function repoFiles(dir = ''): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? repoFiles(file) : [file];
  });
}

const FILES = repoFiles();
const KNOWN = new Set(FILES);
/** A path with a folder, to a source file or a document: app/words/en.ts, ./room-session.ts. */
const NAMED = /(?<![\w/.@-])((?:\.{1,2}\/)*(?:[\w-]+\/)+[\w.-]+\.(?:tsx?|mjs|md))\b/g;

/** The lines of a file a person reads as prose: a document's every line, a source file's comments. */
function proseLines(file: string): string[] {
  const lines = fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n');
  return file.endsWith('.md') ? lines : lines.filter((line) => /^\s*(\/\/|\/?\*)|\s\/\/\s/.test(line));
}

/** Whether `named`, said in `file`, is a file: from the repository's root, from the file's folder, or a path's tail. */
function exists(file: string, named: string): boolean {
  const candidates = [path.normalize(named), path.join(path.dirname(file), named)];
  return candidates.some((c) => KNOWN.has(c)) || FILES.some((f) => f.endsWith(`/${named.replace(/^(\.{1,2}\/)+/, '')}`));
}

/** GitHub's anchor for a heading. */
function anchorOf(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-');
}

describe('named files', () => {
  it('every file a comment or a document names is there', () => {
    const missing = FILES.filter((f) => /\.(tsx?|mjs|md)$/.test(f) && f !== path.relative(ROOT, import.meta.filename)).flatMap((file) =>
      proseLines(file).flatMap((line) => [...line.matchAll(NAMED)].map((m) => m[1]).filter((named) => !exists(file, named)).map((named) => `${file}: ${named}`)),
    );
    expect(missing).toEqual([]);
  });

  it('every link to a heading of a document finds it', () => {
    const docs = FILES.filter((f) => f.endsWith('.md'));
    const headings = new Map(docs.map((doc) => [doc, new Set([...fs.readFileSync(path.join(ROOT, doc), 'utf8').matchAll(/^#+\s+(.*)$/gm)].map((m) => anchorOf(m[1])))]));
    const broken = docs.flatMap((doc) =>
      [...fs.readFileSync(path.join(ROOT, doc), 'utf8').matchAll(/\]\(([^)#\s]*)#([^)\s]+)\)/g)]
        .filter(([, target, anchor]) => !headings.get(target ? path.join(path.dirname(doc), target) : doc)?.has(anchor))
        .map(([link]) => `${doc}: ${link}`),
    );
    expect(broken).toEqual([]);
  });

  it('catches a moved file and a heading renamed', () => {
    expect(exists('lib/join-address.ts', 'app/components/join-address.ts')).toBe(false);
    expect(exists('lib/join-address.ts', 'app/components/join-address.tsx')).toBe(true);
    expect(exists('server/room/simul-room.ts', './room-session.ts')).toBe(true);
    expect(anchorOf('The closed form played out: exhibitions (`server/room/exhibition-run.ts`, `server/room/bot-runner.ts`)')).toBe(
      'the-closed-form-played-out-exhibitions-serverroomexhibition-runts-serverroombot-runnerts',
    );
  });
});
