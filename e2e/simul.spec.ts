// A teacher and three students, each on their own device, play a simul to its end.
import { expect, test } from './test';
import { createSimul, dragMove, hostMove, joinFromPhone, opponentMove, tapMove, joinLinkOf } from './helpers';

test('async simul: checkmate, resignation and an agreed draw, the same results on every screen', async ({ browser }) => {
  const { host } = await createSimul(browser, { title: 'Period 3 async', boards: 3, mode: 'async' });
  const joinLink = await joinLinkOf(host);
  const ada = await joinFromPhone(browser, joinLink, 'Ada');
  const bo = await joinFromPhone(browser, joinLink, 'Bo');
  // A name that looks like markup is shown as text, everywhere.
  const cy = await joinFromPhone(browser, joinLink, '<img src=x onerror=1>');
  // Names appear in the host's lobby as students join.
  await expect(host.getByTestId('seat-1')).toHaveText('Ada');
  await expect(host.getByTestId('seat-3')).toHaveText('<img src=x onerror=1>');
  await expect(host.locator('img[src="x"]')).toHaveCount(0);
  await expect(host.getByTestId('seated-count')).toHaveText('3');

  await host.getByTestId('start').click();
  await expect(host.getByTestId('focused-board')).toHaveAttribute('data-board', '1');

  // Round 1: the host moves on every board; focus rotates 1 → 2 → 3, then no board awaits it.
  await tapMove(host, 'host-board-1', 'e2', 'e4');
  await expect(host.getByTestId('focused-board')).toHaveAttribute('data-board', '2');
  // A piece can be dragged as well as tapped: with the mouse on the laptop, a finger on a phone.
  await dragMove(host, 'host-board-2', 'd2', 'd4');
  await expect(host.getByTestId('focused-board')).toHaveAttribute('data-board', '3');
  await expect(ada.getByTestId('turn-banner')).toHaveText('Your move');
  await expect(cy.getByTestId('turn-banner')).toHaveText(/host is at board 3|host is at your board/i);
  await tapMove(host, 'host-board-3', 'e2', 'e4');
  await expect(host.getByTestId('no-board-ready')).toBeVisible();

  await opponentMove(ada, 'e7', 'e5');
  // The first board to become ready takes the idle host's focus.
  await expect(host.getByTestId('focused-board')).toHaveAttribute('data-board', '1');
  await opponentMove(bo, 'd7', 'd5', 'drag');
  await opponentMove(cy, 'e7', 'e5');

  // Board 1: scholar's mate.
  await hostMove(host, 1, 'f1', 'c4');
  await opponentMove(ada, 'b8', 'c6');
  await hostMove(host, 1, 'd1', 'h5');
  await opponentMove(ada, 'g8', 'f6');
  await hostMove(host, 1, 'h5', 'f7');
  await expect(ada.getByTestId('turn-banner')).toHaveText('You lost: checkmate.');

  // Board 2: the host resigns.
  await host.getByTestId('mini-2').click();
  await expect(host.getByTestId('focused-board')).toHaveAttribute('data-board', '2');
  await host.getByRole('button', { name: 'Resign' }).click();
  await expect(bo.getByTestId('turn-banner')).toHaveText('You won: the host resigned.');

  // Board 3: the student offers a draw, the host accepts.
  await cy.getByRole('button', { name: 'Offer a draw' }).click();
  // The offer shows on the board's mini board, before the host goes there.
  await expect(host.getByTestId('draw-offer-3')).toBeVisible();
  await host.getByTestId('mini-3').click();
  await host.getByRole('button', { name: 'Accept' }).click();

  // The same results, each screen in its reader's words: the host's from its side, each
  // student's own board to them, the other boards from the host's side.
  const words = new Map([
    [host, ['You won', 'You lost', 'Draw']],
    [ada, ['You lost', 'Host lost', 'Draw']],
    [bo, ['Host won', 'You won', 'Draw']],
    [cy, ['Host won', 'Host lost', 'Draw']],
  ]);
  for (const [page, results] of words) {
    await expect(page.getByTestId('simul-finished')).toBeVisible();
    await expect(page.getByTestId('wins')).toHaveText('1');
    await expect(page.getByTestId('draws')).toHaveText('1');
    await expect(page.getByTestId('losses')).toHaveText('1');
    for (const [i, word] of results.entries()) await expect(page.getByTestId(`result-${i + 1}`)).toHaveText(word);
  }
  // The console's top says the simul is over, with the way to its review, in view.
  await expect(host.getByTestId('simul-finished')).toHaveText('The simul is over: every game has ended');
  await expect(host.getByTestId('review-link')).toBeInViewport();
  await host.screenshot({ path: 'test-results/screenshots/host-console-finished.png', fullPage: true });
  await ada.screenshot({ path: 'test-results/screenshots/opponent-phone-finished.png', fullPage: true });
});

test('sync simul: board 2 cannot move until board 1 ends', async ({ browser }) => {
  const { host } = await createSimul(browser, { title: 'Period 4 sync', boards: 2, mode: 'sync' });
  const joinLink = await joinLinkOf(host);
  const ada = await joinFromPhone(browser, joinLink, 'Ada');
  const bo = await joinFromPhone(browser, joinLink, 'Bo');
  await host.getByTestId('start').click();

  await expect(bo.getByTestId('turn-banner')).toHaveText(/Waiting for your game to begin/);
  await expect(host.getByTestId('mini-2')).toHaveAttribute('data-look', 'queued');
  await host.screenshot({ path: 'test-results/screenshots/host-console-sync.png', fullPage: true });

  await hostMove(host, 1, 'e2', 'e4');
  await opponentMove(ada, 'e7', 'e5');
  await bo.screenshot({ path: 'test-results/screenshots/opponent-phone-queued.png', fullPage: true });

  // Board 2 is not live: the host cannot move there either (clicking it does not focus it).
  await host.getByTestId('mini-2').click();
  await expect(host.getByTestId('focused-board')).toHaveAttribute('data-board', '1');
  await expect(bo.getByTestId('turn-banner')).toHaveText(/Waiting for your game to begin/);

  await ada.getByRole('button', { name: 'Resign' }).click();
  await expect(host.getByTestId('focused-board')).toHaveAttribute('data-board', '2');
  await expect(bo.getByTestId('turn-banner')).toHaveText(/host is at your board/i);
  await hostMove(host, 2, 'd2', 'd4');
  await opponentMove(bo, 'd7', 'd5');
  await ada.screenshot({ path: 'test-results/screenshots/opponent-phone-over.png', fullPage: true });
});
