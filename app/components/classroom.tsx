'use client';
// The class as it really is, on the host's screens: who is there (lib/simul/presence.ts), a bot
// that plays for an away student, and the host's word to the class. Each piece reads the
// domain's answer; none works out presence or the message itself. What a phone shows of it (the
// word from the host, taking a board back from the bot) is class-message.tsx: a phone carries
// none of this.
import { useState } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { BotSpec } from '@/lib/bots/spec';
import type { BoardView } from '@/lib/client/board-views';
import type { SimulView } from '@/lib/client/simul-connection';
import type { SimulController } from '@/lib/client/simul-controller';
import { useBoard } from '@/lib/client/use-simul';
import { awayTotalMs, mayHandToBot } from '@/lib/simul/presence';
import { LIMITS, MESSAGE_PRESETS, type SimulState } from '@/lib/simul/types';
import { BotIcon } from './BotMarker';
import { useWords } from './language';
import { useServerNow } from './use-now';

/** The bot a host hands an away student's board to: sensible, a few seconds a move. */
const STAND_IN_BOT: BotSpec = { strength: 'sensible', think: { meanMs: 3000, spreadMs: 1000 } };

/** How long a student has been away, growing while you look. */
function AwayTime({ store, since, testId }: { store: StoreApi<SimulView>; since: number; testId?: string }) {
  const w = useWords().classroom;
  const offset = useStore(store, (s) => s.clockOffset);
  const now = useServerNow(offset);
  return <span data-testid={testId}>{w.awayTime(now - since)}</span>;
}

/** A cell's (or a lobby seat's) word on its student: away for how long, left, or a bot playing for it. Nothing while here. */
export function PresenceBadge({ store, view, className = '' }: { store: StoreApi<SimulView>; view: BoardView; className?: string }) {
  const w = useWords().classroom;
  if (view.presence === null || (view.presence === 'here' && !view.standIn)) return null;
  return (
    <span className={`inline-flex min-w-0 items-center gap-[0.25em] truncate font-semibold text-violet-800 dark:text-violet-300 ${className}`} data-testid={`presence-${view.number}`} data-presence={view.presence}>
      {view.presence === 'away' && view.awaySince !== null && (
        <span title={w.awayHint}>
          {w.awayFor('')}
          <AwayTime store={store} since={view.awaySince} />
        </span>
      )}
      {view.presence === 'left' && <span>{w.presence.left}</span>}
      {view.standIn && (
        <span className="inline-flex items-center gap-[0.2em]" data-testid={`stand-in-${view.number}`}>
          <BotIcon className="h-[1em] w-[1em] shrink-0" />
          <span className="sr-only">{w.botPlaying}</span>
        </span>
      )}
    </span>
  );
}

/** The focused board's presence line and the host's bot switch: hand the board to a bot, or give it back. */
export function StandInControls({ controller, number }: { controller: SimulController; number: number }) {
  const w = useWords().classroom;
  const view = useBoard(controller.connection, number);
  const board = controller.connection.store.getState().state.boards.get(number);
  if (!view || !board || view.presence === null) return null;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="stand-in-controls">
      <PresenceBadge store={controller.connection.store} view={view} />
      {view.standIn && <span>{w.botPlaying}</span>}
      {mayHandToBot(board) && board.status === 'playing' && (
        <button className="rounded border border-paused px-3 py-1 font-semibold" title={w.handToBotHint} onClick={() => controller.handToBot(number, STAND_IN_BOT)} data-testid="hand-to-bot">
          {w.handToBot}
        </button>
      )}
      {view.standIn && (
        <button className="rounded border px-3 py-1" onClick={() => controller.takeBoardBack(number)} data-testid="give-back">
          {w.giveBack}
        </button>
      )}
    </div>
  );
}

/** The host's word to the class: a preset at a tap, or its own few words. */
export function MessageForm({ controller }: { controller: SimulController }) {
  const w = useWords().classroom;
  const [text, setText] = useState('');
  const [sent, setSent] = useState<number | null>(null);
  const send = async (message: Parameters<SimulController['messageClass']>[0]) => {
    const res = await controller.messageClass(message);
    if (res.ok) {
      setSent(Date.now());
      if ('text' in message) setText('');
    }
  };
  return (
    <section aria-labelledby="class-message-heading" className="flex flex-col gap-2 rounded-lg border p-3" data-testid="class-message-form">
      <h2 id="class-message-heading" className="font-semibold">{w.messageHeading}</h2>
      <div className="flex flex-wrap gap-2">
        {MESSAGE_PRESETS.map((preset) => (
          <button key={preset} className="rounded border px-2 py-1 text-sm" onClick={() => send({ preset })} data-testid={`preset-${preset}`}>
            {w.presets[preset]}
          </button>
        ))}
      </div>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) void send({ text });
        }}
      >
        <label className="flex min-w-0 flex-1 flex-col text-sm">
          {w.ownMessage}
          <input
            className="min-w-0 rounded border px-2 py-1 dark:bg-slate-800"
            value={text}
            maxLength={LIMITS.maxMessageLength}
            onChange={(e) => setText(e.target.value)}
            aria-describedby="class-message-hint"
            data-testid="class-message-text"
          />
        </label>
        <button type="submit" className="rounded bg-host px-3 py-1 font-semibold text-white" data-testid="class-message-send">
          {w.send}
        </button>
      </form>
      <p id="class-message-hint" className="text-xs text-slate-600 dark:text-slate-300">
        {w.ownMessageHint} {sent !== null && <span role="status">{w.sent}</span>}
      </p>
    </section>
  );
}

/**
 * The review's figure: how long each board's opponent was away in all (folded from the log's
 * seat-away and seat-back, so it survives a restart). Only boards whose opponent was ever away.
 */
export function AwayTotals({ state, now }: { state: SimulState; now: number }) {
  const w = useWords();
  const end = state.finishedAt ?? now;
  const rows = state.order.map((n) => state.boards.get(n)!).filter((b) => awayTotalMs(b, end) > 0);
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="away-totals" className="rounded-2xl bg-white p-5 shadow-sm dark:bg-slate-900" data-testid="away-totals">
      <h2 id="away-totals" className="mb-2 text-xl font-bold">{w.classroom.awayColumn}</h2>
      <table className="text-left text-sm tabular-nums">
        <thead className="text-slate-600 dark:text-slate-300">
          <tr>
            <th className="pr-4">{w.dashboard.columns.board}</th>
            <th className="pr-4">{w.dashboard.columns.opponent}</th>
            <th className="pr-4 text-right">{w.classroom.awayColumn}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((b) => (
            <tr key={b.number} data-testid={`away-total-${b.number}`}>
              <td className="pr-4 font-semibold">{b.number}</td>
              <td className="pr-4">{b.opponent?.name ?? ''}</td>
              <td className="pr-4 text-right">{w.classroom.awayTime(awayTotalMs(b, end))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
