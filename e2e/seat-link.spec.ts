// A student moves to another device mid-game, on a console opened at a school network address:
// plain http and not localhost, so no secure context and no clipboard. The host re-issues the
// seat in a dialog and reads the new link from it; a third device opens the link and plays.
import { devices, expect, test } from './test';
import { chromiumLaunchOptions } from './browser';
import { createSimul, hostMove, joinFromPhone, opponentMove, joinLinkOf } from './helpers';

const PORT = Number(process.env.E2E_PORT ?? 3107);
const launch = chromiumLaunchOptions();
test.use({
  // school.test is the test server under a name the browser does not trust (no clipboard permission is granted).
  launchOptions: { ...launch, args: [...(launch.args ?? []), '--host-resolver-rules=MAP school.test 127.0.0.1'] },
  baseURL: `http://school.test:${PORT}`,
});

test('new seat link: shown privately in a dialog, opened on a new device, the old one told', async ({ browser }) => {
  const { host } = await createSimul(browser, { title: 'Period 5 async', boards: 2, mode: 'async' });
  expect(await host.evaluate(() => window.isSecureContext)).toBe(false);
  const joinLink = await joinLinkOf(host);
  const oldPhone = await joinFromPhone(browser, joinLink, 'Ada');
  await host.getByTestId('start').click();
  await expect(host.getByTestId('focused-board')).toHaveAttribute('data-board', '1');

  // Escape at the confirmation closes the dialog and changes nothing.
  await host.getByRole('button', { name: 'New seat link' }).click();
  const dialog = host.getByRole('dialog', { name: 'New seat link for board 1 (Ada)' });
  await expect(dialog).toBeVisible();
  await host.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(oldPhone.getByTestId('my-board')).toHaveText('1');

  await host.getByRole('button', { name: 'New seat link' }).click();
  await dialog.getByRole('button', { name: 'Make a new link' }).click();
  // The old device is told at once; the new link stays hidden until the host asks for it.
  await expect(oldPhone.getByText('Your seat was moved to another device.')).toBeVisible();
  await expect(oldPhone.getByTestId('my-board')).toHaveCount(0);
  await expect(dialog.getByRole('textbox')).toHaveCount(0);
  await expect(dialog.locator('svg')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Show the link' }).click();

  const field = dialog.getByRole('textbox', { name: 'Or send this link' });
  const link = await field.inputValue();
  expect(link).toMatch(new RegExp(`^http://school\\.test:${PORT}/play/[a-z0-9]+#seat=[A-Za-z0-9_-]{16,64}$`));
  const token = link.split('#seat=')[1];
  await expect(dialog.locator('svg title')).toHaveText('Seat link for board 1 as a QR code');
  await expect(dialog.getByText(/may be on the projector/)).toBeVisible();

  // No clipboard here: Copy selects the link for Ctrl+C and says so.
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.getByRole('status')).toHaveText(/cannot copy here.*selected/);
  expect(await field.evaluate((el: HTMLInputElement) => el.value.slice(el.selectionStart!, el.selectionEnd!))).toBe(link);

  // The dialog fits a 320 px wide screen.
  await host.setViewportSize({ width: 320, height: 640 });
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(320);
  await host.screenshot({ path: 'test-results/screenshots/seat-link-dialog-320.png' });
  await host.setViewportSize({ width: 1440, height: 900 });

  // Done closes the dialog and forgets the link: not in the page, the address bar or storage.
  await dialog.getByRole('button', { name: 'Done: hide the link' }).click();
  await expect(host.getByRole('dialog')).toHaveCount(0);
  expect(await host.content()).not.toContain(token);
  expect(host.url()).not.toContain(token);
  expect(await host.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))).not.toContain(token);

  // The student's new device opens the link and has board 1.
  const newDevice = await (await browser.newContext({ ...devices['Pixel 7'] })).newPage();
  await newDevice.goto(link);
  await expect(newDevice.getByTestId('my-board')).toHaveText('1');
  await expect(newDevice).not.toHaveURL(/seat=/);
  await hostMove(host, 1, 'e2', 'e4');
  await opponentMove(newDevice, 'e7', 'e5');
  await expect(host.getByTestId('mini-1')).toHaveAttribute('data-look', /host-thinking|awaiting-host/);
  // The old device only watches.
  await expect(oldPhone.getByTestId('my-board')).toHaveCount(0);
});
