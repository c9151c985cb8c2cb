// The projector tells the story to children: the settings line whole, every board's row of the
// timeline named, the time axis's last label whole, a finished board said in words ("Host
// resigned", never "0 Host lost resigned"), the headline figures explained in plain words while
// the games run and at the end; the review's Python listing folded until asked for. No page
// scrolls sideways at 320 px. At 24 and 40 boards, every timeline row still carries its number,
// in type read from the back of the room.
import { expect, test, type Page } from './test';
import { advanceClock, classroom, playEveryState } from './classroom';
import { shoot } from './screenshots';

test('the projector’s story: settings whole, every row named, the last time label whole, finished boards in words, the figures explained; the review’s listing folded', async ({ browser }) => {
  const simul = await classroom({ boards: 12, seated: 12, start: true, title: 'Year 4 Thursday simul, the whole class' });
  await playEveryState(simul);
  await advanceClock(65);
  const projector = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await projector.goto(`/watch/${simul.simulId}`);
  await expect(projector.getByTestId('followed-board')).toContainText('Host at board 1');

  // The settings line is never cut: all of it shows.
  const settings = projector.getByTestId('simul-settings');
  await expect(settings).toContainText('Host goes:');
  expect(await settings.evaluate((el) => el.scrollWidth <= el.clientWidth && getComputedStyle(el).textOverflow !== 'ellipsis')).toBe(true);

  // Every board's row of the timeline is named (a class of 12 on a 1080p projector).
  const timeline = projector.getByTestId('projector-timeline');
  await expect(timeline.getByTestId('row-label')).toHaveCount(12);
  // The time axis's last label lies inside the drawing.
  const edge = await timeline.evaluate((el) => {
    const svg = el.querySelector('svg')!.getBoundingClientRect();
    const ticks = [...el.querySelectorAll('[data-testid="time-tick"]')].map((t) => t.getBoundingClientRect());
    return { svgRight: svg.right, lastRight: Math.max(...ticks.map((t) => t.right)) };
  });
  expect(edge.lastRight).toBeLessThanOrEqual(edge.svgRight + 0.5);

  // While the games run, the headline figures say what they are too: whole, in type read from
  // the back of the room, beside the followed board, with nothing scrolled or cut off.
  for (const viewport of [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }]) {
    await projector.setViewportSize(viewport);
    await expect(projector.getByTestId('actual-total-hint')).toHaveText('how long the simul took');
    await expect(projector.getByTestId('projected-total-hint')).toHaveText('one game at a time would have taken');
    const seen = await projector.evaluate(() => {
      const column = document.querySelector('[data-testid="followed-board"]')!.getBoundingClientRect();
      const headline = document.querySelector('[data-testid="projector-headline"]')!.getBoundingClientRect();
      return {
        scrollWidth: document.documentElement.scrollWidth,
        scrollHeight: document.documentElement.scrollHeight,
        headlineBottom: headline.bottom,
        columnBottom: column.bottom,
        board: document.querySelector('[data-testid="followed-board"] [role="img"]')!.getBoundingClientRect().height,
        hints: ['actual-total-hint', 'projected-total-hint'].map((id) => {
          const el = document.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;
          const r = el.getBoundingClientRect();
          const dt = el.parentElement!;
          return { id, font: parseFloat(getComputedStyle(el).fontSize), top: r.top, bottom: r.bottom, right: r.right, cut: dt.scrollWidth > dt.clientWidth + 0.5, columnRight: column.right };
        }),
      };
    });
    const where = `${viewport.width}x${viewport.height}`;
    expect(seen.scrollWidth, where).toBe(viewport.width);
    expect(seen.scrollHeight, where).toBe(viewport.height);
    expect(seen.headlineBottom, `${where}: the figures end on the screen`).toBeLessThanOrEqual(Math.min(viewport.height, seen.columnBottom) + 0.5);
    for (const hint of seen.hints) {
      expect(hint.font, `${where}: ${hint.id}'s type`).toBeGreaterThanOrEqual(14);
      expect(hint.bottom, `${where}: ${hint.id} on the screen`).toBeLessThanOrEqual(viewport.height);
      expect(hint.right, `${where}: ${hint.id} in its column`).toBeLessThanOrEqual(hint.columnRight + 0.5);
      expect(hint.cut, `${where}: ${hint.id} cut`).toBe(false);
    }
    // The followed board gave them the room, and is still a board a class reads.
    expect(seen.board, where).toBeGreaterThan(viewport.height / 4);
  }
  await projector.setViewportSize({ width: 1920, height: 1080 });

  // Finished boards say how, in words: no score's digit before them.
  const fifth = Math.floor(12 / 5);
  const ended = 2 * fifth + 1;
  await expect(projector.getByTestId(`chip-label-${ended}`)).toHaveText('Student resigned');
  await expect(projector.getByTestId(`chip-label-${ended + 1}`)).toHaveText('Host resigned');
  await expect(projector.getByTestId(`chip-label-${ended + 2}`)).toHaveText('Draw agreed');
  for (const n of [ended, ended + 1, ended + 2]) await expect(projector.getByTestId(`chip-${n}`)).not.toHaveText(/^\d/);

  // The simul ends: the end screen's figures say what they are.
  await simul.host.send('simul:command', { type: 'end-simul', commandId: 'story-end' });
  await expect(projector.getByTestId('end-screen')).toBeVisible();
  await expect(projector.getByTestId('actual-total-hint')).toHaveText('how long the simul took');
  await expect(projector.getByTestId('projected-total-hint')).toHaveText('one game at a time would have taken');

  // The review: the program's listing folded, opened on request.
  const review = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await review.goto(`/review/${simul.simulId}`);
  const listing = review.getByTestId('program-code');
  await listing.scrollIntoViewIfNeeded();
  await expect(listing).not.toHaveAttribute('open');
  await expect(review.getByTestId('program-line-1')).toBeHidden();
  await listing.locator('summary').click();
  await expect(review.getByTestId('program-line-1')).toBeVisible();

  // No page scrolls sideways at 320 px.
  for (const page of [projector, review]) {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), page.url()).toBeLessThanOrEqual(320);
  }
  simul.clients.closeAll();
});

/** Each row of the projector's timeline: its number, the type it is drawn in, and whether it stands beside its own row. */
async function timelineRows(projector: Page) {
  return projector.getByTestId('projector-timeline').evaluate((el) => {
    const svg = el.querySelector('svg')!;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return [...el.querySelectorAll('[data-testid^="timeline-row-"]')].map((row) => {
      const label = row.querySelector('[data-testid="row-label"]');
      const bars = [...row.querySelectorAll('path')].map((p) => p.getBoundingClientRect());
      const l = label?.getBoundingClientRect();
      const middle = l ? (l.top + l.bottom) / 2 : NaN;
      return {
        board: row.getAttribute('data-testid')!.replace('timeline-row-', ''),
        text: label?.textContent ?? null,
        px: label ? parseFloat(getComputedStyle(label).fontSize) * scale : 0,
        // Its middle within its row's band, and left of the band (a game over before its first move has none).
        beside: !l || bars.length === 0 || (middle >= Math.min(...bars.map((b) => b.top)) - 1 && middle <= Math.max(...bars.map((b) => b.bottom)) + 1 && l.right <= Math.min(...bars.map((b) => b.left)) + 1),
        bars: bars.length,
      };
    });
  });
}

for (const boards of [24, 40]) {
  test(`the projector’s timeline names every board’s row at ${boards} boards, in type read from the back, at 1920x1080 and 1366x768`, async ({ browser }) => {
    const simul = await classroom({ boards, seated: boards, start: true });
    await playEveryState(simul);
    await advanceClock(65);
    const projector = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await projector.goto(`/watch/${simul.simulId}`);
    await expect(projector.getByTestId('followed-board')).toContainText('Host at board 1');
    for (const viewport of [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }]) {
      await projector.setViewportSize(viewport);
      const where = `${viewport.width}x${viewport.height}`;
      await expect(projector.getByTestId('projector-timeline').getByTestId('row-label')).toHaveCount(boards);
      const rows = await timelineRows(projector);
      expect(rows.map((r) => r.text), where).toEqual(rows.map((r) => r.board));
      // The ready queue's name whole, inside the drawing.
      const name = await projector.getByTestId('projector-timeline').evaluate((el) => ({
        right: el.querySelector('[data-testid="queue-name"]')!.getBoundingClientRect().right,
        svgRight: el.querySelector('svg')!.getBoundingClientRect().right,
      }));
      expect(name.right, `${where}: the ready queue's name`).toBeLessThanOrEqual(name.svgRight + 0.5);
      for (const r of rows) {
        expect(r.px, `${where}: board ${r.board}'s number`).toBeGreaterThanOrEqual(10);
        expect(r.beside, `${where}: board ${r.board}'s number beside its row`).toBe(true);
      }
      // The whole timeline on the one screen.
      const box = (await projector.getByTestId('projector-timeline').boundingBox())!;
      expect(box.y + box.height, where).toBeLessThanOrEqual(viewport.height + 0.5);
      expect(await projector.evaluate(() => document.documentElement.scrollHeight), where).toBe(viewport.height);
      await shoot(projector, `projector-timeline-${boards}-boards-${viewport.width}`);
    }
    simul.clients.closeAll();
  });
}
