// A form the server draws takes input before the page's scripts have come (a cheap phone on
// school wifi, seconds before): what is typed and chosen then is kept when React takes the page
// over, and the page works with it. The page's scripts are held back until the test has typed.
import { expect, test, devices, type Page } from './test';
import { createSimul, joinLinkOf } from './helpers';

/** Holds every script of the page back until `release()`: meanwhile the page is the server's HTML alone. */
async function holdScripts(page: Page): Promise<{ release: () => void }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_next/static/**/*.js', async (route) => {
    await released;
    await route.continue();
  });
  return { release };
}

/** Whether React has taken the element over (its props are on it). */
function reactHas(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).evaluate((el) => Object.keys(el).some((key) => key.startsWith('__react')));
}

function untilReactHas(page: Page, testId: string) {
  return page.waitForFunction((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    return el !== null && Object.keys(el).some((key) => key.startsWith('__reactProps'));
  }, testId);
}

test('a name typed into the join link before its scripts come is kept, and the student sits down with it', async ({ browser }) => {
  const { host } = await createSimul(browser, { title: 'Early birds', boards: 2, mode: 'async' });
  const joinLink = await joinLinkOf(host);
  const context = await browser.newContext({ ...devices['Pixel 7'] });
  const phone = await context.newPage();
  const scripts = await holdScripts(phone);
  await phone.goto(joinLink, { waitUntil: 'commit' });

  // The server's form: the name field is shown and focused, and takes typing with no script run.
  const name = phone.getByTestId('name');
  await expect(name).toBeVisible();
  await expect(name).toBeFocused();
  await phone.keyboard.type('Ada');
  expect(await reactHas(phone, 'name')).toBe(false);
  await expect(name).toHaveValue('Ada');

  // The scripts come: React takes the form over, the seats come, and the name is still there.
  scripts.release();
  await untilReactHas(phone, 'name');
  await expect(phone.getByTestId('join')).toBeEnabled();
  await expect(phone.getByTestId('name')).toHaveValue('Ada');
  // Typing goes on where it stopped.
  await phone.getByTestId('name').press('End');
  await phone.keyboard.type(' L');
  await expect(phone.getByTestId('name')).toHaveValue('Ada L');
  await phone.getByTestId('join').click();
  await expect(phone.getByTestId('my-board')).toHaveText('1');
  await expect(host.getByTestId('seat-1')).toHaveText('Ada L');
});
