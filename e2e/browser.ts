// Which Chromium the tests drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else
// Playwright's own download (on a laptop with internet, installed by ensure-browser.mjs).
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

function systemChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => Boolean(p && existsSync(p)));
}

export function chromiumLaunchOptions(): LaunchOptions {
  const executablePath = systemChromium();
  return {
    ...(executablePath ? { executablePath } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  };
}
