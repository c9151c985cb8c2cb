'use client';
// Moves a student to another device: a new seat link replaces the old one, which stops
// working at once. The new link shows in a modal dialog, as a QR code for the new device and
// as text to copy, only after the host asks to see it (the console may be projected). It is
// held in this component's state alone and forgotten when the dialog closes.
import { QRCodeSVG } from 'qrcode.react';
import { useEffect, useId, useRef, useState } from 'react';
import type { SimulController } from '@/lib/client/simul-controller';
import { refusalText } from '@/app/words';
import { useWords } from '../language';

export function ReissueSeatButton({ controller, board, name }: { controller: SimulController; board: number; name: string }) {
  const words = useWords().console.reissue;
  const [open, setOpen] = useState(false);
  return (
    <>
      <button className="rounded border px-3 py-1 text-slate-600 dark:text-slate-300" onClick={() => setOpen(true)}>
        {words.button}
      </button>
      {open && <SeatLinkDialog controller={controller} board={board} name={name} onClose={() => setOpen(false)} />}
    </>
  );
}

type Step = 'confirm' | 'hidden' | 'shown';

function SeatLinkDialog({
  controller,
  board,
  name,
  onClose,
}: {
  controller: SimulController;
  board: number;
  name: string;
  onClose: () => void;
}) {
  const w = useWords();
  const words = w.console.reissue;
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [step, setStep] = useState<Step>('confirm');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState('');

  // showModal() keeps focus inside the dialog and closes it on Escape.
  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);

  async function reissue() {
    setBusy(true);
    const res = await controller.reissueSeat(board);
    setBusy(false);
    if (!res.ok) return setError(refusalText(w, res.error));
    const token = res.seatToken;
    setLink(`${window.location.origin}/play/${controller.connection.simulId}#seat=${token}`);
    setStep('hidden');
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      // While the request is out, Escape would lose the new link: wait for the answer.
      onCancel={(e) => busy && e.preventDefault()}
      className="m-auto max-h-[calc(100dvh-1rem)] w-[min(30rem,calc(100vw-1rem))] max-w-none overflow-y-auto rounded-2xl bg-white p-5 text-slate-900 shadow-xl backdrop:bg-black/60 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id={titleId} className="text-xl font-bold">
        {words.title(board)} <span className="font-normal text-slate-500">({name})</span>
      </h2>

      {step === 'confirm' && (
        <>
          <p className="mt-3">
            {words.forWhen(name)}
          </p>
          {error && <p role="alert" className="mt-3 rounded-lg bg-loss/10 px-3 py-2 text-loss">{error}</p>}
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            <button onClick={() => dialog.current?.close()} disabled={busy} className="rounded-lg border px-4 py-2">
              {w.console.cancel}
            </button>
            <button onClick={reissue} disabled={busy} className="rounded-lg bg-host px-4 py-2 font-semibold text-white disabled:opacity-40">
              {busy ? words.making : words.make}
            </button>
          </div>
        </>
      )}

      {step !== 'confirm' && (
        <p className="mt-3 rounded-lg bg-ready/15 px-3 py-2">
          {words.projected(board, name)}
        </p>
      )}

      {step === 'hidden' && (
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <button onClick={() => dialog.current?.close()} className="rounded-lg border px-4 py-2">
            {words.close}
          </button>
          <button autoFocus onClick={() => setStep('shown')} className="rounded-lg bg-host px-4 py-2 font-semibold text-white">
            {words.show}
          </button>
        </div>
      )}

      {step === 'shown' && <ShownLink link={link} board={board} name={name} onDone={() => dialog.current?.close()} />}
    </dialog>
  );
}

function ShownLink({ link, board, name, onDone }: { link: string; board: number; name: string; onDone: () => void }) {
  const words = useWords().console.reissue;
  const field = useRef<HTMLInputElement>(null);
  const fieldId = useId();
  const [note, setNote] = useState<string | null>(null);

  async function copy() {
    try {
      // Undefined outside a secure context (a school network address over http): that throws too.
      await navigator.clipboard.writeText(link);
      setNote(words.copied(name));
    } catch {
      field.current?.focus();
      field.current?.select();
      setNote(words.cannotCopy);
    }
  }

  return (
    <>
      <p className="mt-4">{words.scan(name)}</p>
      <div className="mt-2 flex justify-center">
        <div className="rounded-xl bg-white p-2">
          <QRCodeSVG value={link} size={240} level="M" marginSize={2} title={words.qr(board)} className="h-auto w-[min(60vw,240px)]" />
        </div>
      </div>
      <label htmlFor={fieldId} className="mt-4 block text-sm font-semibold">
        {words.orSend}
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id={fieldId}
          ref={field}
          readOnly
          value={link}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-sm dark:border-slate-600 dark:bg-slate-800"
          data-testid="seat-link"
        />
        <button autoFocus onClick={copy} className="rounded-lg bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white dark:bg-slate-100 dark:text-slate-900">
          {words.copy}
        </button>
      </div>
      <p role="status" className="mt-2 min-h-5 text-sm text-slate-600 dark:text-slate-300">
        {note}
      </p>
      <div className="mt-4 flex justify-end">
        <button onClick={onDone} className="rounded-lg bg-host px-4 py-2 font-semibold text-white">
          {words.done}
        </button>
      </div>
    </>
  );
}
