'use client';
// Moves a student to another device: a new seat link replaces the old one, which stops
// working at once. The link goes to the clipboard only: the projected console never shows it.
import { useState } from 'react';
import type { SimulConnection } from '@/lib/client/simul-connection';

export function ReissueSeatButton({ connection, board }: { connection: SimulConnection; board: number }) {
  const [note, setNote] = useState<string | null>(null);
  async function reissue() {
    if (!confirm(`Give board ${board} a new seat link? The old link stops working.`)) return;
    const res = await connection.command({ type: 'reissue-seat', board });
    if (!res.ok) return setNote(res.error.message);
    const token = (res as { seatToken?: string }).seatToken;
    const link = `${window.location.origin}/play/${connection.simulId}#seat=${token}`;
    try {
      await navigator.clipboard.writeText(link);
      setNote('New seat link copied: send it to the student privately.');
    } catch {
      setNote('Could not copy the link on this browser.');
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button className="rounded border px-3 py-1 text-slate-600 dark:text-slate-300" onClick={reissue}>
        New seat link
      </button>
      {note && <span className="text-xs text-slate-500" role="status">{note}</span>}
    </span>
  );
}
