'use client';
// What the teacher projects in the lobby: the join code, a QR code readable from the back
// of the room, and the join link with a copy button. None of it is secret.
import { QRCodeSVG } from 'qrcode.react';
import { useState } from 'react';
import { useJoinAddress } from '../join-address';
import { useWords } from '../language';

export function JoinPanel({ simulId, joinCode }: { simulId: string; joinCode: string }) {
  const { address, link, ready } = useJoinAddress(simulId);
  const words = useWords().console;
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  }

  return (
    <section className="flex flex-col items-center gap-4 rounded-2xl bg-white p-6 shadow-sm dark:bg-slate-900 md:flex-row md:items-start md:gap-8" aria-label={words.howToJoin}>
      <div className="rounded-xl bg-white p-3">
        {ready && <QRCodeSVG value={link} size={320} level="M" marginSize={2} title={words.joinLinkQr} className="h-auto w-[min(70vw,320px)]" />}
      </div>
      <div className="flex flex-col gap-4 text-center md:text-left">
        <div>
          <p className="text-sm uppercase tracking-wide text-slate-500">{words.joinCode}</p>
          <p className="font-mono text-6xl font-bold tracking-[0.2em] md:text-7xl" data-testid="join-code">
            {joinCode}
          </p>
          <p className="mt-1 text-slate-500">
            {words.typeItAt} <span className="font-semibold">{address}</span>{words.orScan}
          </p>
        </div>
        <div>
          <p className="text-sm uppercase tracking-wide text-slate-500">{words.joinLink}</p>
          <div className="flex items-center gap-2">
            <code className="rounded bg-slate-100 px-2 py-1 text-sm break-all dark:bg-slate-800" data-testid="join-link">
              {link}
            </code>
            <button onClick={copy} className="rounded-lg bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white dark:bg-slate-100 dark:text-slate-900">
              {copied ? words.copied : words.copy}
            </button>
          </div>
        </div>
      </div>
    </section>
  );
}
