// The browser tests' `test`: Playwright's own, with one addition. The browser is shared by
// every test of a worker, so the devices (contexts) a test opens would otherwise stay open,
// connected and re-rendering through every later test (and a test that moves the server's
// clock would move their simuls too). Each test's devices are closed when it ends, after
// Playwright has taken its screenshots and trace.
import { test as base } from '@playwright/test';

export { devices, expect } from '@playwright/test';
export type { APIRequestContext, Browser, BrowserContext, Page, Response } from '@playwright/test';

export const test = base.extend<{ closeDevicesAfter: void }>({
  closeDevicesAfter: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      const opened = browser.contexts().filter((context) => !before.has(context));
      await Promise.all(opened.map((context) => context.close().catch(() => undefined)));
    },
    { auto: true },
  ],
});
