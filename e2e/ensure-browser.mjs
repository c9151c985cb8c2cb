// Before the browser tests: use a system Chromium when there is one (CHROMIUM_PATH or
// /usr/bin/chromium); otherwise make sure Playwright's own Chromium is installed.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const system = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p) => p && existsSync(p),
);
if (system) {
  console.log(`e2e: using ${system}`);
} else {
  console.log('e2e: no system Chromium; installing Playwright\'s Chromium');
  execSync('npx playwright install chromium', { stdio: 'inherit' });
}
