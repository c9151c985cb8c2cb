'use client';
// The host's lobby: seats fill live as students join; the host frees seats (or removes a
// squatter and blocks their device's network address), seats bots at empty seats (or fills
// them all) and takes them out again, closes joining, starts.
import { useState } from 'react';
import type { SimulController } from '@/lib/client/simul-controller';
import type { BotSpec, SimulState } from '@/lib/simul/types';
import type { BotStrength } from '@/lib/bots/spec';
import { useWords } from '../language';
import { BotMarker } from '../BotMarker';
import { JoinPanel } from './JoinPanel';
import { PresenceBadge } from '../classroom';

/** A seat's presence (away, left), from the board's view: nothing while its student is here. */
function LobbyPresence({ controller, board }: { controller: SimulController; board: number }) {
  const store = controller.connection.store;
  const view = store.getState().boards.get(board);
  return view ? <PresenceBadge store={store} view={view} className="text-xs" /> : null;
}

interface BotChoice {
  strength: BotStrength;
  thinkSeconds: number;
  varied: boolean;
}

/** Think times the host can give the bots it seats, in seconds. */
const BOT_THINK_SECONDS = [2, 5, 10, 30, 60] as const;

const DEFAULT_BOT: BotChoice = { strength: 'sensible', thinkSeconds: 10, varied: true };

/** A bot as chosen (the server gives it a secret seed): a varied think time spreads a third of the mean. */
function botOf(choice: BotChoice): BotSpec {
  const meanMs = choice.thinkSeconds * 1000;
  return {
    strength: choice.strength,
    think: { meanMs, spreadMs: choice.varied ? Math.round(meanMs / 3) : 0 },
  };
}

export function Lobby({ state, controller }: { state: SimulState; controller: SimulController }) {
  const w = useWords();
  const words = w.console;
  const botWords = w.bots;
  const boards = state.order.map((n) => state.boards.get(n)!);
  const seated = boards.filter((b) => b.opponent).length;
  const [bot, setBot] = useState<BotChoice>(DEFAULT_BOT);
  const addBot = (board: number) => controller.seatBot(board, botWords.name(board), botOf(bot));
  const fill = async () => {
    for (const b of boards) {
      if (b.opponent) continue;
      const res = await addBot(b.number);
      if (!res.ok) return;
    }
  };

  return (
    <div className="flex flex-col gap-6">
      <JoinPanel simulId={state.simulId} joinCode={state.joinCode} />
      <section aria-label={words.seats} className="rounded-2xl bg-white p-6 shadow-sm dark:bg-slate-900">
        <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
          <h2 className="text-2xl font-bold">
            <span data-testid="seated-count">{seated}</span> {words.seatsTaken(boards.length)}
          </h2>
          <div className="flex gap-2">
            <button
              onClick={() => controller.setJoining(state.joiningClosed)}
              className="rounded-lg border border-slate-300 px-4 py-2 font-semibold dark:border-slate-600"
            >
              {state.joiningClosed ? words.openJoining : words.closeJoining}
            </button>
            <button
              onClick={() => controller.start()}
              disabled={seated === 0}
              className="rounded-lg bg-host px-5 py-2 font-semibold text-white disabled:opacity-40"
              data-testid="start"
            >
              {words.start}
            </button>
          </div>
        </div>
        {state.joiningClosed && <p className="mb-3 font-semibold text-ready">{words.joiningClosed}</p>}
        <BotSettings choice={bot} onChange={setBot} onFill={fill} canFill={seated < boards.length} />
        {seated > 0 && seated < boards.length && (
          <p className="mb-3 text-sm text-slate-500">{words.lobbyNote}</p>
        )}
        <ul className="grid grid-cols-[repeat(auto-fill,minmax(11rem,1fr))] gap-2" data-testid="seats">
          {boards.map((b) => (
            <li
              key={b.number}
              className={`flex flex-wrap items-center justify-between gap-x-2 gap-y-1 rounded-lg border px-3 py-2 ${
                b.opponent ? 'border-slate-400 bg-slate-50 dark:bg-slate-800' : 'border-dashed border-slate-300 text-slate-600 dark:border-slate-700 dark:text-slate-400'
              }`}
            >
              <span className="flex min-w-0 items-center gap-1">
                <span className="mr-1 text-sm text-slate-500">{b.number}</span>
                <span className="truncate font-semibold" data-testid={`seat-${b.number}`}>{b.opponent?.name ?? w.lobby.empty}</span>
                {b.opponent?.bot && <BotMarker />}
                <LobbyPresence controller={controller} board={b.number} />
              </span>
              {b.opponent?.bot ? (
                <button
                  onClick={() => controller.freeSeat(b.number)}
                  className="text-xs text-slate-500 underline"
                  aria-label={botWords.removeAt(b.number)}
                  data-testid={`remove-bot-${b.number}`}
                >
                  {botWords.remove}
                </button>
              ) : b.opponent ? (
                <SeatActions key={b.opponent.playerId} board={b.number} name={b.opponent.name} controller={controller} />
              ) : (
                <button
                  onClick={() => addBot(b.number)}
                  className="text-xs text-host underline"
                  aria-label={botWords.addAt(b.number)}
                  data-testid={`add-bot-${b.number}`}
                >
                  {botWords.add}
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/**
 * One action beside a student's name, which asks what to do: free the seat (they may sit down
 * again), or remove them and block their network from this simul, said for what it is.
 */
function SeatActions({ board, name, controller }: { board: number; name: string; controller: SimulController }) {
  const w = useWords();
  const words = w.lobby;
  const [asking, setAsking] = useState(false);
  if (asking) {
    return (
      <span role="group" aria-label={words.askWhat(name)} className="flex basis-full flex-col gap-2 text-sm" data-testid={`seat-ask-${board}`}>
        <span className="font-semibold">{words.askWhat(name)}</span>
        <button
          autoFocus
          onClick={() => {
            setAsking(false);
            void controller.freeSeat(board);
          }}
          className="rounded border border-slate-400 px-2 py-1 text-left font-semibold"
          aria-label={words.freeAt(board)}
        >
          {words.free}
          <span className="block font-normal text-slate-600 dark:text-slate-300">{words.freeHint}</span>
        </button>
        <button
          onClick={() => {
            setAsking(false);
            void controller.freeSeat(board, true);
          }}
          className="rounded border-2 border-loss px-2 py-1 text-left font-semibold text-loss"
          aria-label={words.blockAt(board)}
        >
          {words.block}
          <span className="block font-normal text-slate-700 dark:text-slate-200">{words.blockHint}</span>
        </button>
        <button onClick={() => setAsking(false)} className="self-start rounded border px-2 py-1">
          {w.console.cancel}
        </button>
      </span>
    );
  }
  return (
    <button onClick={() => setAsking(true)} className="text-xs text-slate-600 underline dark:text-slate-300" aria-label={words.removeAt(board, name)} data-testid={`seat-remove-${board}`}>
      {words.remove}
    </button>
  );
}

/** How the bots the host adds play and think; and the button that fills every empty seat. */
function BotSettings({
  choice,
  onChange,
  onFill,
  canFill,
}: {
  choice: BotChoice;
  onChange: (c: BotChoice) => void;
  onFill: () => void;
  canFill: boolean;
}) {
  const botWords = useWords().bots;
  const select = 'rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-800';
  return (
    <fieldset className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-slate-200 px-3 py-2 text-sm dark:border-slate-700">
      <legend className="px-1 font-semibold">{botWords.settings}</legend>
      <label className="flex items-center gap-2">
        {botWords.strength}
        <select value={choice.strength} onChange={(e) => onChange({ ...choice, strength: e.target.value as BotStrength })} className={select} data-testid="bot-strength">
          {(Object.keys(botWords.strengths) as BotStrength[]).map((s) => (
            <option key={s} value={s}>
              {botWords.strengths[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2">
        {botWords.think}
        <select value={choice.thinkSeconds} onChange={(e) => onChange({ ...choice, thinkSeconds: Number(e.target.value) })} className={select} data-testid="bot-think">
          {BOT_THINK_SECONDS.map((s) => (
            <option key={s} value={s}>
              {botWords.thinkSeconds(s)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2">
        {botWords.spread}
        <select value={choice.varied ? 'varied' : 'steady'} onChange={(e) => onChange({ ...choice, varied: e.target.value === 'varied' })} className={select} data-testid="bot-spread">
          <option value="varied">{botWords.spreads.varied}</option>
          <option value="steady">{botWords.spreads.steady}</option>
        </select>
      </label>
      <button onClick={onFill} disabled={!canFill} className="rounded-lg border border-host px-3 py-1 font-semibold text-host disabled:opacity-40" data-testid="fill-bots">
        {botWords.fill}
      </button>
    </fieldset>
  );
}
