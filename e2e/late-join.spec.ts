// A student who arrives after the start: the host keeps joining open, the newcomer sits down,
// a new board appears on the console and its game is played to the end. Then the host closes
// joining, ends the simul early, and every screen calls the open game Unfinished, with why.
import { expect, test } from './test';
import { createSimul, hostMove, joinFromPhone, opponentMove, joinLinkOf } from './helpers';

test('a late joiner gets a new board at once and plays it to the end; the simul is then ended early', async ({ browser }) => {
  const { host, simulId } = await createSimul(browser, { title: 'Late arrivals', boards: 4, mode: 'async' });
  const joinLink = await joinLinkOf(host);
  const ada = await joinFromPhone(browser, joinLink, 'Ada');
  await host.getByTestId('start').click();
  await expect(host.getByTestId('focused-board')).toHaveAttribute('data-board', '1');
  await expect(host.getByTestId('late-joining')).toContainText('Joining is open');

  // A name that only looks like a seated one is refused, naming the seated spelling.
  const late = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const dee = await late.newPage();
  dee.on('dialog', (d) => void d.accept());
  await dee.goto(joinLink);
  await expect(dee.getByTestId('late-join-note')).toHaveText('The simul has started. Sit down and your game begins at once.');
  await dee.getByTestId('name').fill('ADA');
  await dee.getByTestId('join').click();
  await expect(dee.getByText(/already called/)).toHaveText('Someone here is already called Ada: pick a name that looks different.');
  await dee.getByTestId('name').fill('Dee');
  await dee.getByTestId('join').click();
  await expect(dee.getByTestId('my-board')).toHaveText('2');

  // The console shows the newcomer's board at once; its game has begun (the host has White).
  await expect(host.getByTestId('mini-2')).toBeVisible();
  await expect(host.getByTestId('mini-2')).toContainText('Dee');
  await expect(host.getByTestId('mini-2')).toHaveAttribute('data-look', 'awaiting-host');

  // The late board played to the end: a fool's mate against the host.
  await hostMove(host, 2, 'f2', 'f3');
  await opponentMove(dee, 'e7', 'e5');
  await hostMove(host, 2, 'g2', 'g4');
  await opponentMove(dee, 'd8', 'h4');
  await expect(dee.getByTestId('turn-banner')).toHaveText('You won: checkmate.');
  await expect(host.getByTestId('mini-2')).toHaveAttribute('data-look', 'loss');

  // The host closes joining: the next student is told seats are closed.
  await host.getByTestId('toggle-joining').click();
  await expect(host.getByTestId('late-joining')).toContainText('Joining is closed');
  const lateAgain = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const eve = await lateAgain.newPage();
  await eve.goto(joinLink);
  await expect(eve.getByText('This simul has started: seats are closed.')).toBeVisible();

  // Ended early: board 1's game is still open.
  await host.getByRole('button', { name: 'End simul' }).click();
  await expect(host.getByTestId('simul-finished')).toHaveText('The simul was ended early');
  await expect(host.getByTestId('review-link')).toBeInViewport();
  await expect(host.getByTestId('result-1')).toHaveText('Unfinished');
  await expect(host.getByTestId('result-2')).toHaveText('You lost');
  await expect(ada.getByTestId('turn-banner')).toHaveText('Unfinished: the simul was ended early.');
  await expect(ada.getByTestId('result-2')).toHaveText('Host lost');

  await host.getByTestId('review-link').click();
  await host.waitForURL(`**/review/${simulId}`);
  await expect(host.getByTestId('review-end')).toHaveText('ended early by the host');
  await expect(host.getByTestId('result-1')).toHaveText('Unfinished');
  await expect(host.getByTestId('result-2')).toHaveText('0-1');
  await expect(host.getByTestId('board-row-1')).toContainText('Unfinished: the simul was ended early.');
});
