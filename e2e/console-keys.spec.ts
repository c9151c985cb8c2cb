// The console's keys (issue 27, row 10): ←/→ switch boards whatever was clicked last; the big
// board keeps the arrows for its squares only while a square has focus that came from the keyboard.
import { expect, test } from './test';
import { createSimul, joinFromPhone, joinLinkOf } from './helpers';

test('←/→ switch boards after a square was clicked with the mouse; a square reached with the keys keeps them', async ({ browser }) => {
  const { host } = await createSimul(browser, { title: 'Keys', boards: 3, mode: 'async' });
  const joinLink = await joinLinkOf(host);
  for (const name of ['Ada', 'Bo', 'Cy']) await joinFromPhone(browser, joinLink, name);
  await host.getByTestId('start').click();
  const focused = host.getByTestId('focused-board');
  await expect(focused).toHaveAttribute('data-board', '1');

  // The teacher clicks a piece, then its square again, with the mouse: focus is on that square.
  const g1 = host.locator('#host-board-1-square-g1');
  await g1.click();
  await g1.click();
  await expect(g1).toBeFocused();
  await host.keyboard.press('ArrowRight');
  await expect(focused).toHaveAttribute('data-board', '2');
  await host.keyboard.press('ArrowRight');
  await expect(focused).toHaveAttribute('data-board', '3');
  await host.keyboard.press('ArrowLeft');
  await expect(focused).toHaveAttribute('data-board', '2');

  // Reached with the keys (Tab), a square keeps the arrows: they walk the squares, the board stays.
  await host.locator('body').click({ position: { x: 2, y: 2 } });
  const squares = host.locator('[id^="host-board-2-square-"]');
  for (let i = 0; i < 80 && !(await squares.evaluateAll((all) => all.includes(document.activeElement as HTMLElement))); i++) await host.keyboard.press('Tab');
  const start = await host.evaluate(() => document.activeElement!.id);
  expect(start).toMatch(/^host-board-2-square-/);
  await host.keyboard.press('ArrowUp');
  await expect(host.locator(':focus')).not.toHaveId(start);
  await expect(host.locator(':focus')).toHaveId(/^host-board-2-square-/);
  await expect(focused).toHaveAttribute('data-board', '2');
});
