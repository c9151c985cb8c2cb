// Import circles among a repository's source files: read from their import lines (type-only
// imports too: a reader follows them as much as the compiler does), no tool needed.
import fs from 'node:fs';
import path from 'node:path';

/** Each file (relative to `root`) under `folders`, with the files among them it imports. */
export function importGraph(root: string, folders: readonly string[]): Map<string, string[]> {
  const files = folders.flatMap((folder) =>
    (fs.readdirSync(path.join(root, folder), { recursive: true }) as string[])
      .filter((name) => /\.tsx?$/.test(name) && !name.split(path.sep).includes('node_modules'))
      .map((name) => path.join(folder, name)),
  );
  const known = new Set(files);
  const resolve = (from: string, spec: string): string | null => {
    let target: string;
    if (spec.startsWith('@/')) target = spec.slice(2);
    else if (spec.startsWith('.')) target = path.join(path.dirname(from), spec);
    else return null; // a package
    return [target, `${target}.ts`, `${target}.tsx`, path.join(target, 'index.ts')].find((f) => known.has(f)) ?? null;
  };
  return new Map(
    files.map((file) => {
      const source = fs.readFileSync(path.join(root, file), 'utf8');
      const specs = [...source.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
      return [file, specs.map((spec) => resolve(file, spec)).filter((f): f is string => f !== null)];
    }),
  );
}

/** The graph's circles: each group of files that reach one another through imports (Tarjan's). */
export function circlesIn(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || graph.get(file)?.includes(file)) circles.push(group.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return circles;
}
