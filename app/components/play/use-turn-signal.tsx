'use client';
// When the host has just moved on this board: the tab title changes, and if the student
// turned them on, a short sound and a vibration.
import { useEffect, useRef, useState } from 'react';

const BASE_TITLE = 'Async Simul';

function beep() {
  try {
    const ctx = new AudioContext();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.15, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + 0.25);
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.25);
  } catch {
    // No audio on this device: the title and the banner still signal.
  }
}

export function useTurnSignal(myTurn: boolean, moveCount: number) {
  const [alerts, setAlerts] = useState(false);
  const last = useRef<{ myTurn: boolean; moveCount: number } | null>(null);

  useEffect(() => {
    document.title = myTurn ? `● Your move · ${BASE_TITLE}` : BASE_TITLE;
    const prev = last.current;
    last.current = { myTurn, moveCount };
    if (!prev || !myTurn || prev.myTurn || !alerts) return;
    beep();
    navigator.vibrate?.(200);
  }, [myTurn, moveCount, alerts]);

  return (
    <label className="mb-2 flex items-center gap-2 self-end text-sm text-slate-500">
      <input type="checkbox" checked={alerts} onChange={(e) => setAlerts(e.target.checked)} />
      Sound and vibration on my turn
    </label>
  );
}
