'use client';
// The projector before the start: the class's join screen, read from the back of the room.
// The address to type, the six-digit code, the QR code, the seats taken and free, and the
// names as students sit down (gone again when the host frees a seat). None of it is secret:
// the projector watches as a spectator and is never given the host key or a seat token.
import { QRCodeSVG } from 'qrcode.react';
import type { SimulState } from '@/lib/simul/types';
import { useWords } from '../language';
import { LOOKS } from '../board-look';
import { useJoinAddress } from '../join-address';

/** Name type shrinks as the room fills, so that every name stays on the screen. */
function nameSize(count: number): string {
  if (count <= 24) return 'text-[clamp(1.25rem,4vh,3rem)]';
  if (count <= 48) return 'text-[clamp(1rem,3.2vh,2.25rem)]';
  return 'text-[clamp(0.875rem,2.4vh,1.75rem)]';
}

export function ProjectorLobby({ state }: { state: SimulState }) {
  const words = useWords().projector;
  const { address, link, ready } = useJoinAddress(state.simulId);
  const boards = state.order.map((n) => state.boards.get(n)!);
  const seated = boards.filter((b) => b.opponent);
  const code = state.joinCode;
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-[2vh]" data-testid="projector-lobby">
      <section aria-label={words.howToJoin} className="flex flex-col items-center gap-[3vw] rounded-3xl bg-white p-[2vh] shadow-sm md:flex-row md:justify-center dark:bg-slate-900">
        {state.joiningClosed ? (
          <p className="text-[clamp(1.5rem,6vh,4rem)] font-bold text-ready" data-testid="joining-closed">{words.joiningClosed}</p>
        ) : (
          <>
            <div className="flex min-w-0 flex-col items-center text-center md:items-start md:text-left">
              <p className="text-[clamp(1.25rem,4vh,3rem)] text-slate-600 dark:text-slate-300">{words.goTo}</p>
              <p className="max-w-full font-mono text-[clamp(1.25rem,6vh,4.5rem)] font-bold break-all" data-testid="join-address">
                {address}
              </p>
              <p className="mt-[1vh] text-[clamp(1.25rem,4vh,3rem)] text-slate-600 dark:text-slate-300">{words.typeCode}</p>
              <p
                className="font-mono text-[clamp(3rem,min(17vh,11vw),12rem)] leading-none font-black tracking-[0.08em] tabular-nums"
                data-testid="projector-code"
                aria-label={code.split('').join(' ')}
              >
                {code.slice(0, 3)}
                <span className="inline-block w-[0.3em]" aria-hidden />
                {code.slice(3)}
              </p>
            </div>
            <div className="flex shrink-0 flex-col items-center gap-[1vh]">
              <div className="rounded-2xl bg-white p-[1.2vh]">
                {ready && (
                  <QRCodeSVG
                    value={link}
                    size={512}
                    level="M"
                    marginSize={2}
                    title={words.orScan}
                    className="h-auto w-[min(70vw,36vh)]"
                    data-testid="projector-qr"
                  />
                )}
              </div>
              <p className="text-[clamp(1rem,2.6vh,2rem)] text-slate-600 dark:text-slate-300">{words.orScan}</p>
            </div>
          </>
        )}
      </section>
      <section aria-label={words.seatedStudents} className="flex min-h-0 flex-1 flex-col gap-[1.5vh]">
        <p className="flex flex-wrap items-baseline gap-x-[2vw] text-[clamp(1.5rem,5vh,3.5rem)] font-bold" aria-live="polite">
          <span data-testid="projector-seated">{words.seated(seated.length)}</span>
          <span className="text-slate-500" data-testid="projector-free">{words.free(boards.length - seated.length)}</span>
          <span className="text-[clamp(1rem,3vh,2rem)] font-normal text-slate-500">{words.waitingForHost}</span>
        </p>
        {seated.length === 0 ? (
          <p className="text-[clamp(1.25rem,3.5vh,2.5rem)] text-slate-500">{words.noneSeated}</p>
        ) : (
          <ul className={`flex min-h-0 flex-wrap content-start gap-[1vh] overflow-hidden ${nameSize(seated.length)}`} data-testid="projector-names">
            {seated.map((b) => (
              <li
                key={b.opponent!.playerId}
                className={`name-in max-w-full truncate rounded-xl px-[0.6em] py-[0.15em] font-semibold ${LOOKS.seated.chip}`}
                data-testid="projector-name"
              >
                {b.opponent!.name}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
