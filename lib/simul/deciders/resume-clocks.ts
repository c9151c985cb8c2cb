// resume-clocks (the room's own, after a restart): the clocks stood still since `downSince`.
import { accept, type Decider } from './common';

export const decideResumeClocks: Decider<'resume-clocks'> = (state, _actor, command) => {
  if (state.phase !== 'playing' || !state.clock) return accept();
  return accept({ type: 'server-restarted', downSince: command.downSince });
};
