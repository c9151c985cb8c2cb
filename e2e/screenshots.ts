// Screenshots of the pages, for people to look at: test-results/screenshots/ on every run, and
// the README's images under docs/images/ when UPDATE_DOCS_IMAGES=1 (so a test run leaves the
// repository as it was).
import type { Page } from '@playwright/test';

export async function shoot(page: Page, name: string, opts: { docs?: string; fullPage?: boolean } = {}): Promise<void> {
  // Fonts are loaded and the main board (loaded in the browser) is drawn before the picture is taken.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: opts.fullPage ?? true });
  if (opts.docs && process.env.UPDATE_DOCS_IMAGES === '1') {
    await page.screenshot({ path: `docs/images/${opts.docs}.png`, fullPage: false });
  }
}
