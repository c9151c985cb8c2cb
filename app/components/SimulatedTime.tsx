// On every screen of an exhibition's simul: its times are simulated, and at what speed it ran;
// and, if some games ended before the move pairs, that the figures count what was played.
import { endedBeforeMovePairs } from '@/lib/simul/queries';
import type { SimulState } from '@/lib/simul/types';
import { useWords } from './language';

export function SimulatedTime({ state, className = '' }: { state: SimulState; className?: string }) {
  const w = useWords().simulatedTime;
  const exhibition = state.exhibition;
  if (!exhibition) return null;
  const early = endedBeforeMovePairs(state);
  return (
    <div role="note" className={`flex items-start gap-2 rounded-lg bg-ready/15 px-3 py-2 text-base ${className}`} data-testid="simulated-time">
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" className="mt-0.5 shrink-0">
        <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M12 7v5l3 3M3 5l3-2M21 5l-3-2" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <div>
        <p>{w.simulated(exhibition.speed)}</p>
        {early.length > 0 && <p className="font-semibold" data-testid="ended-early">{w.endedEarly(early.length, exhibition.movePairs)}</p>}
      </div>
    </div>
  );
}
