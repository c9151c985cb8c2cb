// The addresses to print at start-up, the ones a phone on the classroom network can open,
// and the ones the pages offer as the join address (GET /join-addresses).
import type { NetworkInterfaceInfo } from 'node:os';
import { isLoopbackHost } from '../lib/join-address';

/**
 * Listening on every interface (0.0.0.0 or ::): localhost, then each non-internal IPv4
 * address of this machine. Otherwise only the host given.
 */
export function listenAddresses(
  host: string,
  port: number,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>,
): string[] {
  if (host !== '0.0.0.0' && host !== '::') {
    return [`http://${host.includes(':') ? `[${host}]` : host}:${port}`];
  }
  const lan = Object.values(interfaces)
    .flatMap((infos) => infos ?? [])
    .filter((info) => info.family === 'IPv4' && !info.internal)
    .map((info) => `http://${info.address}:${port}`);
  return [`http://localhost:${port}`, ...lan];
}

/**
 * SIMUL_PUBLIC_URL: the address (or comma-separated addresses) a class opens when the server
 * sits behind a proxy, as origins ("https://simul.example.org"). Throws on anything else: the
 * server refuses to start rather than show a class an address that does not work.
 */
export function parsePublicUrls(value: string | undefined): string[] {
  const urls: string[] = [];
  for (const part of (value ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(part);
    } catch {
      throw new Error(`SIMUL_PUBLIC_URL: "${part}" is not an address (write it like https://simul.example.org)`);
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search || url.hash || url.username) {
      throw new Error(`SIMUL_PUBLIC_URL: "${part}" must be an http or https address with no path (like https://simul.example.org)`);
    }
    urls.push(url.origin);
  }
  return urls;
}

/**
 * The join addresses the pages offer, best first: the public ones when set, else every address
 * of this machine that a phone on the network can open. Only a server with no such address
 * (listening on loopback, or on no network) offers its loopback address, which the pages warn of.
 */
export function joinAddresses(
  host: string,
  port: number,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>,
  publicUrls: string[] = [],
): string[] {
  if (publicUrls.length > 0) return publicUrls;
  const all = listenAddresses(host, port, interfaces);
  const reachable = all.filter((a) => !isLoopbackHost(new URL(a).hostname));
  return reachable.length > 0 ? reachable : all;
}

/**
 * The origins whose pages are this server's own: the addresses it listens on and prints (on
 * every interface: localhost, loopback and each LAN IPv4 address), and its public address
 * behind a proxy (SIMUL_PUBLIC_URL). What a request says of itself (its Host) is no part of
 * it: a DNS-rebinding page names its own host there.
 */
export function serverOrigins(
  host: string,
  port: number,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>,
  publicUrls: string[] = [],
  /** This machine's name (os.hostname()): a teacher may open the page by it, or by its .local name. */
  machineName?: string,
): Set<string> {
  const origins = new Set(listenAddresses(host, port, interfaces).map((a) => new URL(a).origin));
  if (machineName && (host === '0.0.0.0' || host === '::')) {
    const name = machineName.toLowerCase();
    for (const n of name.endsWith('.local') ? [name] : [name, `${name}.local`]) origins.add(`http://${n}:${port}`);
  }
  const loopback = host === '0.0.0.0' || host === '::' || host === '127.0.0.1' || host === 'localhost' || host === '::1';
  if (loopback) for (const name of ['localhost', '127.0.0.1', '[::1]']) origins.add(`http://${name}:${port}`);
  if (host === '::') {
    for (const info of Object.values(interfaces).flatMap((i) => i ?? [])) {
      if (info.family === 'IPv6' && !info.internal) origins.add(`http://[${info.address}]:${port}`);
    }
  }
  for (const url of publicUrls) origins.add(new URL(url).origin);
  return origins;
}
