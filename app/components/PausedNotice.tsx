// The class is paused: said on every screen, where the eye goes first.
import { useWords } from './language';

export function PausedNotice({ paused, host = false, className = '' }: { paused: boolean; host?: boolean; className?: string }) {
  const w = useWords();
  if (!paused) return null;
  return (
    <p role="status" aria-live="polite" className={`rounded-xl bg-paused px-4 py-3 text-center text-xl font-bold text-slate-950 ${className}`} data-testid="paused">
      {host ? w.pause.bannerHost : w.pause.banner}
    </p>
  );
}
