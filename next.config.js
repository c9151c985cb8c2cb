// The security headers, the Content-Security-Policy among them, are set by the custom
// server on every response (server/http-security.ts), not here.
/** @type {import('next').NextConfig} */
module.exports = {
  reactStrictMode: true,
  poweredByHeader: false,
};
