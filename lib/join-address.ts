// What the server and the pages agree on about the join address (server/listen-addresses.ts
// makes the list; app/components/join-address.tsx shows it).

/** Where the server answers with the join addresses it offers, best first (JSON). */
export const JOIN_ADDRESSES_PATH = '/join-addresses';

export interface JoinAddresses {
  /** Origins such as "http://192.168.1.20:3000" or "https://simul.example.org". */
  addresses: string[];
}

/** A host name only this machine can open: localhost, 127.x.x.x, ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\./.test(h) || h === '0.0.0.0';
}
