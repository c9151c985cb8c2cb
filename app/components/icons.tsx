// Icons drawn as SVG, never as font glyphs a device may lack: each is 1em square, takes the
// text's colour, and is hidden from screen readers (a word beside it says the same).
import type { ReactNode } from 'react';

function Icon({ children, viewBox = '0 0 16 16' }: { children: ReactNode; viewBox?: string }) {
  return (
    <svg viewBox={viewBox} className="inline-block h-[1em] w-[1em] shrink-0 align-[-0.125em]" fill="currentColor" aria-hidden focusable="false">
      {children}
    </svg>
  );
}

export const ICONS = {
  circle: <Icon><circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" /></Icon>,
  dot: <Icon><circle cx="8" cy="8" r="5.5" /></Icon>,
  play: <Icon><path d="M4 2.5v11l9.5-5.5z" /></Icon>,
  diamond: <Icon><path d="M8 1.5 14.5 8 8 14.5 1.5 8z" /></Icon>,
  ellipsis: (
    <Icon>
      <circle cx="3" cy="8" r="1.75" />
      <circle cx="8" cy="8" r="1.75" />
      <circle cx="13" cy="8" r="1.75" />
    </Icon>
  ),
  pause: (
    <Icon>
      <rect x="3.5" y="2.5" width="3" height="11" rx="0.5" />
      <rect x="9.5" y="2.5" width="3" height="11" rx="0.5" />
    </Icon>
  ),
  hourglass: <Icon><path d="M4 1.5h8v1.25c0 2-1.5 3.75-3.25 5.25C10.5 9.5 12 11.25 12 13.25v1.25H4v-1.25c0-2 1.5-3.75 3.25-5.25C5.5 6.5 4 4.75 4 2.75z" /></Icon>,
  cross: <Icon><path d="M3.5 3.5l9 9m0-9-9 9" stroke="currentColor" strokeWidth="2.25" strokeLinecap="round" /></Icon>,
  check: <Icon><path d="M2.5 8.5l3.5 3.5 7.5-8" fill="none" stroke="currentColor" strokeWidth="2.25" strokeLinecap="round" strokeLinejoin="round" /></Icon>,
  equals: <Icon><path d="M3 5.5h10M3 10.5h10" stroke="currentColor" strokeWidth="2.25" strokeLinecap="round" /></Icon>,
  first: <Icon><path d="M3 2.5h2v11H3zM13.5 2.5v11L6 8z" /></Icon>,
  previous: <Icon><path d="M12 2.5v11L3.5 8z" /></Icon>,
  next: <Icon><path d="M4 2.5v11L12.5 8z" /></Icon>,
  last: <Icon><path d="M11 2.5h2v11h-2zM2.5 2.5v11L10 8z" /></Icon>,
  left: <Icon><path d="M13 8H3.5m4-4.5L3 8l4.5 4.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" /></Icon>,
  right: <Icon><path d="M3 8h9.5m-4-4.5L13 8l-4.5 4.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" /></Icon>,
};
