// The addresses to print at start-up, the ones a phone on the classroom network can open.
import type { NetworkInterfaceInfo } from 'node:os';

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
 * The origins whose pages are this server's own: the addresses it listens on and prints (on
 * every interface: localhost, loopback and each LAN IPv4 address), and its public address
 * behind a proxy (SIMUL_PUBLIC_URL). What a request says of itself (its Host) is no part of
 * it: a DNS-rebinding page names its own host there.
 */
export function serverOrigins(
  host: string,
  port: number,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>,
  publicUrl?: string,
): Set<string> {
  const origins = new Set(listenAddresses(host, port, interfaces).map((a) => new URL(a).origin));
  const loopback = host === '0.0.0.0' || host === '::' || host === '127.0.0.1' || host === 'localhost' || host === '::1';
  if (loopback) for (const name of ['localhost', '127.0.0.1', '[::1]']) origins.add(`http://${name}:${port}`);
  if (host === '::') {
    for (const info of Object.values(interfaces).flatMap((i) => i ?? [])) {
      if (info.family === 'IPv6' && !info.internal) origins.add(`http://[${info.address}]:${port}`);
    }
  }
  if (publicUrl) origins.add(new URL(publicUrl).origin);
  return origins;
}
