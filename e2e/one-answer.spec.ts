// Every screen gives the domain's one answer (issue 27): where the host is and goes (the console's
// cells, N and its hint, the phones' banners, the projector's heading and the timelines' open
// host-think), every game's result, takebacks said on the phone, End simul always reachable.
// Each device is a browser context of its own.
import { expect, test, type APIRequestContext, type Browser, type Page } from './test';
import { createSimul, hostMove, joinFromPhone, joinLinkOf, opponentMove } from './helpers';

const clockAdvance = (request: APIRequestContext) => async (seconds: number) => {
  const res = await request.post(`/__test/clock?advance=${seconds * 1000}`);
  expect(res.ok()).toBe(true);
};

async function projectorOf(browser: Browser, simulId: string): Promise<Page> {
  const projector = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await projector.goto(`/watch/${simulId}`);
  return projector;
}

test('first ready: the host, N, the phones, the projector and both timelines agree (rows 1, 2, 12)', async ({ browser, request }) => {
  // The server's clock moves only when told: a second between the students' moves orders them.
  const advance = clockAdvance(request);
  const { host, simulId } = await createSimul(browser, { title: 'First ready', boards: 4, mode: 'async' }, async (form) => {
    await form.getByTestId('rotation-first-ready').check();
  });
  const joinLink = await joinLinkOf(host);
  const phones: Page[] = [];
  for (const name of ['Ada', 'Bo', 'Cy', 'Di']) phones.push(await joinFromPhone(browser, joinLink, name));
  const projector = await projectorOf(browser, simulId);
  await host.getByTestId('start').click();

  await hostMove(host, 1, 'e2', 'e4'); // the host goes on to 2 (all waited as long: table order)
  await expect(host.getByTestId('focused-board')).toHaveAttribute('data-board', '2');
  // Row 12: going to another board redraws the one left and the one reached.
  await host.getByTestId('mini-3').click();
  await expect(host.getByTestId('mini-2')).toHaveAttribute('data-look', 'awaiting-host');
  await expect(host.getByTestId('mini-3')).toHaveAttribute('data-look', 'host-thinking');
  await hostMove(host, 3, 'e2', 'e4');
  await hostMove(host, 4, 'e2', 'e4');
  await expect(host.getByTestId('focused-board')).toHaveAttribute('data-board', '2');
  // While the host is at 2, students 1, 4 and 3 move, in that order.
  for (const phone of [phones[0], phones[3], phones[2]]) {
    await advance(1);
    await opponentMove(phone, 'e7', 'e5');
  }
  await advance(1);
  await hostMove(host, 2, 'e2', 'e4');

  // Row 1: the host is at board 1, the one that waited longest, on every screen.
  await expect(host.getByTestId('focused-board')).toHaveAttribute('data-board', '1');
  await expect(host.getByTestId('mini-1')).toHaveAttribute('data-look', 'host-thinking');
  await expect(projector.getByTestId('followed-board')).toContainText('Host at board 1');
  for (const page of [host, projector]) {
    const timeline = page.getByTestId('timeline').first();
    await expect(timeline.getByTestId('timeline-row-1')).toHaveAttribute('data-last', 'host-think');
    for (const n of [3, 4]) await expect(timeline.getByTestId(`timeline-row-${n}`)).toHaveAttribute('data-last', 'awaiting-host');
  }
  await expect(phones[0].getByTestId('turn-banner')).toHaveText('The host is at your board, thinking');
  await expect(phones[3].getByTestId('turn-banner')).toHaveText('The host is at board 1; 1 board before yours');
  await expect(phones[2].getByTestId('turn-banner')).toHaveText('The host is at board 1; 2 boards before yours');

  // Row 2: N goes to board 4 (the next by the rule), and its hint names it.
  await expect(host.getByTestId('keyboard-help')).toContainText('next board awaiting you (board 4)');
  await host.locator('body').press('n');
  await expect(host.getByTestId('focused-board')).toHaveAttribute('data-board', '4');
  await expect(host.getByTestId('mini-4')).toHaveAttribute('data-look', 'host-thinking');
  await expect(host.getByTestId('mini-1')).toHaveAttribute('data-look', 'awaiting-host');
  // Row 12 again: clicking board 1's mini board gives it back its host.
  await host.getByTestId('mini-1').click();
  await expect(host.getByTestId('mini-4')).toHaveAttribute('data-look', 'awaiting-host');
  await expect(host.getByTestId('mini-1')).toHaveAttribute('data-look', 'host-thinking');
  await expect(projector.getByTestId('followed-board')).toContainText('Host at board 1');
});

test('every game of a rematched board is in the results and the tally (row 6)', async ({ browser }) => {
  const { host, simulId } = await createSimul(browser, { title: 'Rematches', boards: 2, mode: 'async' });
  const joinLink = await joinLinkOf(host);
  await joinFromPhone(browser, joinLink, 'Ada');
  const bo = await joinFromPhone(browser, joinLink, 'Bo');
  const projector = await projectorOf(browser, simulId);
  await host.getByTestId('start').click();
  for (let game = 1; game <= 2; game++) {
    await bo.getByRole('button', { name: 'Resign' }).click();
    await host.getByTestId('rematch-swap-2').click();
    await expect(host.getByTestId('mini-2')).not.toHaveAttribute('data-look', /win|loss|draw|unfinished/);
  }
  await hostMove(host, 2, 'e2', 'e4'); // game 3: the host white again
  await host.getByTestId('end-simul').click();
  for (const page of [host, bo, projector]) {
    await expect(page.getByTestId('result-row-2-game-1')).toBeVisible();
    await expect(page.getByTestId('result-row-2-game-2')).toBeVisible();
  }
  for (const page of [host, projector]) {
    await expect(page.getByTestId('wins').first()).toHaveText('2');
    await expect(page.getByTestId('tally').first()).toContainText('2 unfinished');
  }
});

test('takebacks: the student hears each outcome, the host’s own costs the host’s time, a refusal makes it wait (rows 7, 8)', async ({ browser, request }) => {
  const advance = clockAdvance(request);
  const { host } = await createSimul(browser, { title: 'Takebacks said', boards: 1, mode: 'async', clock: { minutes: 10, increment: 0, hostExtra: 0 } });
  const ada = await joinFromPhone(browser, await joinLinkOf(host), 'Ada');
  await host.getByTestId('start').click();
  await hostMove(host, 1, 'e2', 'e4');
  await advance(3);
  // Row 7: the host changes its mind: the student is told, its clock untouched.
  await host.getByTestId('host-take-back').click();
  await expect(ada.getByTestId('takeback-news')).toHaveText('The host took back its last move: it will play again.');
  await expect(ada.getByTestId('clock-opponent-1')).toHaveText('10:00');
  await hostMove(host, 1, 'd2', 'd4');
  await opponentMove(ada, 'd7', 'd5');
  // Row 8: a grant and a refusal are said; after a refusal the student waits before asking again
  // (its 30 s are the domain test's, on the controlled clock).
  await ada.getByTestId('ask-takeback').click();
  await host.getByTestId('grant-takeback-1').click();
  await expect(ada.getByTestId('takeback-news')).toHaveText('The host granted your takeback: your move again.');
  await opponentMove(ada, 'd7', 'd5');
  await ada.getByTestId('ask-takeback').click();
  await host.getByTestId('refuse-takeback-1').click();
  await expect(ada.getByTestId('takeback-news')).toHaveText('The host refused your takeback.');
  await expect(ada.getByTestId('ask-takeback')).toBeDisabled();
  await expect(ada.getByTestId('ask-takeback')).toContainText('Ask again in');
  // The host turns takebacks off for the board: the phone says so and offers no button.
  await host.getByTestId('takebacks-off-1').click();
  await expect(ada.getByTestId('takeback-news')).toHaveText('The host turned takebacks off on your board.');
  await expect(ada.getByTestId('ask-takeback')).toHaveCount(0);
});

test('no takebacks at creation: the rules say so, the phone offers no button', async ({ browser }) => {
  const { host } = await createSimul(browser, { title: 'No takebacks', boards: 1, mode: 'async' }, async (form) => {
    await form.getByTestId('takebacks-none').check();
  });
  const ada = await joinFromPhone(browser, await joinLinkOf(host), 'Ada');
  await host.getByTestId('start').click();
  await expect(host.getByTestId('takeback-setting')).toHaveText(' · No takebacks');
  await hostMove(host, 1, 'e2', 'e4');
  await opponentMove(ada, 'e7', 'e5');
  await hostMove(host, 1, 'g1', 'f3');
  await expect(ada.getByTestId('turn-banner')).toHaveText('Your move');
  await expect(ada.getByTestId('ask-takeback')).toHaveCount(0);
});

test('with no board awaiting the host, End simul is still there (row 11)', async ({ browser }) => {
  const { host } = await createSimul(browser, { title: 'Nothing awaits', boards: 1, mode: 'async' });
  await joinFromPhone(browser, await joinLinkOf(host), 'Ada');
  await host.getByTestId('start').click();
  await hostMove(host, 1, 'e2', 'e4');
  await expect(host.getByTestId('no-board-ready')).toBeVisible();
  await host.getByTestId('end-simul').click();
  await expect(host.getByTestId('simul-finished')).toBeVisible();
});
