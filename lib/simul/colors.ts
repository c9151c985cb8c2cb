// Which colour the host plays on a table, as the simul's creation chose.
import type { Color, HostColorChoice } from './types';

/** The host's colour on table `number`: alternating gives the host white on odd tables. */
export function hostColorOf(choice: HostColorChoice, number: number): Color {
  if (choice === 'white') return 'w';
  if (choice === 'black') return 'b';
  return number % 2 === 1 ? 'w' : 'b';
}
