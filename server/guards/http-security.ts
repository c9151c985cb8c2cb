// The security headers of every HTTP response the server sends: pages, the join-code
// redirect, 404s and errors. Each request gets a fresh nonce in its Content-Security-Policy;
// the policy is also set on the request, where Next reads the nonce for its own scripts.
import { serverWordsFor } from '../../app/words/tables';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const FIXED_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/**
 * Scripts run only with the page's nonce (and what they load); styles may be inline, as
 * React and Tailwind set them; the Socket.IO connection is same-origin.
 * Next in dev mode evaluates code, so dev alone allows 'unsafe-eval'.
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** False when the path holds a percent sign that does not start a valid escape, such as /%zz. */
export function pathDecodes(url: string): boolean {
  const path = url.split('?', 1)[0];
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Wraps the server's request handler: sets the headers on the response before anything
 * else, and answers a malformed path with 400 instead of handing it on.
 * Dev is decided as server/index.ts decides whether Next runs in dev mode.
 */
export function withSecurityHeaders(handler: Handler, dev = process.env.NODE_ENV !== 'production'): Handler {
  return (req, res) => {
    const policy = contentSecurityPolicy(randomBytes(16).toString('base64'), dev);
    for (const [name, value] of Object.entries(FIXED_HEADERS)) res.setHeader(name, value);
    res.setHeader('Content-Security-Policy', policy);
    if (!pathDecodes(req.url ?? '/')) {
      res.statusCode = 400;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(serverWordsFor(req.headers).malformedPath);
      return;
    }
    req.headers['content-security-policy'] = policy;
    handler(req, res);
  };
}
