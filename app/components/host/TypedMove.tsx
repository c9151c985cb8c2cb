'use client';
// A move typed on the keyboard, for the focused board: SAN or UCI, read with chess.js
// (readTypedMove); what is not a legal move here is refused with a clear message.
import { useId, useState } from 'react';
import { readTypedMove } from '@/lib/chess/rules';
import type { SimulController } from '@/lib/client/simul-controller';
import type { Rejection } from '@/lib/simul/rejection';
import { refusalText } from '@/app/words';
import { useWords } from '../language';

/** `refusal`: why the host may not move here now (decide's turnRefusal: the pause before "not your move"). */
export function TypedMove({ controller, board, fen, refusal }: { controller: SimulController; board: number; fen: string; refusal: () => Rejection | null }) {
  const w = useWords();
  const TYPED_MOVE = w.console.typedMove;
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const refused = refusal();
    if (refused) return setProblem(refused.code === 'not-your-turn' ? TYPED_MOVE.notYourMove : refusalText(w, refused));
    const move = readTypedMove(fen, text);
    if (!move) return setProblem(TYPED_MOVE.refused(text.trim()));
    setProblem(null);
    const res = await controller.move(board, move.from, move.to, move.promotion);
    if (res.ok) setText('');
    else setProblem(refusalText(w, res.error));
  }

  return (
    <form onSubmit={submit} className="flex flex-wrap items-center gap-2 text-sm" data-testid="typed-move">
      <label htmlFor={id} className="font-semibold">{TYPED_MOVE.label}</label>
      <input
        id={id}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={TYPED_MOVE.placeholder}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
        className="w-40 rounded border border-slate-400 px-2 py-1 font-mono dark:bg-slate-800"
        data-testid="typed-move-input"
      />
      <button className="rounded bg-host px-3 py-1 font-semibold text-white">{TYPED_MOVE.play}</button>
      {problem && (
        <p id={`${id}-problem`} role="alert" className="basis-full text-loss" data-testid="typed-move-problem">
          {problem}
        </p>
      )}
    </form>
  );
}
