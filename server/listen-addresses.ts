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
