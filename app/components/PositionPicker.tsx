'use client';
// Where games start: the initial position, one the app ships (endgame drills, openings), or a
// FEN of the teacher's own, checked as it is typed with the server's own check.
import { useId, useRef, useState } from 'react';
import { checkPosition, NAMED_POSITIONS } from '@/lib/chess/positions';
import { useWords } from './language';
import { useEarlyInput } from './use-early-input';

const CUSTOM = 'custom';

/** `fen` is '' for the initial position. */
export function PositionPicker({ fen, onChange, label, testId }: { fen: string; onChange: (fen: string) => void; label: string; testId: string }) {
  const w = useWords();
  const id = useId();
  const named = NAMED_POSITIONS.find((p) => p.fen === fen);
  const [custom, setCustom] = useState(fen !== '' && !named);
  const choice = custom ? CUSTOM : (named?.id ?? '');
  const checked = custom && fen.trim() !== '' ? checkPosition(fen) : null;
  const field = 'rounded-lg border border-slate-300 px-3 py-2 dark:border-slate-600 dark:bg-slate-800';
  const choose = (value: string) => {
    setCustom(value === CUSTOM);
    if (value === CUSTOM) return onChange('');
    onChange(NAMED_POSITIONS.find((p) => p.id === value)?.fen ?? '');
  };
  // Chosen before React took the page over: kept.
  const box = useRef<HTMLDivElement>(null);
  useEarlyInput(box, { [`${testId}-choice`]: choose });
  return (
    <div ref={box} className="flex min-w-0 flex-col gap-1">
      <label className="flex min-w-0 flex-col gap-1">
        <span className="text-sm">{label}</span>
        <select
          value={choice}
          className={`${field} min-w-0`}
          name={`${testId}-choice`}
          data-testid={`${testId}-choice`}
          onChange={(e) => choose(e.target.value)}
        >
          <option value="">{w.startPosition.initial}</option>
          {(['endgame', 'opening'] as const).map((kind) => (
            <optgroup key={kind} label={w.startPosition.groups[kind]}>
              {NAMED_POSITIONS.filter((p) => p.kind === kind).map((p) => (
                <option key={p.id} value={p.id}>{w.startPosition.names[p.id]}</option>
              ))}
            </optgroup>
          ))}
          <option value={CUSTOM}>{w.startPosition.custom}</option>
        </select>
      </label>
      {custom && (
        <label className="flex min-w-0 flex-col gap-1">
          <span className="text-sm">{w.startPosition.fen}</span>
          <input
            value={fen}
            onChange={(e) => onChange(e.target.value)}
            className={`${field} min-w-0 font-mono text-sm`}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={checked ? !checked.ok : undefined}
            aria-describedby={`${id}-check`}
            data-testid={`${testId}-fen`}
          />
          <span id={`${id}-check`} className={`text-sm ${checked && !checked.ok ? 'text-loss' : 'text-slate-600 dark:text-slate-300'}`} data-testid={`${testId}-check`}>
            {checked ? (checked.ok ? w.startPosition.ok : w.startPosition.problem(checked.problem)) : ''}
          </span>
        </label>
      )}
    </div>
  );
}
