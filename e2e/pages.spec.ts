// Every page at phone widths from 320 px: none scrolls sideways. And every page photographed at
// 320, 390, 1440 and 1920 px into test-results/screenshots/, for people to look at.
import { expect, test, type Browser, type Page } from './test';
import { command } from '../server/testing/simul-fixture';
import { classroom, playEveryState } from './classroom';
import { shoot } from './screenshots';

const PHONES = [320, 360, 390, 414];
const SHOTS = [320, 390, 1440, 1920];
const WIDTHS = [...new Set([...PHONES, ...SHOTS])].sort((a, b) => a - b);
const heightFor = (width: number) => (width >= 1920 ? 1080 : width >= 1440 ? 900 : 800);

interface PageCase {
  name: string;
  url: string;
  /** A test id that shows once the page has what it is about. */
  ready: string;
}

/** Layout settles after a resize within two frames. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

async function visit(browser: Browser, pages: PageCase[], storage?: { key: string; value: string }[]): Promise<void> {
  const context = await browser.newContext({ viewport: { width: WIDTHS[0], height: heightFor(WIDTHS[0]) } });
  if (storage) await context.addInitScript((items) => items.forEach(({ key, value }) => window.localStorage.setItem(key, value)), storage);
  const page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
  for (const p of pages) {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: heightFor(width) });
      if (width === WIDTHS[0]) await page.goto(p.url);
      await expect(page.getByTestId(p.ready).first()).toBeVisible();
      await settled(page);
      const scroll = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth }));
      expect.soft(scroll.scrollWidth, `${p.name} at ${width} px is ${scroll.scrollWidth} px wide`).toBe(scroll.width);
      if (SHOTS.includes(width)) await shoot(page, `${p.name}-${width}`);
    }
  }
  await context.close();
}

test('no page scrolls sideways from 320 px, and every page is photographed at 320, 390, 1440 and 1920 px', async ({ browser }) => {
  // A lobby with students, a simul in play with a board in every state, and one finished; the
  // names of real people, as long as a name may be (40 characters), with spaces and without.
  const names = ['María José Fernández Núñez de la Sierra', 'Wolfeschlegelsteinhausenbergerdorffvoral', 'Ada', 'Bo', 'Chidi', 'Dara'];
  const lobby = await classroom({ boards: 8, seated: 5, title: 'Period 2 lobby', names });
  const playing = await classroom({ boards: 6, seated: 6, start: true, title: 'Period 3 async', names });
  await playEveryState(playing);
  const finished = await classroom({ boards: 6, seated: 6, start: true, title: 'Period 4, over' });
  await playEveryState(finished);
  await command(finished.host, { type: 'end-simul' });

  await visit(browser, [
    { name: 'home', url: '/', ready: 'create-link' },
    { name: 'create', url: '/new', ready: 'create' },
    { name: 'lesson', url: '/lesson', ready: 'speed-up' },
    { name: 'projector-lobby', url: `/watch/${lobby.simulId}`, ready: 'projector-code' },
    { name: 'projector-playing', url: `/watch/${playing.simulId}`, ready: 'mini-1' },
    { name: 'projector-finished', url: `/watch/${finished.simulId}`, ready: 'results' },
    { name: 'review', url: `/review/${finished.simulId}`, ready: 'review-title' },
    { name: 'player-joining', url: `/play/${lobby.simulId}`, ready: 'join' },
  ]);
  // The host's screens, in the browser that holds the host keys.
  const hostKeys = [lobby, playing, finished].map((s) => ({ key: `async-simul:host:${s.simulId}`, value: s.hostKey }));
  await visit(
    browser,
    [
      { name: 'host-lobby', url: `/host/${lobby.simulId}`, ready: 'join-code' },
      { name: 'host-console', url: `/host/${playing.simulId}`, ready: 'focused-board' },
      { name: 'host-finished', url: `/host/${finished.simulId}`, ready: 'simul-finished' },
    ],
    hostKeys,
  );
  // Students' phones: seated in the lobby, at a board in play, at a board that is over.
  const seat = (s: typeof lobby, board: number) => [{ key: `async-simul:seat:${s.simulId}`, value: s.opponents[board - 1].seatToken }];
  await visit(browser, [{ name: 'player-lobby', url: `/play/${lobby.simulId}`, ready: 'my-board' }], seat(lobby, 1));
  await visit(browser, [{ name: 'player-playing', url: `/play/${playing.simulId}`, ready: 'turn-banner' }], seat(playing, 1));
  await visit(browser, [{ name: 'player-finished', url: `/play/${finished.simulId}`, ready: 'simul-finished' }], seat(finished, 1));
  for (const s of [lobby, playing, finished]) s.clients.closeAll();
});
