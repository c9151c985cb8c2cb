'use client';
// The projector before the start: the class's join screen, read from the back of the room.
// The address to type, the six-digit code, the QR code as large as the room allows, the seats
// taken and free, and the names as students sit down (bots marked; gone again when the host
// frees a seat), each with its student's presence (lib/simul/presence.ts): here, or away (a
// phone closed, asleep or offline while the class waits for the host). None of it is secret:
// the projector watches as a spectator and is never given the host key or a seat token. While the games run and joining is open, JoinCorner keeps the
// address, the code and the QR code in the header.
import { useLayoutEffect, useRef, useState } from 'react';
import { QRCodeSVG } from 'qrcode.react';
import { presenceOf } from '@/lib/simul/presence';
import type { SimulState } from '@/lib/simul/types';
import { useWords } from '../language';
import { LOOKS } from '../board-look';
import { BotMarker } from '../BotMarker';
import { JoinAddressWarning, useJoinAddress } from '../join-address';
import { useBoxSize } from '../use-box-size';

/** Name type shrinks as the room fills, so that every name stays on the screen (and further, should they still not fit: see ProjectorLobby). */
function nameSize(count: number): string {
  if (count <= 24) return 'clamp(1.25rem,4vh,3rem)';
  if (count <= 48) return 'clamp(1rem,3.2vh,2.25rem)';
  return 'clamp(0.875rem,2.4vh,1.75rem)';
}

/** The code as a screen reader should say it, digit by digit; shown in two groups of three. */
function Code({ code, className, testId }: { code: string; className: string; testId: string }) {
  return (
    <p className={`font-mono leading-none font-black tracking-[0.08em] tabular-nums ${className}`} data-testid={testId} aria-label={code.split('').join(' ')}>
      {code.slice(0, 3)}
      <span className="inline-block w-[0.3em]" aria-hidden />
      {code.slice(3)}
    </p>
  );
}

/**
 * A seated student's presence on the projector, before the name: a filled dot while here (said
 * to a screen reader, not written: the name is the chip's text), a hollow one while away, the
 * word after the name; small, so that a class of 30 still fits. A bot: nothing.
 */
function PresenceMark({ kind }: { kind: 'here' | 'away' | null }) {
  const words = useWords().classroom.presence;
  if (kind === 'here') return <span role="img" aria-label={words.here} className="inline-block h-[0.5em] w-[0.5em] shrink-0 rounded-full bg-win" />;
  if (kind === 'away') return <span className="inline-block h-[0.5em] w-[0.5em] shrink-0 rounded-full border-[0.1em] border-violet-800 dark:border-violet-300" />;
  return null;
}

export function ProjectorLobby({ state }: { state: SimulState }) {
  const words = useWords().projector;
  const presenceWords = useWords().classroom.presence;
  const join = useJoinAddress(state.simulId);
  const { address, link, ready } = join;
  const boards = state.order.map((n) => state.boards.get(n)!);
  const seated = boards.filter((b) => b.opponent);
  // Each seat's presence as the domain says it (null: a bot, whose presence is not followed).
  const presence = (b: (typeof boards)[number]) => {
    const p = presenceOf(b);
    return p && p.kind !== 'left' ? p.kind : null;
  };
  const away = seated.filter((b) => presence(b) === 'away').length;
  // The names' type, made smaller still while they overflow the room the screen leaves them
  // (30 names on a 1080p projector did); measured again when that room or the class changes.
  const seats = useRef<HTMLElement>(null);
  const names = useRef<HTMLUListElement>(null);
  const room = useBoxSize(seats);
  // The shrink found for this room and this many names; a new room or class starts again from 1.
  const fitFor = `${room.width}x${room.height}:${seated.length}`;
  const [fitted, setFitted] = useState({ for: fitFor, shrink: 1 });
  const shrink = fitted.for === fitFor ? fitted.shrink : 1;
  useLayoutEffect(() => {
    const list = names.current;
    if (list && shrink > 0.4 && list.scrollHeight > list.clientHeight + 1) setFitted({ for: fitFor, shrink: shrink * 0.92 });
  });
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-[2vh] lg:flex-row lg:gap-[3vw]" data-testid="projector-lobby">
      <div className="flex min-h-0 min-w-0 flex-1 flex-col gap-[2vh]">
        <section aria-label={words.howToJoin} className="flex flex-col gap-[1vh] rounded-3xl bg-white p-[2vh] shadow-sm dark:bg-slate-900">
          <JoinAddressWarning join={join} projector />
          {state.joiningClosed ? (
            <p className="text-[clamp(1.5rem,6vh,4rem)] font-bold text-ready" data-testid="joining-closed">{words.joiningClosed}</p>
          ) : (
            <>
              <p className="text-[clamp(1.25rem,4.5vh,3.5rem)] leading-tight text-slate-600 dark:text-slate-300">{words.goTo}</p>
              <p className="max-w-full font-mono text-[clamp(1.5rem,min(9vh,4vw),7rem)] leading-tight font-bold break-all" data-testid="join-address">
                {address}
              </p>
              <p className="mt-[1vh] text-[clamp(1.25rem,4.5vh,3.5rem)] leading-tight text-slate-600 dark:text-slate-300">{words.typeCode}</p>
              <Code code={state.joinCode} className="text-[clamp(3rem,min(20vh,9vw),16rem)]" testId="projector-code" />
            </>
          )}
        </section>
        <section ref={seats} aria-label={words.seatedStudents} className="flex min-h-0 flex-1 flex-col gap-[1.5vh]">
          <p className="flex flex-wrap items-baseline gap-x-[2vw] text-[clamp(1.5rem,5vh,3.5rem)] font-bold" aria-live="polite">
            <span data-testid="projector-seated">{words.seated(seated.length)}</span>
            {away > 0 && (
              <span className="text-violet-800 dark:text-violet-300" data-testid="projector-away">
                {words.away(away)}
              </span>
            )}
            <span className="text-slate-600 dark:text-slate-300" data-testid="projector-free">{words.free(boards.length - seated.length)}</span>
            <span className="text-[clamp(1rem,3vh,2rem)] font-normal text-slate-600 dark:text-slate-300">{words.waitingForHost}</span>
          </p>
          {seated.length === 0 ? (
            <p className="text-[clamp(1.25rem,3.5vh,2.5rem)] text-slate-600 dark:text-slate-300">{words.noneSeated}</p>
          ) : (
            <ul
              ref={names}
              className="flex min-h-0 flex-wrap content-start gap-[1vh] overflow-hidden"
              style={{ fontSize: `calc(${nameSize(seated.length)} * ${shrink.toFixed(3)})` }}
              data-testid="projector-names"
            >
              {seated.map((b) => {
                const kind = presence(b);
                return (
                  <li
                    key={b.opponent!.playerId}
                    className={`name-in flex max-w-full items-center gap-[0.25em] rounded-xl px-[0.45em] py-[0.15em] font-semibold ${
                      kind === 'away'
                        ? 'bg-white text-slate-700 outline-[0.1em] -outline-offset-[0.1em] outline-violet-700 outline-dashed dark:bg-slate-900 dark:text-slate-200 dark:outline-violet-300'
                        : LOOKS.seated.chip
                    }`}
                    data-testid="projector-name"
                    data-board={b.number}
                    data-presence={kind ?? undefined}
                  >
                    <PresenceMark kind={kind} />
                    <span className="truncate">{b.opponent!.name}</span>
                    {b.opponent!.bot && <BotMarker />}
                    {kind === 'away' && (
                      <span className="shrink-0 text-[0.75em] font-bold text-violet-800 dark:text-violet-300" data-testid="seat-away">
                        {presenceWords.away}
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>
      {!state.joiningClosed && (
        <section aria-label={words.orScan} className="flex shrink-0 flex-col items-center justify-center gap-[1vh]">
          <div className="rounded-2xl bg-white p-[1.2vh]">
            {ready && (
              <QRCodeSVG value={link} size={768} level="M" marginSize={2} title={words.orScan} className="h-auto w-[min(80vw,60vh)] lg:w-[min(34vw,72vh)]" data-testid="projector-qr" />
            )}
          </div>
          <p className="text-[clamp(1rem,3vh,2.25rem)] text-slate-600 dark:text-slate-300">{words.orScan}</p>
        </section>
      )}
    </div>
  );
}

/**
 * While the games run and joining is open: the address, the code and a QR code, kept in the
 * header's corner, about as tall as the title (the boards need the rest of the screen). The
 * lobby said whether phones can reach the address; the console keeps saying it.
 */
export function JoinCorner({ simulId, joinCode, joiningClosed }: { simulId: string; joinCode: string; joiningClosed: boolean }) {
  const words = useWords().projector;
  const join = useJoinAddress(simulId);
  if (joiningClosed || !join.ready) return null;
  return (
    <section aria-label={words.howToJoin} className="flex items-center gap-[1vw] rounded-xl bg-white px-[0.8vh] py-[0.4vh] shadow-sm dark:bg-slate-900" data-testid="join-corner">
      <div className="flex min-w-0 flex-col items-end text-right">
        <p className="font-mono text-[clamp(0.75rem,1.8vh,1.5rem)] leading-tight font-bold break-all" data-testid="corner-address">{join.address}</p>
        <Code code={joinCode} className="text-[clamp(1.25rem,3.6vh,3rem)]" testId="corner-code" />
      </div>
      <div className="rounded-lg bg-white p-[0.5vh]">
        <QRCodeSVG value={join.link} size={256} level="M" marginSize={2} title={words.orScan} className="h-[clamp(2.75rem,6vh,6rem)] w-auto" data-testid="corner-qr" />
      </div>
    </section>
  );
}
