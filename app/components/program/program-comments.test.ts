// The program view in the reader's language (issue 27, row 9): the Python program's comments and
// docstrings are words of each table, filled in by name; the code stays code.
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '@/app/words/tables';
import { commentNames, PROGRAMS, withComments } from '@/lib/program/python';

const NAMES = [...PROGRAMS.async.lines, ...PROGRAMS.sync.lines].flatMap((line) => commentNames({ ...PROGRAMS.async, text: line }));

describe('the program’s comments and docstrings', () => {
  it.each(Object.entries(LANGUAGES))('%s: a word for each, one line, and no word left over', (_name, words) => {
    const comments = words.program.comments;
    expect(NAMES.length).toBeGreaterThan(20);
    expect(Object.keys(comments).sort()).toEqual([...new Set(NAMES)].sort());
    for (const name of NAMES) expect(comments[name as keyof typeof comments], name).toMatch(/^[^\n]+$/);
    for (const program of Object.values(PROGRAMS)) {
      // Filled in, every line is still one line, with no name left.
      for (const line of program.lines) expect(withComments(line, comments)).not.toMatch(/\{\{|\n/);
    }
  });

  it('are in Spanish for a Spanish reader, the code as it is', () => {
    const [en, es] = [LANGUAGES.en.program.comments, LANGUAGES.es.program.comments];
    for (const name of NAMES) expect(es[name as keyof typeof es], name).not.toBe(en[name as keyof typeof en]);
    const line = PROGRAMS.async.lines.find((l) => l.includes('await turn'))!;
    expect(withComments(line, es)).toBe('            await turn  # lista: espera al anfitrión, que llega según la regla de la simultánea');
    const doc = PROGRAMS.sync.lines.find((l) => l.includes('"""'))!;
    expect(withComments(doc, es)).toBe('    """Un tablero, jugado hasta el final. Cada jugada: lo que piensa el rival, luego lo que piensa el anfitrión (s)."""');
  });
});
