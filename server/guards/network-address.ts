// Which network a request comes from, for the budgets that count per address. One person can
// hold many addresses of one network, so the key is the network, not the exact address:
// an IPv6 client by its /64 (a home or phone gets a whole /64), loopback as one machine.
import { isIP } from 'node:net';

/** Expands an IPv6 address to its eight groups of four hex digits. */
function ipv6Groups(address: string): string[] {
  const [head, tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4) counts as two groups.
  const last = right.length ? right : left;
  if (last.length && last[last.length - 1].includes('.')) {
    const v4 = last.pop()!.split('.').map(Number);
    last.push(((v4[0] << 8) | v4[1]).toString(16), ((v4[2] << 8) | v4[3]).toString(16));
  }
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((g) => g.padStart(4, '0').toLowerCase());
}

/** The key a budget counts under: an IPv4 address, 127.0.0.0/8 as one, or an IPv6 /64. */
export function addressKey(address: string): string {
  const bare = address.replace(/%.*$/, ''); // a zone id (fe80::1%eth0)
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  const ip = mapped ? mapped[1] : bare;
  const family = isIP(ip);
  if (family === 4) return ip.startsWith('127.') ? '127.0.0.0/8' : ip;
  if (family === 6) {
    const groups = ipv6Groups(ip);
    if (groups.join('') === '0'.repeat(31) + '1') return '127.0.0.0/8'; // ::1, this machine
    return `${groups.slice(0, 4).join(':')}::/64`;
  }
  return `unknown:${ip.slice(0, 64)}`;
}

/**
 * The client's address: the peer's, or, when the peer is a trusted proxy, the nearest address
 * in X-Forwarded-For that is not itself a trusted proxy. Off unless proxies are listed.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: ReadonlySet<string>,
): string {
  const remote = normalise(peer ?? '');
  if (!trustedProxies.has(remote) || !forwardedFor) return remote;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((h) => normalise(h.trim()))
    .filter((h) => isIP(h) !== 0);
  for (let i = hops.length - 1; i >= 0; i--) if (!trustedProxies.has(hops[i])) return hops[i];
  return remote;
}

function normalise(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

/** SIMUL_TRUST_PROXY: a comma-separated list of proxy addresses whose X-Forwarded-For is believed. */
export function parseTrustedProxies(value: string | undefined): Set<string> {
  return new Set((value ?? '').split(',').map((s) => normalise(s.trim())).filter(Boolean));
}
