// The mark of a bot, in every view that names a player: a robot's head (SVG) and the word.
import { useWords } from './language';

export function BotIcon({ className = 'h-[1em] w-[1em]' }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" className={className} aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M12 3v3" />
      <circle cx="12" cy="2.5" r="1" fill="currentColor" stroke="none" />
      <rect x="4" y="6" width="16" height="13" rx="3" />
      <circle cx="9" cy="12" r="1.5" fill="currentColor" stroke="none" />
      <circle cx="15" cy="12" r="1.5" fill="currentColor" stroke="none" />
      <path d="M9 16h6M2 11v4M22 11v4" />
    </svg>
  );
}

/** The icon and the word "Bot", as one small label. */
export function BotMarker({ className = '' }: { className?: string }) {
  const w = useWords();
  return (
    <span className={`inline-flex shrink-0 items-center gap-0.5 rounded bg-slate-200 px-1 text-[0.8em] font-semibold text-slate-700 dark:bg-slate-700 dark:text-slate-100 ${className}`} data-testid="bot-marker">
      <BotIcon />
      {w.bots.marker}
    </span>
  );
}
