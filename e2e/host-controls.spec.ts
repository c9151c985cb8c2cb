// What the host reads and presses: the colour choice says which boards are White, "Abort game"
// looks as live as its neighbours, and a promotion names its four pieces without hiding the board.
import { expect, test } from './test';
import { classroom, move, openConsole } from './classroom';
import { tapMove } from './helpers';
import { shoot } from './screenshots';

test('the create form says which boards the host plays White on when alternating', async ({ page }) => {
  await page.goto('/new');
  await expect(page.getByTestId('alternate-hint')).toHaveText(/White on odd boards \(1, 3, 5…\), Black on even boards/);
  await expect(page.getByTestId('color-alternate')).toHaveAttribute('aria-describedby', 'alternate-hint');
});

test('promotion: four named pieces along the bottom, the far ranks in view; "Abort game" looks live', async ({ browser }) => {
  const simul = await classroom({ boards: 1, seated: 1, start: true, title: 'Promotion' });
  const student = simul.opponents[0].client;
  // 1. h4 g5 2. hxg5 a6 3. g6 a5 4. gxh7 a4: the host's pawn on h7 takes the knight on g8 next.
  const plies: [string, string][] = [['h2', 'h4'], ['g7', 'g5'], ['h4', 'g5'], ['a7', 'a6'], ['g5', 'g6'], ['a6', 'a5'], ['g6', 'h7'], ['a5', 'a4']];
  for (const [i, [from, to]] of plies.entries()) await move(i % 2 === 0 ? simul.host : student, 1, from, to);

  const { page: host } = await openConsole(browser, simul);
  await expect(host.getByTestId('focused-board')).toHaveAttribute('data-board', '1');

  // "Abort game" is drawn like "Resign" beside it, not greyed as if disabled.
  const colour = (name: string) => host.getByRole('button', { name, exact: true }).evaluate((b) => getComputedStyle(b).color);
  expect(await colour('Abort game')).toBe(await colour('Resign'));
  await expect(host.getByRole('button', { name: 'Abort game', exact: true })).toBeEnabled();

  await expect(host.locator('#host-board-1-square-h7')).toBeVisible();
  await tapMove(host, 'host-board-1', 'h7', 'g8');
  const dialog = host.getByTestId('promotion-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button')).toHaveText(['Cancel', 'Queen', 'Rook', 'Bishop', 'Knight']);
  // The board's top half, where the pawn promotes, stays in view above the choice.
  const board = (await host.getByTestId('host-board-1-container').boundingBox())!;
  const box = (await dialog.boundingBox())!;
  expect(box.y).toBeGreaterThan(board.y + board.height / 2);
  await expect(host.locator('#host-board-1-square-g8')).toBeVisible();
  await shoot(host, 'promotion-1440', { fullPage: false });

  await dialog.getByRole('button', { name: 'Knight' }).click();
  const promoted = await simul.host.waitFor((e) => e.type === 'move-made' && e.board === 1 && e.by === 'host' && e.to === 'g8');
  expect(promoted).toMatchObject({ san: 'hxg8=N', promotion: 'n' });
  simul.clients.closeAll();
});
