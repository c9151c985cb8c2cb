// Spanish: the same entries as en.ts, with the same parameters.
import { en, type Words } from './en';

export const es: Words = en;
