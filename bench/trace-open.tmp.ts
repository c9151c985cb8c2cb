import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/browser';
import { addBigSimul } from '../server/testing/hostile-clients';
import { freePort, ServerProcess } from '../server/testing/server-process';

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'trace-'));
  const dbFile = path.join(dir, 'simul.db');
  const running = await addBigSimul(dbFile, 100, 60);
  const server = new ServerProcess(await freePort(), dbFile, { SIMUL_PAGES: '1' });
  await server.start(60_000);
  const browser = await chromium.launch(chromiumLaunchOptions());
  const url = process.argv[2] === 'watch' ? `${server.url}/watch/${running.simulId}` : process.argv[2] === 'home' ? `${server.url}/` : `${server.url}/host/${running.simulId}#key=${running.hostKey}`;
  for (let i = 0; i < 2; i++) {
    const ctx = await browser.newContext();
    const tab = await ctx.newPage();
    const cdp = await ctx.newCDPSession(tab);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await tab.goto(url);
    await tab.waitForSelector('[data-testid="dashboard"], main', { timeout: 60000 });
    await tab.waitForTimeout(3000);
    const { profile } = await cdp.send('Profiler.stop');
    if (i === 1) writeFileSync('/tmp/prof/open.cpuprofile', JSON.stringify(profile));
    await ctx.close();
  }
  await browser.close();
  await server.dispose();
}
main();
