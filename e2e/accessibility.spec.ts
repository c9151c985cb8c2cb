// axe-core on every page, in each state a person meets it: no serious or critical violation.
// And the host console with the keyboard alone: N to the next board, a typed move.
import { expect, test } from './test';
import { createSimul, joinFromPhone, opponentMove, seriousViolations, joinLinkOf } from './helpers';

test('every page passes axe: home, create, lesson, console (lobby, playing, finished), phone, projector, review', async ({ browser }) => {
  const found: string[] = [];
  const visitor = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  for (const path of ['/', '/new', '/lesson']) {
    await visitor.goto(path);
    await expect(visitor.locator('main')).toBeVisible();
    found.push(...(await seriousViolations(visitor, path)));
  }

  const { host, simulId } = await createSimul(browser, { title: 'Axe', boards: 2, mode: 'async' });
  const joinLink = await joinLinkOf(host);
  found.push(...(await seriousViolations(host, 'console, lobby (empty)')));
  const ada = await joinFromPhone(browser, joinLink, 'Ada');
  found.push(...(await seriousViolations(host, 'console, lobby')));
  found.push(...(await seriousViolations(ada, 'phone, seated')));
  const watch = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await watch.goto(`/watch/${simulId}`);
  await expect(watch.getByText(/join code|Waiting/i).first()).toBeVisible();
  found.push(...(await seriousViolations(watch, 'projector, lobby')));

  await host.getByTestId('start').click();
  await expect(host.getByTestId('focused-board')).toBeVisible();
  await expect(host.locator('[data-testid="host-board-1-container"]')).toBeVisible();
  found.push(...(await seriousViolations(host, 'console, playing')));
  await expect(watch.getByTestId('followed-board')).toBeVisible();
  found.push(...(await seriousViolations(watch, 'projector, playing')));
  const phoneBoard = ada.locator('#play-board-1-square-e2');
  await expect(phoneBoard).toBeVisible();
  found.push(...(await seriousViolations(ada, 'phone, playing')));

  await host.getByRole('button', { name: 'End simul' }).click();
  await expect(host.getByTestId('simul-finished')).toBeVisible();
  found.push(...(await seriousViolations(host, 'console, finished')));
  await expect(ada.getByTestId('simul-finished')).toBeVisible();
  found.push(...(await seriousViolations(ada, 'phone, finished')));
  await visitor.goto(`/review/${simulId}`);
  await expect(visitor.getByTestId('review')).toBeVisible();
  found.push(...(await seriousViolations(visitor, 'review')));

  expect(found).toEqual([]);
});

test('the host plays with the keyboard alone: N to the board awaiting it, a typed move, a clear refusal; a student with the keys on the board', async ({ browser }) => {
  const { host } = await createSimul(browser, { title: 'Keyboard', boards: 2, mode: 'async' });
  const joinLink = await joinLinkOf(host);
  const ada = await joinFromPhone(browser, joinLink, 'Ada');
  const bo = await joinFromPhone(browser, joinLink, 'Bo');
  await host.getByTestId('start').focus();
  await host.keyboard.press('Enter');
  await expect(host.getByTestId('focused-board')).toHaveAttribute('data-board', '1');

  // Tab to the move field: focus is visible on it.
  const input = host.getByTestId('typed-move-input');
  for (let i = 0; i < 60 && !(await input.evaluate((el) => el === document.activeElement)); i++) await host.keyboard.press('Tab');
  await expect(input).toBeFocused();
  const outline = await input.evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).boxShadow);
  expect(outline).not.toBe('none none');

  // Not a legal move: said clearly, nothing played.
  await host.keyboard.type('Nf6');
  await host.keyboard.press('Enter');
  await expect(host.getByTestId('typed-move-problem')).toHaveText('"Nf6" is not a legal move here: type it like Nf3, exd5, O-O or g1f3.');
  await input.fill('');
  await host.keyboard.type('e4');
  await host.keyboard.press('Enter');
  await expect(host.getByTestId('focused-board')).toHaveAttribute('data-board', '2');
  await expect(ada.getByTestId('turn-banner')).toHaveText('Your move');
  await expect(ada.getByTestId('host-move-announcement')).toHaveText('The host played e4: pawn to e4.');

  // On the host's board the arrows move between squares, not to another board.
  await host.locator('#host-board-2-square-e2').focus();
  await host.keyboard.press('ArrowRight');
  await expect(host.locator('#host-board-2-square-f2')).toBeFocused();
  await expect(host.getByTestId('focused-board')).toHaveAttribute('data-board', '2');

  // UCI on board 2, typed after the focus moved there.
  await host.getByTestId('typed-move-input').focus();
  await host.keyboard.type('g1f3');
  await host.keyboard.press('Enter');
  await expect(bo.getByTestId('host-move-announcement')).toHaveText('The host played Nf3: knight to f3.');
  await expect(host.getByTestId('no-board-ready')).toBeVisible();

  // Bo answers with the keys alone: each square a named button, the arrows between them (Bo
  // plays Black, so the board is seen from Black's side: d5 is up from d7), Enter picks and plays.
  await expect(bo.getByTestId('turn-banner')).toHaveText('Your move');
  const d7 = bo.locator('#play-board-2-square-d7');
  await expect(d7).toHaveAccessibleName('d7, black pawn');
  await d7.focus();
  await bo.keyboard.press('Enter');
  await bo.keyboard.press('ArrowUp');
  await bo.keyboard.press('ArrowUp');
  await expect(bo.locator('#play-board-2-square-d5')).toBeFocused();
  await bo.keyboard.press('Enter');
  await expect(bo.getByTestId('turn-banner')).not.toHaveText('Your move');
  await expect(bo.locator('#play-board-2-square-d5')).toHaveAccessibleName('d5, black pawn');

  // Ada answers; N (from the page, not a field) brings the host to board 1.
  await opponentMove(ada, 'e7', 'e5');
  await host.locator('body').focus();
  await host.keyboard.press('n');
  await expect(host.getByTestId('focused-board')).toHaveAttribute('data-board', '1');
  await host.getByTestId('typed-move-input').focus();
  await host.keyboard.type('Nf3');
  await host.keyboard.press('Enter');
  await expect(ada.getByTestId('host-move-announcement')).toHaveText('The host played Nf3: knight to f3.');
});
