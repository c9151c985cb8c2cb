// close-joining and open-joining: before and after the start; while joining is open a late
// joiner gets a new board.
import { accept, type Decider } from './common';

export const decideCloseJoining: Decider<'close-joining'> = () => accept({ type: 'joining-closed' });

export const decideOpenJoining: Decider<'open-joining'> = () => accept({ type: 'joining-opened' });
