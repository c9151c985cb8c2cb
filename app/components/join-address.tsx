'use client';
import { useCallback, useEffect, useState } from 'react';
import { isLoopbackHost, JOIN_ADDRESSES_PATH, type JoinAddresses } from '@/lib/join-address';
import { useWords } from './language';

/** The address the teacher picked, kept in this browser (the projector in the same browser follows). */
const CHOICE_KEY = 'simul:join-address';

export interface JoinAddress {
  /** The server's address as typed (no scheme). */
  address: string;
  /** The simul's join link. */
  link: string;
  /** False until the server has said its addresses: nothing is shown before. */
  ready: boolean;
  /** Every address the server offers, as origins; the teacher picks when there are several. */
  choices: string[];
  /** The origin shown. */
  chosen: string;
  choose(origin: string): void;
  /** This page is open at localhost (or 127.0.0.1): its own address is no use to a phone. */
  pageAtLoopback: boolean;
  /** The server has no network address: no phone can reach the address shown. */
  unreachable: boolean;
}

function pick(addresses: string[]): string {
  const kept = localStorage.getItem(CHOICE_KEY);
  if (kept && addresses.includes(kept)) return kept;
  // The teacher who opened the page at one of the network addresses uses that one.
  if (addresses.includes(window.location.origin)) return window.location.origin;
  return addresses[0] ?? '';
}

/**
 * Where a student joins, from the addresses the server itself offers (its network addresses, or
 * the public one behind a proxy), never from this page's location: a console opened at
 * localhost must not show localhost to a class. None of it is secret.
 */
export function useJoinAddress(simulId: string): JoinAddress {
  const [choices, setChoices] = useState<string[]>([]);
  const [chosen, setChosen] = useState('');
  const [pageAtLoopback, setPageAtLoopback] = useState(false);

  useEffect(() => {
    let live = true;
    setPageAtLoopback(isLoopbackHost(window.location.hostname));
    void fetch(JOIN_ADDRESSES_PATH, { cache: 'no-store' })
      .then((res) => (res.ok ? (res.json() as Promise<JoinAddresses>) : { addresses: [] }))
      .catch(() => ({ addresses: [] }))
      .then(({ addresses }) => {
        if (!live) return;
        setChoices(addresses);
        setChosen(pick(addresses));
      });
    const onStorage = (e: StorageEvent) => {
      if (e.key === CHOICE_KEY && e.newValue) setChosen(e.newValue);
    };
    window.addEventListener('storage', onStorage);
    return () => {
      live = false;
      window.removeEventListener('storage', onStorage);
    };
  }, []);

  const choose = useCallback((origin: string) => {
    setChosen(origin);
    try {
      localStorage.setItem(CHOICE_KEY, origin);
    } catch {
      // Storage refused (private mode): the choice holds for this page only.
    }
  }, []);

  const shown = choices.includes(chosen) ? chosen : (choices[0] ?? '');
  return {
    address: shown.replace(/^https?:\/\//, ''),
    link: `${shown}/play/${simulId}`,
    ready: shown !== '',
    choices,
    chosen: shown,
    choose,
    pageAtLoopback,
    unreachable: shown !== '' && isLoopbackHost(new URL(shown).hostname),
  };
}

/**
 * Said on the console (and, shorter, on the projector) when the page is open at localhost or
 * when no phone can reach the address shown. Nothing when all is well.
 */
export function JoinAddressWarning({ join, projector = false }: { join: JoinAddress; projector?: boolean }) {
  const joinWords = useWords().join;
  if (!join.ready) return null;
  const text = join.unreachable
    ? projector
      ? joinWords.projectorUnreachable
      : joinWords.unreachable(join.address)
    : join.pageAtLoopback && !projector
      ? joinWords.pageAtLocalhost(join.address)
      : null;
  if (!text) return null;
  return (
    <p
      role="alert"
      className={`rounded-lg border-2 px-3 py-2 font-semibold ${join.unreachable ? 'border-loss text-loss' : 'border-ready'}`}
      data-testid="join-address-warning"
      data-unreachable={join.unreachable ? 'yes' : 'no'}
    >
      {text}
    </p>
  );
}
