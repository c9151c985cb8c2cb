// The simul's rules as chosen at creation, for everyone to see: its clocks and how repetition
// and fifty-move draws happen.
import type { SimulState } from '@/lib/simul/types';
import { clockSettingsText } from '@/app/words';
import { useWords } from './language';

export function SimulSettings({ state, className = '' }: { state: SimulState; className?: string }) {
  const w = useWords();
  return (
    <p className={`text-sm text-slate-500 ${className}`} data-testid="simul-settings">
      {clockSettingsText(w, state.clock)} · {w.settings.drawRulesText(w.settings.drawRules[state.drawRules])}
    </p>
  );
}
