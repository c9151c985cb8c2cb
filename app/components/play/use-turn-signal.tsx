'use client';
// When the host has just moved on this board: the tab title changes, and if the student
// turned them on, a short sound (an audio file) and a vibration.
import { useEffect, useRef, useState } from 'react';
import { useWords } from '../language';
/** The chime (public/sounds, made by scripts/make-turn-sound.mjs; licence in public/LICENSES.md). */
const TURN_SOUND = '/sounds/your-turn.wav';

export function useTurnSignal(myTurn: boolean, moveCount: number) {
  const w = useWords();
  const [alerts, setAlerts] = useState(false);
  const last = useRef<{ myTurn: boolean; moveCount: number } | null>(null);
  // Loaded when the student turns the sound on: that tap is what lets the phone play it later.
  const sound = useRef<HTMLAudioElement | null>(null);

  useEffect(() => {
    document.title = myTurn ? w.phone.yourMoveTab(w.app.name) : w.app.name;
    const prev = last.current;
    last.current = { myTurn, moveCount };
    if (!prev || !myTurn || prev.myTurn || !alerts) return;
    if (sound.current) {
      sound.current.currentTime = 0;
      // No audio on this device, or it refused: the title and the banner still signal.
      sound.current.play().catch(() => {});
    }
    navigator.vibrate?.(200);
  }, [myTurn, moveCount, alerts, w]);

  return (
    <label className="mb-2 flex items-center gap-2 self-end text-sm text-slate-500">
      <input
        type="checkbox"
        checked={alerts}
        onChange={(e) => {
          if (e.target.checked && !sound.current) {
            sound.current = new Audio(TURN_SOUND);
            sound.current.load();
          }
          setAlerts(e.target.checked);
        }}
        data-testid="turn-alerts"
      />
      {w.phone.turnAlerts}
    </label>
  );
}
