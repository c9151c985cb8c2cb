import { afterEach, describe, expect, it } from 'vitest';
import type { NetworkInterfaceInfo } from 'node:os';
import { isLoopbackHost } from '../lib/join-address';
import { startServer, type RunningServer } from './app';
import { joinAddresses, listenAddresses, parsePublicUrls, serverOrigins } from './listen-addresses';
import { MemoryEventStore } from './store/memory-store';

function info(address: string, family: 'IPv4' | 'IPv6', internal = false): NetworkInterfaceInfo {
  return { address, family, internal, netmask: '', mac: '', cidr: null, ...(family === 'IPv6' ? { scopeid: 0 } : {}) } as NetworkInterfaceInfo;
}

const interfaces = {
  lo: [info('127.0.0.1', 'IPv4', true), info('::1', 'IPv6', true)],
  wlan0: [info('192.168.1.20', 'IPv4'), info('fe80::1', 'IPv6')],
  eth0: [info('10.0.0.5', 'IPv4')],
};

describe('the addresses printed at start-up', () => {
  it('on every interface: localhost and each external IPv4 address', () => {
    const expected = ['http://localhost:3000', 'http://192.168.1.20:3000', 'http://10.0.0.5:3000'];
    expect(listenAddresses('0.0.0.0', 3000, interfaces)).toEqual(expected);
    expect(listenAddresses('::', 3000, interfaces)).toEqual(expected);
  });

  it('on one host: that host only', () => {
    expect(listenAddresses('127.0.0.1', 3107, interfaces)).toEqual(['http://127.0.0.1:3107']);
    expect(listenAddresses('::1', 3107, interfaces)).toEqual(['http://[::1]:3107']);
  });
});

describe('the join addresses the pages offer', () => {
  it('on every interface: each network address, never localhost', () => {
    expect(joinAddresses('0.0.0.0', 3000, interfaces)).toEqual(['http://192.168.1.20:3000', 'http://10.0.0.5:3000']);
  });

  it('with no network address, or on loopback only: the loopback address (the pages warn of it)', () => {
    expect(joinAddresses('0.0.0.0', 3000, { lo: interfaces.lo })).toEqual(['http://localhost:3000']);
    expect(joinAddresses('127.0.0.1', 3107, interfaces)).toEqual(['http://127.0.0.1:3107']);
  });

  it('on one network host: that host', () => {
    expect(joinAddresses('10.0.0.5', 3000, interfaces)).toEqual(['http://10.0.0.5:3000']);
  });

  it('behind a proxy: the public addresses alone', () => {
    const urls = parsePublicUrls(' https://simul.example.org/ , http://school.test:8080');
    expect(urls).toEqual(['https://simul.example.org', 'http://school.test:8080']);
    expect(joinAddresses('0.0.0.0', 3000, interfaces, urls)).toEqual(urls);
  });

  it('refuses a public address that is not an http origin', () => {
    expect(parsePublicUrls(undefined)).toEqual([]);
    expect(parsePublicUrls(' ')).toEqual([]);
    for (const bad of ['simul.example.org', 'ftp://simul.example.org', 'https://simul.example.org/simul', 'https://a@b.org', 'https://x.org/?a=1']) {
      expect(() => parsePublicUrls(bad), bad).toThrow(/SIMUL_PUBLIC_URL/);
    }
  });
});

describe('loopback host names', () => {
  it('knows localhost, 127.x and ::1 from a network address', () => {
    for (const h of ['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['192.168.1.20', 'school.test', '10.0.0.5', '[fd00::2]', 'localhost.example.org']) expect(isLoopbackHost(h), h).toBe(false);
  });
});

describe('GET /join-addresses on the real server', () => {
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('answers the addresses the server was given, for the port it listens on', async () => {
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      store: new MemoryEventStore(),
      joinAddresses: (port) => joinAddresses('0.0.0.0', port, interfaces),
    });
    const res = await fetch(`${server.url}/join-addresses`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ addresses: [`http://192.168.1.20:${server.port}`, `http://10.0.0.5:${server.port}`] });
  });

  it('by default, the listen address', async () => {
    server = await startServer({ port: 0, host: '127.0.0.1', store: new MemoryEventStore() });
    const body = (await (await fetch(`${server.url}/join-addresses`)).json()) as { addresses: string[] };
    expect(body.addresses).toEqual([`http://127.0.0.1:${server.port}`]);
  });
});

describe("the server's own origins", () => {
  it("include the machine's name and its .local name when it listens on every interface, never the request's own", () => {
    const all = serverOrigins('0.0.0.0', 3000, {}, [], 'Teacher-Laptop');
    expect(all.has('http://teacher-laptop:3000')).toBe(true);
    expect(all.has('http://teacher-laptop.local:3000')).toBe(true);
    expect(all.has('http://rebind.example:3000')).toBe(false);
    expect(serverOrigins('127.0.0.1', 3000, {}, [], 'Teacher-Laptop').has('http://teacher-laptop:3000')).toBe(false);
  });
});
