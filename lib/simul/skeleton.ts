// Names that look alike count as the same name. The comparison is the confusable skeleton
// of Unicode Technical Standard #39, section 4, over the table in confusables.ts.
import { PROTOTYPES } from './confusables';

const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * TR39's skeleton: NFD, without default-ignorable characters, each character replaced by its
 * prototype, then NFD again. Two strings that look alike have the same skeleton.
 */
export function skeleton(text: string): string {
  const chars = [...text.normalize('NFD').replace(IGNORABLE, '')];
  return chars
    .map((c) => PROTOTYPES.get(c) ?? c)
    .join('')
    .normalize('NFD');
}

/**
 * Whether two names would pass for each other. Both are first folded by NFKC, which turns
 * full-width, circled and mathematical letters into plain ones (TR39 leaves most of those to
 * it); then their skeletons are compared as typed ("Ivan" and "lvan", "B0B" and "BOB") and in
 * lower case ("Anna", "ANNA" and "аnna" with a Cyrillic а).
 */
export function namesLookAlike(a: string, b: string): boolean {
  const [foldedA, foldedB] = [a.normalize('NFKC'), b.normalize('NFKC')];
  return (
    skeleton(foldedA) === skeleton(foldedB) ||
    skeleton(foldedA.toLowerCase()) === skeleton(foldedB.toLowerCase())
  );
}
