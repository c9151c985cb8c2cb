// The simul's rules as chosen at creation, for everyone to see: its clocks, how repetition
// and fifty-move draws happen, how the host rotates (async) and where the games start.
import { NAMED_POSITIONS } from '@/lib/chess/positions';
import type { SimulState } from '@/lib/simul/types';
import { clockSettingsText, drawRulesText, POSITION_WORDS, ROTATION_WORDS } from '@/app/words';

/** A start position's name when the app ships it, otherwise "a set position". */
export function positionName(fen: string): string {
  const named = NAMED_POSITIONS.find((p) => p.fen === fen);
  return named ? POSITION_WORDS.names[named.id] : POSITION_WORDS.aPosition;
}

export function SimulSettings({ state, className = '' }: { state: SimulState; className?: string }) {
  const ownBoards = Object.keys(state.boardFens).map(Number).sort((a, b) => a - b);
  const positions = state.startFen || ownBoards.length > 0 ? POSITION_WORDS.line(state.startFen && positionName(state.startFen), ownBoards) : null;
  return (
    <p className={`text-sm text-slate-500 ${className}`} data-testid="simul-settings">
      {clockSettingsText(state.clock)} · {drawRulesText(state.drawRules)}
      {state.mode === 'async' && <span data-testid="rotation-setting"> · {ROTATION_WORDS.line(state.rotation)}</span>}
      {positions && <span data-testid="position-setting"> · {positions}</span>}
    </p>
  );
}
