'use client';
// What the teacher projects in the lobby: the join code, a QR code readable from the back
// of the room, and the join link with a copy button, at the address the server offers (the
// teacher picks when it has several). None of it is secret.
import { QRCodeSVG } from 'qrcode.react';
import { useState } from 'react';
import { JoinAddressWarning, useJoinAddress, type JoinAddress } from '../join-address';
import { useWords } from '../language';

export function JoinPanel({ simulId, joinCode }: { simulId: string; joinCode: string }) {
  const join = useJoinAddress(simulId);
  const { address, link, ready } = join;
  const words = useWords().join;
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
    <section className="flex flex-col gap-4 rounded-2xl bg-white p-6 shadow-sm dark:bg-slate-900" aria-label={words.howToJoin}>
      <JoinAddressWarning join={join} />
      <div className="flex flex-col items-center gap-4 md:flex-row md:items-start md:gap-8">
        <div className="rounded-xl bg-white p-3">
          {ready && <QRCodeSVG value={link} size={320} level="M" marginSize={2} title={words.qrTitle} className="h-auto w-[min(70vw,320px)]" data-testid="join-qr" />}
        </div>
        <div className="flex min-w-0 flex-col gap-4 text-center md:text-left">
          <div>
            <p className="text-sm uppercase tracking-wide text-slate-500">{words.joinCode}</p>
            <p className="font-mono text-6xl font-bold tracking-[0.2em] md:text-7xl" data-testid="join-code">
              {joinCode}
            </p>
            <p className="mt-1 text-slate-500">
              {words.typeAt} <span className="font-semibold" data-testid="join-address">{address}</span>
              {words.orScan}
            </p>
          </div>
          <AddressPicker join={join} />
          <div>
            <p className="text-sm uppercase tracking-wide text-slate-500">{words.joinLink}</p>
            <div className="flex items-center gap-2">
              <code className="rounded bg-slate-100 px-2 py-1 text-sm break-all dark:bg-slate-800" data-testid="join-link">
                {ready ? link : ''}
              </code>
              <button onClick={copy} className="rounded-lg bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white dark:bg-slate-100 dark:text-slate-900">
                {copied ? words.copied : words.copy}
              </button>
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}

/** Several network addresses (wired and wireless, a VPN): the teacher says which the class is on. */
function AddressPicker({ join }: { join: JoinAddress }) {
  const words = useWords().join;
  if (join.choices.length < 2) return null;
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-semibold">{words.pick}</span>
      <select
        value={join.chosen}
        onChange={(e) => join.choose(e.target.value)}
        className="rounded border border-slate-300 px-2 py-1 font-mono dark:border-slate-600 dark:bg-slate-800"
        data-testid="join-address-pick"
      >
        {join.choices.map((c) => (
          <option key={c} value={c}>
            {c.replace(/^https?:\/\//, '')}
          </option>
        ))}
      </select>
      <span className="text-slate-500">{words.pickHint}</span>
    </label>
  );
}
