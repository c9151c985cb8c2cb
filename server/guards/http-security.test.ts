// Every response of the real server carries the security headers and a fresh nonce,
// including the join-code redirect, a 404 and a malformed path.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { startServer, type RunningServer } from '../app';
import { contentSecurityPolicy, pathDecodes } from './http-security';
import { MemoryEventStore } from '../store/memory-store';

let server: RunningServer;

beforeEach(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1', store: new MemoryEventStore() });
});

afterEach(async () => {
  await server.close();
});

/** A raw GET: fetch() would normalise a malformed path before sending it. */
function get(path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

function expectSecurityHeaders(headers: Record<string, string | string[] | undefined>): string {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['permissions-policy']).toBe('camera=(), microphone=(), geolocation=()');
  const csp = String(headers['content-security-policy']);
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]+={0,2}' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("object-src 'none'");
  return /'nonce-([^']+)'/.exec(csp)![1];
}

describe('the security headers', () => {
  it('are on the join-code redirect', async () => {
    const res = await get('/j/123456');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/?code=123456&missing=1');
    expectSecurityHeaders(res.headers);
  });

  it('are on a 404, with a new nonce for each response', async () => {
    const first = await get('/nowhere');
    const second = await get('/nowhere');
    expect(first.status).toBe(404);
    expect(expectSecurityHeaders(first.headers)).not.toBe(expectSecurityHeaders(second.headers));
  });

  it('answer a malformed percent sign in the path with 400', async () => {
    for (const path of ['/%E0%A4%A', '/play/%zz', '/j/%zz']) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expectSecurityHeaders(res.headers);
    }
  });

  it('let a malformed query through: only the path must decode', () => {
    expect(pathDecodes('/?code=%zz')).toBe(true);
    expect(pathDecodes('/play/abc%20def')).toBe(true);
    expect(pathDecodes('/play/%zz?x=1')).toBe(false);
  });

  it("allow 'unsafe-eval' only in dev mode", () => {
    expect(contentSecurityPolicy('abc=', true)).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy('abc=', false)).not.toContain("'unsafe-eval'");
  });
});
