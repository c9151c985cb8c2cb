// pause and resume: the host stops every clock and the rotation at once, then lets them go on.
// While paused, decide refuses everything but a few commands (see decide.ts): nobody moves.
import { accept, reject, type Decider } from './common';

export const decidePause: Decider<'pause'> = (state) => {
  if (state.phase === 'lobby') return reject('not-started');
  if (state.pausedSince !== null) return reject('already-paused');
  return accept({ type: 'simul-paused' });
};

export const decideResume: Decider<'resume'> = (state) => {
  if (state.pausedSince === null) return reject('not-paused');
  return accept({ type: 'simul-resumed', since: state.pausedSince });
};
