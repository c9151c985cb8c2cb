// The class as it really is, in the browser: the host's console shows a phone gone away (its
// context closed), hands its board to a bot, and sends the class a word that another phone shows
// and closes; the student who comes back is offered its board back. Before the start, the
// projector's lobby says which seated students are here and which are away. axe on the new
// states; no sideways scroll at 320 px.
import { expect, test } from './test';
import { advanceClock, classroom, move, openConsole, openPhone as phone } from './classroom';
import { seriousViolations } from './helpers';
import { shoot } from './screenshots';
import { hello } from '../server/testing/simul-fixture';

test('presence, a bot that takes over a board, and a word to the class', async ({ browser }) => {
  const simul = await classroom({ boards: 2, seated: 2, start: true, title: 'Presence' });
  // The phones are browsers, not the fixture's sockets: those go, so that each seat's only session is its phone.
  for (const o of simul.opponents) o.client.close();
  const [ada, bo] = simul.opponents;
  const phone1 = await phone(browser, simul.simulId, ada.seatToken);
  const phone2 = await phone(browser, simul.simulId, bo.seatToken, { width: 320, height: 640 });
  const { page: host } = await openConsole(browser, simul);
  await expect(host.getByTestId('mini-1')).toBeVisible();
  await expect(host.getByTestId('mini-1').getByTestId('presence-1')).toHaveCount(0);

  // Ada's phone closes: once it has been gone a few seconds (the room's clock), her cell says away.
  await phone1.context().close();
  await expect
    .poll(async () => {
      await advanceClock(6);
      return host.getByTestId('mini-1').getAttribute('data-presence');
    })
    .toBe('away');
  await expect(host.getByTestId('mini-1').getByTestId('presence-1')).toContainText('away');
  await expect(host.getByTestId('presence-2')).toHaveCount(0);
  expect(await seriousViolations(host, 'console, a student away')).toEqual([]);

  // The host hands her board to a bot, which plays her side.
  await host.getByTestId('mini-1').click();
  await expect(host.getByTestId('focused-board')).toHaveAttribute('data-board', '1');
  await host.getByTestId('hand-to-bot').click();
  await expect(host.getByTestId('mini-1').getByTestId('stand-in-1')).toBeAttached();
  await move(simul.host, 1, 'e2', 'e4');
  await advanceClock(10);
  await simul.host.waitFor((e) => e.type === 'move-made' && e.board === 1 && e.by === 'opponent');
  // The cell still says a bot plays for her (the host has gone on to board 2).
  await expect(host.getByTestId('mini-1').getByTestId('stand-in-1')).toBeAttached();

  // A word to the class: Bo's phone shows it, read aloud (a status region), and closes it.
  await host.getByTestId('preset-look-at-projector').click();
  const banner = phone2.getByTestId('class-message');
  await expect(banner).toContainText('Look at the projector');
  await expect(phone2.getByRole('status').filter({ hasText: 'Look at the projector' })).toBeVisible();
  expect(await seriousViolations(phone2, 'phone, a message from the host')).toEqual([]);
  const scroll = await phone2.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll.scrollWidth).toBe(scroll.width);
  await phone2.getByTestId('class-message-close').click();
  await expect(banner).toHaveCount(0);

  // The host's own words reach the phone too.
  await host.getByTestId('class-message-text').fill('Ten minutes, then we review');
  await host.getByTestId('class-message-send').click();
  await expect(phone2.getByTestId('class-message')).toContainText('Ten minutes, then we review');

  // Ada comes back while the bot thinks on her side: her phone says a bot plays for her (never
  // "Your move" on a board she cannot move) and offers her board back; taking it ends the bot's turn.
  await move(simul.host, 1, 'g1', 'f3');
  const back = await phone(browser, simul.simulId, ada.seatToken, { width: 320, height: 640 });
  await expect(back.getByTestId('take-board-back')).toBeVisible();
  await expect(back.getByTestId('turn-banner')).toHaveText('A bot is playing for you: take your board back to play on');
  // She sees the latest word, which she missed while away.
  await expect(back.getByTestId('class-message')).toContainText('Ten minutes, then we review');
  await expect(host.getByTestId('mini-1')).not.toHaveAttribute('data-presence', 'away');
  expect(await seriousViolations(back, 'phone, take your board back')).toEqual([]);
  const backScroll = await back.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(backScroll.scrollWidth).toBe(backScroll.width);
  await back.getByTestId('take-board-back-yes').click();
  await expect(back.getByTestId('take-board-back')).toHaveCount(0);
  await expect(host.getByTestId('stand-in-1')).toHaveCount(0);
  await expect(back.getByTestId('turn-banner')).toHaveText('Your move');
  simul.clients.closeAll();
});

test('the projector’s lobby: each seated student here or away, as the room says', async ({ browser }) => {
  const simul = await classroom({ boards: 4, seated: 3, title: 'Lobby presence', names: ['Ada', 'Bo', 'Chidi'] });
  const projector = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await projector.goto(`/watch/${simul.simulId}`);
  const seat = (board: number) => projector.locator(`[data-testid="projector-name"][data-board="${board}"]`);
  for (const b of [1, 2, 3]) await expect(seat(b), `board ${b}`).toHaveAttribute('data-presence', 'here');
  await expect(projector.getByTestId('projector-away')).toHaveCount(0);

  // Bo's phone locks while the class waits for the host: away once the room has missed it a few seconds.
  simul.opponents[1].client.close();
  await expect
    .poll(async () => {
      await advanceClock(6);
      return seat(2).getAttribute('data-presence');
    })
    .toBe('away');
  await expect(seat(2)).toContainText('Bo');
  await expect(seat(2)).toContainText('away');
  await expect(projector.getByTestId('projector-away')).toHaveText('1 away');
  for (const b of [1, 3]) await expect(seat(b), `board ${b}`).toHaveAttribute('data-presence', 'here');
  expect(await seriousViolations(projector, 'projector lobby, a student away')).toEqual([]);
  await shoot(projector, 'projector-lobby-away');
  for (const viewport of [{ width: 1366, height: 768 }, { width: 320, height: 640 }]) {
    await projector.setViewportSize(viewport);
    await expect(seat(2)).toBeVisible();
    expect(await projector.evaluate(() => document.documentElement.scrollWidth), `${viewport.width} px`).toBeLessThanOrEqual(viewport.width);
  }

  // His phone wakes and says hello with its seat: here again.
  const woken = await simul.clients.connect();
  await hello(woken, simul.simulId, { seatToken: simul.opponents[1].seatToken });
  await expect(seat(2)).toHaveAttribute('data-presence', 'here');
  await expect(seat(2)).not.toContainText('away');
  await expect(projector.getByTestId('projector-away')).toHaveCount(0);
  simul.clients.closeAll();
});
