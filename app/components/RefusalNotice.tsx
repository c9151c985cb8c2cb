'use client';
// The one place a screen shows why its last command was refused, in the app's words.
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { SimulView } from '@/lib/client/simul-connection';
import { refusalText } from '@/app/words';
import { useWords } from './language';

export function RefusalNotice({ store, className = '' }: { store: StoreApi<SimulView>; className?: string }) {
  const w = useWords();
  const refusal = useStore(store, (s) => s.refusal);
  if (!refusal) return null;
  return (
    <p role="alert" className={`rounded-lg bg-loss/10 px-4 py-2 text-loss ${className}`} data-testid="refusal">
      {refusalText(w, refusal)}
    </p>
  );
}
