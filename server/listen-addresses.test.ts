import { describe, expect, it } from 'vitest';
import type { NetworkInterfaceInfo } from 'node:os';
import { listenAddresses } from './listen-addresses';

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
