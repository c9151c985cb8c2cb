'use client';
// React's view of one simul: a connection per page on the page's one socket, and the selectors
// screens read through. Each selector returns a value that changes only when what it names
// does, so a component re-renders for its own part alone: a move on board 7 redraws board 7's
// cell, the focus and the figures, and nothing else.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { tally } from '../simul/results';
import { awaitingHostInOrder, nextBoard } from '../simul/rotation';
import type { SimulState } from '../simul/types';
import type { BoardView } from './board-views';
import { takeSecretFromFragment } from './saved-credentials';
import { SimulConnection } from './simul-connection';
import { openSimulSocket } from './simul-socket';
import type { SyncOptions } from './simul-sync';
import { onWake } from './wake-up';
import type { OptimisticMove, SimulView } from './simul-view';

/** Connections opened before the view that uses them was drawn (openSimulConnection), by simul and kind. */
const openedEarly = new Map<string, SimulConnection>();
const earlyKey = (simulId: string, want: 'log' | 'state', as: 'self' | 'watcher') => `${simulId} ${want} ${as}`;

/**
 * Opens the connection a view will ask for now, before React has drawn it: a seated phone's
 * page, reloaded, says hello while React is still taking the server's page over. The view's
 * useSimulConnection takes it (and closes it when it is done).
 */
export function openSimulConnection(simulId: string, want: 'log' | 'state' = 'log', as: 'self' | 'watcher' = 'self'): void {
  const key = earlyKey(simulId, want, as);
  if (!openedEarly.has(key)) openedEarly.set(key, new SimulConnection(simulId, openSimulSocket(undefined, simulId), { want, as }));
}

/**
 * A live connection to the simul, or null until it opens (or when `simulId` is null); `as`
 * 'watcher' never presents this browser's credentials (see SimulSync).
 */
export function useSimulConnection(
  simulId: string | null,
  want: 'log' | 'state' = 'log',
  as: 'self' | 'watcher' = 'self',
): SimulConnection | null {
  // One opened early is there at the first drawing.
  const [connection, setConnection] = useState<SimulConnection | null>(() => (simulId ? (openedEarly.get(earlyKey(simulId, want, as)) ?? null) : null));
  useEffect(() => {
    if (!simulId) return;
    const key = earlyKey(simulId, want, as);
    const early = openedEarly.get(key);
    openedEarly.delete(key);
    let c: SimulConnection;
    if (early) c = early;
    else {
      takeSecretFromFragment(simulId);
      const options: SyncOptions = { want, as };
      c = new SimulConnection(simulId, openSimulSocket(undefined, simulId), options);
    }
    setConnection(c);
    const stop = onWake(window, document, () => document.visibilityState === 'visible', () => c.wake());
    return () => {
      stop();
      c.close();
    };
  }, [simulId, want, as]);
  return connection;
}

/** Any one value of the view; re-renders when it changes (Object.is). */
export function useSimul<T>(connection: SimulConnection, select: (view: SimulView) => T): T {
  return useStore(connection.store, select);
}

/** Several values of the view at once; re-renders when one of them changes. */
export function useSimulShallow<T extends object>(connection: SimulConnection, select: (view: SimulView) => T): T {
  return useStore(connection.store, useShallow(select));
}

/** The state object (replaced on a snapshot, else folded in place): read it with one of the hooks below. */
export const useSimulState = (c: SimulConnection): SimulState => useSimul(c, (v) => v.state);

/** The fold count: for the few parts that draw from the whole state (the lobby, the results). */
export const useVersion = (c: SimulConnection): number => useSimul(c, (v) => v.version);

export const useBoard = (c: SimulConnection, n: number): BoardView | undefined => useSimul(c, (v) => v.boards.get(n));
export const usePhase = (c: SimulConnection) => useSimul(c, (v) => v.state.phase);
export const useFocus = (c: SimulConnection): number | null => useSimul(c, (v) => v.state.focus);
export const usePaused = (c: SimulConnection): boolean => useSimul(c, (v) => v.state.pausedSince !== null);
export const useOptimistic = (c: SimulConnection, n: number): OptimisticMove | undefined =>
  useSimul(c, (v) => v.optimistic.get(n));

/** Whether the first hello's answer came, and who the server says this screen is. */
export const useWho = (c: SimulConnection) =>
  useSimulShallow(c, (v) => ({ loaded: v.version > 0, role: v.role, board: v.board, problem: v.problem }));

/** The connection's badge: online or not, and how many commands wait for an answer. */
export const useLink = (c: SimulConnection) =>
  useSimulShallow(c, (v) => ({ status: v.status, pendingCommands: v.pendingCommands }));

/** The score from the host's side. */
export const useTally = (c: SimulConnection) =>
  useSimulShallow(c, (v) => {
    const t = tally(v.state);
    return { wins: t.wins, draws: t.draws, losses: t.losses };
  });

/** Where the console's N goes (rotation.ts nextBoard) while playing, and how many boards await the host. */
export function consoleQueue(state: SimulState): { next: number | null; length: number } {
  if (state.phase !== 'playing') return { next: null, length: 0 };
  return { next: nextBoard(state), length: awaitingHostInOrder(state).length };
}

export const useQueue = (c: SimulConnection) => useSimulShallow(c, (v) => consoleQueue(v.state));

/** What the dashboard's figures are read from: the log, as of which fold, and the server's clock. */
export const useFiguresInput = (c: SimulConnection) =>
  useSimulShallow(c, (v) => ({
    log: v.log,
    version: v.version,
    clockOffset: v.clockOffset,
    running: v.state.phase === 'playing',
    simulated: v.state.exhibition !== null,
  }));

/** The whole view; re-renders on every store update: for a screen that draws all of it at once (the exhibition's race). */
export function useSimulView(connection: SimulConnection): SimulView {
  return useStore(connection.store);
}
