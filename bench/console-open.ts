// What opening a big simul costs the browser's main thread: the host console and the projector
// of an unfinished simul, and the review of a finished one, each of 100 boards x 60 plies
// (about 6,000 events), served by the real server (production build) from a SQLite database
// filled through the server's own rooms. Each page is opened in a fresh browser context; the
// main thread's work from navigation start to the page being ready is read from Chromium's
// Performance metrics (DevTools protocol). Prints the median of 5 runs per page against the target,
// and the home page's as the floor that any page of this app costs.
// Usage (after `npx next build`): npx tsx bench/console-open.ts [boards=100] [plies=60]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/browser';
import { addBigSimul } from '../server/testing/hostile-clients';
import { freePort, ServerProcess } from '../server/testing/server-process';

const [boards = 100, plies = 60] = process.argv.slice(2).map(Number);
const RUNS = 5;
const TARGET_MS = 150;

/** A page is ready when every selector matches at least `count` elements. */
type Readiness = { selector: string; count: number }[];

interface PageUnderTest {
  name: string;
  url: string;
  ready: Readiness;
  viewport?: { width: number; height: number };
}

interface Run {
  taskMs: number;
  scriptMs: number;
  layoutStyleMs: number;
  wallMs: number;
}

/**
 * Runs in the page before its own scripts: watches the document and, once every selector of
 * `ready` matches, waits for the next frame to be rendered and resolves `window.__benchReady`
 * with the time since navigation start (ms). Plain JavaScript in a string: tsx's helpers do not
 * exist in the page.
 */
function readinessScript(ready: Readiness): string {
  return `window.__benchReady = new Promise((resolve) => {
    const ready = ${JSON.stringify(ready)};
    const observer = new MutationObserver(() => {
      if (!ready.every(({ selector, count }) => document.querySelectorAll(selector).length >= count)) return;
      observer.disconnect();
      // After the frame that shows it: rAF runs before the frame's style and layout, the timeout after.
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
    });
    observer.observe(document, { childList: true, subtree: true });
  });`;
}

/** Chromium's cumulative main-thread metrics of the page, in ms. */
async function mainThreadMetrics(cdp: { send(method: 'Performance.getMetrics'): Promise<{ metrics: { name: string; value: number }[] }> }) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const ms = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return {
    taskMs: ms('TaskDuration'),
    scriptMs: ms('ScriptDuration'),
    layoutStyleMs: ms('LayoutDuration') + ms('RecalcStyleDuration'),
  };
}

async function open(browser: Browser, page: PageUnderTest): Promise<Run> {
  const context = await browser.newContext(page.viewport ? { viewport: page.viewport } : {});
  try {
    await context.addInitScript({ content: readinessScript(page.ready) });
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable');
    const before = await mainThreadMetrics(cdp);
    await tab.goto(page.url, { waitUntil: 'commit' });
    const wallMs = await tab.evaluate(() => (window as unknown as { __benchReady: Promise<number> }).__benchReady);
    const after = await mainThreadMetrics(cdp);
    return {
      taskMs: after.taskMs - before.taskMs,
      scriptMs: after.scriptMs - before.scriptMs,
      layoutStyleMs: after.layoutStyleMs - before.layoutStyleMs,
      wallMs,
    };
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'simul-console-open-'));
  const dbFile = path.join(dir, 'simul.db');
  let server: ServerProcess | null = null;
  let browser: Browser | null = null;
  const cleanUp = async () => {
    await browser?.close();
    await server?.dispose();
    rmSync(dir, { recursive: true, force: true });
  };
  const interrupted = () => void cleanUp().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const running = await addBigSimul(dbFile, boards, plies);
    const finished = await addBigSimul(dbFile, boards, plies, { end: true });
    console.log(`filled: an unfinished simul of ${boards} boards x ${plies} plies (${running.events} events), a finished one (${finished.events} events)`);

    server = new ServerProcess(await freePort(), dbFile, { SIMUL_PAGES: '1' });
    await server.start(60_000);
    browser = await chromium.launch(chromiumLaunchOptions());

    const grid: Readiness = [
      { selector: '[data-testid="board-grid"] [data-testid^="mini-"]', count: boards },
      { selector: '[data-testid="dashboard"]', count: 1 },
    ];
    const pages: PageUnderTest[] = [
      // The floor: the home page, with no simul to open (Next's and React's own start-up).
      { name: 'home (floor)', url: `${server.url}/`, ready: [{ selector: '[data-testid="join-code-input"]', count: 1 }] },
      { name: 'host console', url: `${server.url}/host/${running.simulId}#key=${running.hostKey}`, ready: grid },
      {
        // A projector's screen: at 1920x1080 it shows the mini boards 40 at a time, the
        // dashboard's headline figures and the timeline.
        name: 'projector',
        url: `${server.url}/watch/${running.simulId}`,
        viewport: { width: 1920, height: 1080 },
        ready: [
          { selector: '[data-testid="projector-boards"] [data-testid^="mini-"]', count: Math.min(boards, 40) },
          { selector: '[data-testid="projector-headline"]', count: 1 },
          { selector: '[data-testid="projector-timeline"] svg', count: 1 },
        ],
      },
      {
        name: 'review',
        url: `${server.url}/review/${finished.simulId}`,
        ready: [
          { selector: '[data-testid="review"] [data-testid="dashboard"]', count: 1 },
          { selector: '[data-testid^="result-row-"]', count: boards },
          { selector: '[data-testid="move-list"]', count: 1 },
        ],
      },
    ];

    // One untimed round first (the server loads the finished simul on its first hello), then
    // RUNS rounds, the pages taking turns so that noise on the machine falls on all of them.
    const runs = new Map<string, Run[]>(pages.map((p) => [p.name, []]));
    for (let round = 0; round <= RUNS; round++) {
      for (const page of pages) {
        const run = await open(browser, page);
        if (round > 0) runs.get(page.name)!.push(run);
      }
    }

    const f = (ms: number) => ms.toFixed(0).padStart(6);
    const range = (values: number[]) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`.padStart(10);
    console.log(`\nmain-thread work from navigation start to ready, ms, median of ${RUNS} (task: min–max); Chromium ${browser.version()}`);
    console.log(`page             task  (min–max)   script  layout+style   wall  target  `);
    for (const page of pages) {
      const r = runs.get(page.name)!;
      const task = median(r.map((x) => x.taskMs));
      console.log(
        `${page.name.padEnd(14)} ${f(task)} ${range(r.map((x) => x.taskMs))} ${f(median(r.map((x) => x.scriptMs)))} ` +
          `${f(median(r.map((x) => x.layoutStyleMs))).padStart(13)} ${f(median(r.map((x) => x.wallMs)))}  ` +
          `${TARGET_MS} ms ${task <= TARGET_MS ? 'met' : 'MISSED'}`,
      );
    }
  } finally {
    await cleanUp();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
