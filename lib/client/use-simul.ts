'use client';
// React's view of one simul: a connection per page, its zustand store, and a selector hook.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { SimulConnection, type SimulView } from './simul-connection';
import { takeSecretFromFragment } from './credentials';

/**
 * A live connection to the simul, or null until it opens (or when `simulId` is null); `as`
 * 'watcher' never presents this browser's credentials (see SimulConnection).
 */
export function useSimulConnection(
  simulId: string | null,
  want: 'log' | 'state' = 'log',
  as: 'self' | 'watcher' = 'self',
): SimulConnection | null {
  const [connection, setConnection] = useState<SimulConnection | null>(null);
  useEffect(() => {
    if (!simulId) return;
    takeSecretFromFragment(simulId);
    const c = new SimulConnection(simulId, undefined, want, as);
    setConnection(c);
    return () => c.close();
  }, [simulId, want, as]);
  return connection;
}

/** The whole view; re-renders on every fold (the version changes). */
export function useSimulView(connection: SimulConnection): SimulView {
  return useStore(connection.store);
}
