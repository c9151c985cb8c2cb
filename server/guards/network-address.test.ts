import { describe, expect, it } from 'vitest';
import { addressKey, clientAddress, parseTrustedProxies } from './network-address';

describe('addressKey', () => {
  it('counts IPv4 by address, and all of loopback as one machine', () => {
    expect(addressKey('192.168.1.20')).toBe('192.168.1.20');
    expect(addressKey('192.168.1.21')).not.toBe(addressKey('192.168.1.20'));
    expect(addressKey('127.0.0.2')).toBe(addressKey('127.0.0.1'));
    expect(addressKey('::1')).toBe(addressKey('127.0.0.1'));
  });

  it('reads IPv4-mapped IPv6 as IPv4', () => {
    expect(addressKey('::ffff:10.0.0.7')).toBe('10.0.0.7');
    expect(addressKey('::ffff:127.0.0.9')).toBe('127.0.0.0/8');
  });

  it('counts IPv6 by its /64, however it is written', () => {
    const a = addressKey('2001:db8:1:2::1');
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe(a);
    expect(addressKey('2001:db8:1:2:aaaa::')).toBe(a);
    expect(addressKey('2001:db8:1:3::1')).not.toBe(a);
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0000:0000:0000::/64');
  });
});

describe('clientAddress', () => {
  const proxies = parseTrustedProxies('10.0.0.1, ::ffff:10.0.0.2');

  it('believes X-Forwarded-For only from a trusted proxy', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', proxies)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.1', '198.51.100.1', proxies)).toBe('198.51.100.1');
    expect(clientAddress('::ffff:10.0.0.1', '198.51.100.1', proxies)).toBe('198.51.100.1');
  });

  it('takes the nearest hop that is not a proxy: a client cannot spoof by prepending', () => {
    expect(clientAddress('10.0.0.1', '1.2.3.4, 198.51.100.1, 10.0.0.2', proxies)).toBe('198.51.100.1');
    expect(clientAddress('10.0.0.1', 'garbage', proxies)).toBe('10.0.0.1');
  });

  it('is off by default', () => {
    expect(clientAddress('10.0.0.1', '198.51.100.1', parseTrustedProxies(undefined))).toBe('10.0.0.1');
  });
});
