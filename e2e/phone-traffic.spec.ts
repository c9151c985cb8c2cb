// A seated student's phone hears its own board and a summary, not the rest of the simul: the
// frames it receives are counted, and it still shows where the host is and every result.
import { expect, test, type Page } from './test';
import { createSimul, hostMove, joinFromPhone, opponentMove, tapMove, joinLinkOf } from './helpers';

interface Traffic {
  /** Frames of the whole simul's stream. */
  simul: number;
  /** Board event frames, by board. */
  boards: Map<number, number>;
  summaries: number;
}

/** Counts the Socket.IO frames a page receives, from now on. */
function countFrames(page: Page): Traffic {
  const traffic: Traffic = { simul: 0, boards: new Map(), summaries: 0 };
  page.on('websocket', (ws) => {
    ws.on('framereceived', ({ payload }) => {
      const text = String(payload);
      if (text.startsWith('42["simul:events"')) traffic.simul++;
      else if (text.startsWith('42["simul:summary"')) traffic.summaries++;
      else if (text.startsWith('42["board:events"')) {
        const board = Number(/"board":(\d+)/.exec(text)![1]);
        traffic.boards.set(board, (traffic.boards.get(board) ?? 0) + 1);
      }
    });
  });
  return traffic;
}

test("a phone hears no other board's events, and still shows where the host is and every result", async ({ browser }) => {
  const { host } = await createSimul(browser, { title: 'Traffic', boards: 3, mode: 'async' });
  const joinLink = await joinLinkOf(host);
  const ada = await joinFromPhone(browser, joinLink, 'Ada');
  const bo = await joinFromPhone(browser, joinLink, 'Bo');
  const cy = await joinFromPhone(browser, joinLink, 'Cy');
  // Count from a fresh page load, seated: the phone opens from the state and listens to its board.
  const traffic = countFrames(cy);
  await cy.reload();
  await expect(cy.getByTestId('my-board')).toHaveText('3');

  await host.getByTestId('start').click();
  await tapMove(host, 'host-board-1', 'e2', 'e4');
  await tapMove(host, 'host-board-2', 'd2', 'd4');
  // Where the host is comes from the summary.
  await expect(cy.getByTestId('turn-banner')).toHaveText(/host is at your board/i);
  await tapMove(host, 'host-board-3', 'c2', 'c4');
  await expect(cy.getByTestId('turn-banner')).toHaveText('Your move');
  await opponentMove(ada, 'e7', 'e5');
  await opponentMove(bo, 'd7', 'd5');
  await opponentMove(cy, 'e7', 'e5');
  // Boards 1, 2 and 3 all await the host now: the phone knows how many come before its own.
  await expect(cy.getByTestId('turn-banner')).toHaveText(/The host is at board 1; 2 boards before yours/);

  // Boards 1 and 2 end; board 3 ends last.
  await ada.getByRole('button', { name: 'Resign' }).click();
  await host.getByTestId('mini-2').click();
  await host.getByRole('button', { name: 'Offer a draw' }).click();
  await bo.getByRole('button', { name: 'Accept' }).click();
  await hostMove(host, 3, 'g1', 'f3');
  await cy.getByRole('button', { name: 'Resign' }).click();

  await expect(cy.getByTestId('simul-finished')).toBeVisible();
  await expect(cy.getByTestId('result-1')).toHaveText('Host won');
  await expect(cy.getByTestId('result-2')).toHaveText('Draw');
  await expect(cy.getByTestId('result-3')).toHaveText('You lost');
  await expect(cy.getByTestId('wins')).toHaveText('2');

  expect(traffic.simul).toBe(0);
  expect(traffic.boards.get(1) ?? 0).toBe(0);
  expect(traffic.boards.get(2) ?? 0).toBe(0);
  expect(traffic.boards.get(3) ?? 0).toBeGreaterThanOrEqual(5);
  expect(traffic.summaries).toBeGreaterThan(0);
});
