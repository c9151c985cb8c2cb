// What happens to a phone in a real class, done to a browser page: it locks (its page frozen)
// and wakes, or the school's wifi drops it and brings it back.
import type { Page } from '@playwright/test';

/**
 * The phone's network goes (Playwright's offline and the DevTools protocol's own emulation);
 * `back()` brings it back, the protocol's last, so that the page's 'online' event comes when the
 * network is truly back (a session detached while offline would say 'online' too soon).
 */
export async function goOffline(page: Page): Promise<{ back: () => Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const conditions = (offline: boolean) => ({ offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await page.context().setOffline(true);
  await cdp.send('Network.emulateNetworkConditions', conditions(true));
  return {
    back: async () => {
      await page.context().setOffline(false);
      await cdp.send('Network.emulateNetworkConditions', conditions(false));
      await cdp.detach();
    },
  };
}

/**
 * The phone locks: its page is frozen. Page.setWebLifecycleState is what a test asks for, but
 * this headless Chromium (156) ignores it for a page it shows (timers keep running, no freeze
 * or resume events: probed), so the page's JavaScript is also stopped in the debugger: nothing
 * runs, the socket's frames wait, as on a frozen page.
 */
export async function freeze(page: Page): Promise<{ thaw: () => Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
  await cdp.send('Debugger.enable');
  const paused = new Promise((resolve) => cdp.once('Debugger.paused', resolve));
  await cdp.send('Debugger.pause');
  // It stops at the next statement the page runs: run one now.
  void cdp.send('Runtime.evaluate', { expression: '0' }).catch(() => undefined);
  await paused;
  return {
    /** Woken: the page runs again and hears the 'resume' event a frozen page hears when it thaws. */
    thaw: async () => {
      await cdp.send('Page.setWebLifecycleState', { state: 'active' });
      await cdp.send('Debugger.resume');
      await cdp.send('Debugger.disable');
      await page.evaluate(() => document.dispatchEvent(new Event('resume')));
      await cdp.detach();
    },
  };
}
