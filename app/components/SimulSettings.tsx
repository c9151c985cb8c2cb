// The simul's rules as chosen at creation, for everyone to see: its clocks and how repetition
// and fifty-move draws happen.
import type { SimulState } from '@/lib/simul/types';
import { clockSettingsText, drawRulesText } from '@/app/words';

export function SimulSettings({ state, className = '' }: { state: SimulState; className?: string }) {
  return (
    <p className={`text-sm text-slate-500 ${className}`} data-testid="simul-settings">
      {clockSettingsText(state.clock)} · {drawRulesText(state.drawRules)}
    </p>
  );
}
