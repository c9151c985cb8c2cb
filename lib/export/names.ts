// File names for the downloads. Pure and browser-safe.

/**
 * "period-3-sim-1.pgn": the title as a lower-case slug (ASCII letters and digits, accents
 * dropped), then the simul id, then the extension. Falls back to "simul" for an empty title.
 */
export function exportFileName(title: string | null, simulId: string | null, ext: string): string {
  const slug = (title ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  const id = (simulId ?? '').replace(/[^A-Za-z0-9_-]+/g, '');
  const base = [slug || 'simul', id].filter(Boolean).join('-');
  return `${base}.${ext.replace(/^\./, '')}`;
}
