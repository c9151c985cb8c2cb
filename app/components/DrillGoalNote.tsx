// A named drill's goal ("White to win", "Black to draw"), after the words it follows: on the
// phone beside the board's number, on the projector beside the followed board's opponent.
import { drillGoal } from '@/lib/chess/positions';
import { useWords } from './language';

export function DrillGoalNote({ fen }: { fen: string | null | undefined }) {
  const w = useWords();
  const goal = drillGoal(fen);
  if (!goal) return null;
  return (
    <>
      {' · '}
      <strong className="font-bold text-slate-900 dark:text-slate-100" data-testid="drill-goal">
        {w.startPosition.goals[goal]}
      </strong>
    </>
  );
}
