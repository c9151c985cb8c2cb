// The simul's rules as chosen at creation, for everyone to see: its clocks, how repetition
// and fifty-move draws happen, whether students may ask for takebacks, how the host rotates
// (async) and where the games start.
import { drillGoal, NAMED_POSITIONS } from '@/lib/chess/positions';
import type { SimulState } from '@/lib/simul/types';
import { clockSettingsText, type Words } from '@/app/words';
import { useWords } from './language';

/** A start position's name when the app ships it, otherwise "a set position". */
export function positionName(w: Words, fen: string): string {
  const named = NAMED_POSITIONS.find((p) => p.fen === fen);
  return named ? w.startPosition.names[named.id] : w.startPosition.aPosition;
}

export function SimulSettings({ state, className = '' }: { state: SimulState; className?: string }) {
  const w = useWords();
  const ownBoards = Object.keys(state.boardFens).map(Number).sort((a, b) => a - b);
  const positions =
    state.startFen || ownBoards.length > 0 ? w.startPosition.line(state.startFen && positionName(w, state.startFen), ownBoards) : null;
  // Every game's drill, and what it asks ("White to win"); a board's own drill says it on that board.
  const goal = drillGoal(state.startFen);
  return (
    <p className={`text-sm text-slate-500 ${className}`} data-testid="simul-settings">
      {clockSettingsText(w, state.clock)} · {w.settings.drawRulesText(w.settings.drawRules[state.drawRules])}
      <span data-testid="takeback-setting"> · {w.takeback.policy[state.takebackPolicy]}</span>
      {state.mode === 'async' && <span data-testid="rotation-setting"> · {w.rotation.line(state.rotation)}</span>}
      {positions && <span data-testid="position-setting"> · {positions}</span>}
      {goal && <span data-testid="goal-setting"> · {w.startPosition.goals[goal]}</span>}
    </p>
  );
}
