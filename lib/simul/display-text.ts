// Text that people type and everyone sees: opponents' names and simul titles. One cleaner
// for both, so a title can hold nothing that a name cannot.
import type { TextProblem } from './rejection';
import { LIMITS } from './types';

export type { TextProblem } from './rejection';

type CleanText = { ok: true; text: string } | { ok: false; problem: TextProblem };

/** The most combining marks allowed in a row: Hindi "ज़िं" has three; a "Zalgo" stack has dozens. */
const MAX_MARKS_IN_A_ROW = 3;

const LONE_SURROGATE = /\p{Cs}/u;
// A zero-width joiner between emoji builds one emoji (👩‍💻, 👨‍👩‍👧); anywhere else it is invisible.
const EMOJI_JOINER = /(?<=[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F])\u200D(?=\p{Extended_Pictographic})/gu;
// A variation selector after an emoji or a keycap's digit picks its style (❤️, 1️⃣); anywhere else it is invisible.
const EMOJI_STYLE = /(?<=[\p{Extended_Pictographic}#*0-9])[\uFE0E\uFE0F]/gu;
// Control, format (zero-width, direction overrides, tags), private-use and other invisible
// characters (Hangul fillers, variation selectors): they would let two names look alike. The
// flags of England, Scotland and Wales are tag sequences, so they are refused too. Unassigned
// code points pass: a phone may know newer emoji than this server does.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Default_Ignorable_Code_Point}]/u;
// A combining mark at the start or after a space has no letter to sit on.
const BARE_MARK = /(?:^|\s)\p{M}/u;
const MARK_STACK = new RegExp(`\\p{M}{${MAX_MARKS_IN_A_ROW + 1},}`, 'u');

/**
 * `raw` in NFC with every run of whitespace (line breaks too) made one space and the ends
 * trimmed; or, when the result is empty, longer than `maxLength` or holds what a display
 * text must not, the problem.
 */
export function cleanDisplayText(raw: string, maxLength: number): CleanText {
  const refuse = (problem: TextProblem): CleanText => ({ ok: false, problem });
  // Half of a surrogate pair is no character at all: it shows as a box or breaks JSON elsewhere.
  if (LONE_SURROGATE.test(raw)) return refuse({ kind: 'lone-surrogate' });
  const text = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (text.length < 1 || text.length > maxLength) return refuse({ kind: 'length', max: maxLength });
  if (INVISIBLE.test(text.replace(EMOJI_JOINER, '').replace(EMOJI_STYLE, ''))) return refuse({ kind: 'invisible' });
  if (BARE_MARK.test(text)) return refuse({ kind: 'bare-mark' });
  // Counted on the decomposed text: é with three more accents is a stack of four.
  if (MARK_STACK.test(text.normalize('NFD'))) return refuse({ kind: 'mark-stack', max: MAX_MARKS_IN_A_ROW });
  return { ok: true, text };
}

/** An opponent's name: 1 to LIMITS.maxNameLength characters once cleaned. */
export function cleanName(raw: string): CleanText {
  return cleanDisplayText(raw, LIMITS.maxNameLength);
}

/** A simul's title: 1 to LIMITS.maxTitleLength characters once cleaned. */
export function cleanTitle(raw: string): CleanText {
  return cleanDisplayText(raw, LIMITS.maxTitleLength);
}
