// The class is paused: said on every screen, where the eye goes first.
import { PAUSE_WORDS } from '@/app/words';

export function PausedNotice({ paused, host = false, className = '' }: { paused: boolean; host?: boolean; className?: string }) {
  if (!paused) return null;
  return (
    <p role="status" aria-live="polite" className={`rounded-xl bg-paused px-4 py-3 text-center text-xl font-bold text-slate-950 ${className}`} data-testid="paused">
      {host ? PAUSE_WORDS.bannerHost : PAUSE_WORDS.banner}
    </p>
  );
}
