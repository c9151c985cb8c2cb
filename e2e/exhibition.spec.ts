// The lesson's "Watch it happen": the teacher sees where rotation stops helping and where it
// stops scaling, starts the exhibition at full speed, watches the two simuls race side by side,
// and lands on the review's comparison of the two, with the lesson's totals to the second.
import { expect, test } from './test';
import { formatDuration } from '../lib/metrics/format';
import { lessonFigures } from '../lib/metrics/lesson';
import { seriousViolations } from './helpers';

test('"Watch it happen" races a sync and an async simul of bots to the comparison', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  await page.goto('/lesson');
  const regime = page.getByTestId('watch-regime');
  await expect(regime).toContainText('the host itself is the limit');
  // Fewer boards than a move pair's time: the host waits.
  await page.getByTestId('lesson-n').fill('6');
  await expect(regime).toContainText('the host waits');
  await page.getByTestId('lesson-n').fill('24');
  await expect(regime).toContainText('the host itself is the limit');
  // Past the exhibition's bounds the button says why and stays off.
  await page.getByTestId('lesson-m').fill('61');
  await expect(page.getByTestId('watch-problem')).toHaveText('An exhibition plays at most 60 move pairs a game.');
  await expect(page.getByTestId('watch-start')).toBeDisabled();
  await page.getByTestId('lesson-m').fill('30');
  await page.getByTestId('speed-60').check();
  await expect(page.getByTestId('watch-it-happen')).toContainText('pass in about 12 min');

  // 600×: the sync simul's 12 hours take 72 s, the async one's hour 6 s (6,000× would leave a
  // busy machine's page too little time to see the race).
  await page.getByTestId('speed-600').check();
  await page.getByTestId('watch-start').click();
  await page.waitForURL(/\/exhibition\/[a-z0-9]+$/);
  const sync = page.getByTestId('race-sync');
  const async = page.getByTestId('race-async');
  await expect(sync.getByTestId('board-grid').getByTestId(/^mini-/)).toHaveCount(24);
  await expect(async.getByTestId('board-grid').getByTestId(/^mini-/)).toHaveCount(24);
  // Each side shows its program: the blocking one beside the sync race, asyncio's beside the async.
  await expect(sync.getByTestId('program-view')).toHaveAttribute('data-mode', 'sync');
  await expect(async.getByTestId('program-view')).toHaveAttribute('data-mode', 'async');
  await expect(sync.getByTestId('simulated-time')).toHaveText(/Times are simulated.*run at 600×/);
  await expect(async.getByTestId('simulated-time')).toHaveText(/Times are simulated.*run at 600×/);
  // Mid-race: the async simul over (or nearly), the sync one still playing.
  await expect(async.getByTestId('race-async-elapsed')).toHaveText(/^1,[0-9]{3} of 1,440 moves/, { timeout: 60_000 });
  await expect(sync.getByTestId('race-sync-elapsed')).toHaveText(/^[1-9][\d,]* of 1,440 moves .* so far$/);
  await page.screenshot({ path: 'test-results/screenshots/exhibition-race.png', fullPage: true });
  const violations = await seriousViolations(page, 'exhibition, racing');

  // Both over: the comparison opens, with the lesson's totals exactly.
  await page.waitForURL(/\/review\/[a-z0-9]+\?with=[a-z0-9]+$/, { timeout: 180_000 });
  const f = lessonFigures({ n: 24, h: 5, o: 55, m: 30 });
  const table = page.getByTestId('compare-table');
  const row = (name: RegExp) => table.getByRole('row', { name }).getByRole('cell');
  await expect(row(/^Mode/)).toHaveText(['sync (one game at a time)', 'async (rotating)']);
  await expect(row(/^Clock/)).toHaveText(['simulated, 600×', 'simulated, 600×']);
  await expect(row(/^Elapsed/)).toHaveText([formatDuration(f.S * 1000), formatDuration(f.A * 1000)]);
  await expect(row(/^Host busy/)).toHaveText([formatDuration(f.busy * 1000), formatDuration(f.busy * 1000)]);
  await expect(row(/^Host idle/)).toHaveText([formatDuration(f.idleSync * 1000), formatDuration(f.idleAsync * 1000)]);
  await expect(row(/^The lesson[’']s closed form/)).toHaveText([formatDuration(f.S * 1000), formatDuration(f.A * 1000)]);
  await expect(row(/^Results/)).toHaveText(['0 / 24 / 0', '0 / 24 / 0']);
  await expect(page.getByTestId('simulated-time')).toHaveCount(2);
  await expect(page.getByTestId('ended-early')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/exhibition-comparison.png', fullPage: true });
  violations.push(...(await seriousViolations(page, 'comparison of an exhibition')));
  expect(violations).toEqual([]);
  await context.close();
});
