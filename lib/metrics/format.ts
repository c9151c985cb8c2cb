// Figures as people read them on the dashboard.

/** "0.4 s", "55 s", "4 min 10 s", "1 h 0 min 55 s"; ms in, whole seconds from 1 s up. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 0) return `-${formatDuration(-ms)}`;
  const tenths = Math.round(ms / 100) / 10;
  if (tenths < 1) return tenths === 0 ? '0 s' : `${tenths} s`;
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const min = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h} h ${min} min ${s} s`;
  if (min > 0) return `${min} min ${s} s`;
  return `${s} s`;
}

/** 0.9849 → "98%". */
export function formatPercent(fraction: number): string {
  return Number.isFinite(fraction) ? `${Math.round(fraction * 100)}%` : '—';
}

/** 11.82 → "11.8×"; null (nothing to compare yet) → "—". */
export function formatSpeedUp(ratio: number | null): string {
  return ratio !== null && Number.isFinite(ratio) ? `${ratio.toFixed(1)}×` : '—';
}
