'use client';
// The class as a phone and the projector see it: the host's word to the class, and, on a phone
// whose board a bot plays while its student was away, the offer to take it back. The host's own
// parts (presence, the bot switch, the message form) are classroom.tsx's: a phone carries none.
import { useState } from 'react';
import type { SimulConnection } from '@/lib/client/simul-connection';
import type { SimulController } from '@/lib/client/simul-controller';
import { useBoard, useSimul } from '@/lib/client/use-simul';
import type { ClassMessage } from '@/lib/simul/types';
import { useWords } from './language';

/** The words of a message: its preset's in the reader's language, or the host's own text. */
function messageText(message: ClassMessage, presets: Record<string, string>): string {
  return message.preset ? presets[message.preset] : (message.text ?? '');
}

/**
 * The host's latest word on a phone or the projector, read aloud by screen readers (a live status
 * region). A phone closes it; a phone that was away sees the latest when it returns.
 */
export function ClassMessageBanner({ connection, closable = true }: { connection: SimulConnection; closable?: boolean }) {
  const w = useWords().classroom;
  const message = useSimul(connection, (v) => v.state.message);
  const [closed, setClosed] = useState<number | null>(null);
  const shown = message && message.seq !== closed ? message : null;
  return (
    <div role="status" aria-live="polite" data-testid="class-message-region">
      {shown && (
        <div className="flex items-start justify-between gap-2 rounded-lg border-2 border-host bg-host/10 px-3 py-2" data-testid="class-message">
          <p className="min-w-0 break-words">
            <span className="font-semibold">{w.fromHost}: </span>
            <span data-testid="class-message-words">{messageText(shown, w.presets)}</span>
          </p>
          {closable && (
            <button className="shrink-0 rounded border px-2" aria-label={w.closeMessage} onClick={() => setClosed(shown.seq)} data-testid="class-message-close">
              ×
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** A student back at a board a bot plays for it: take it back? Accepting ends the bot's turn. */
export function TakeBoardBack({ controller, board }: { controller: SimulController; board: number }) {
  const w = useWords().classroom;
  const view = useBoard(controller.connection, board);
  if (!view?.standIn) return null;
  return (
    <section className="flex flex-col gap-2 rounded-lg border-2 border-paused px-3 py-2" aria-labelledby="take-back-board" data-testid="take-board-back">
      <h2 id="take-back-board" className="font-semibold">{w.takeBackTitle}</h2>
      <p className="text-sm">{w.takeBackBody}</p>
      <button className="self-start rounded bg-host px-3 py-1 font-semibold text-white" onClick={() => controller.takeBoardBack(board)} data-testid="take-board-back-yes">
        {w.takeBackYes}
      </button>
    </section>
  );
}
