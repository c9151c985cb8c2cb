// A page the server draws works before its scripts have come (a cheap phone on school wifi,
// seconds before): what is typed and chosen into its forms then is kept when React takes the page
// over, and the page works with it; a seated phone's page opens its link to the server as it is
// read. The page's scripts are held back until the test has looked.
import { expect, test, devices, type Page } from './test';
import { createSimul, joinFromPhone, joinLinkOf } from './helpers';

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

test('a seated phone reloading opens its link as the browser reads the page: before any script, once, and its seat comes back on it', async ({ browser }) => {
  const { host } = await createSimul(browser, { title: 'Reloads', boards: 2, mode: 'async' });
  const joinLink = await joinLinkOf(host);
  const phone = await joinFromPhone(browser, joinLink, 'Ada');
  const sockets: { url: string; sent: string[] }[] = [];
  phone.on('websocket', (ws) => {
    const seen = { url: ws.url(), sent: [] as string[] };
    sockets.push(seen);
    ws.on('framesent', ({ payload }) => seen.sent.push(String(payload)));
  });
  const scripts = await holdScripts(phone);
  await phone.reload({ waitUntil: 'commit' });
  // No script of the page has run: the server's inline script opened the socket and connected it.
  await expect.poll(() => sockets.map((s) => s.sent.filter((f) => f === '40').length)).toEqual([1]);
  expect(sockets[0].url).toMatch(/\/socket\.io\/\?simul=[a-z0-9]+&EIO=4&transport=websocket$/);
  expect(await reactHas(phone, 'name')).toBe(false);
  scripts.release();
  await expect(phone.getByTestId('my-board')).toHaveText('1');
  // The page's socket code took that socket over: no other, no second connect, one hello on it.
  expect(sockets).toHaveLength(1);
  expect(sockets[0].sent.filter((f) => f === '40')).toHaveLength(1);
  expect(sockets[0].sent.filter((f) => f.includes('"simul:hello"'))).toHaveLength(1);
});

test('the create form keeps what the teacher typed and chose before its scripts came, and creates that simul', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const scripts = await holdScripts(page);
  await page.goto('/new', { waitUntil: 'commit' });

  await expect(page.getByTestId('title')).toBeVisible();
  await page.getByTestId('title').fill('Typed before the scripts');
  await page.getByTestId('boards').fill('5');
  await page.getByTestId('mode-sync').check();
  await page.getByTestId('draws-claimed').check();
  await page.getByTestId('start-position-choice').selectOption('queen-mate');
  await page.getByTestId('takebacks-none').check();
  await page.getByTestId('student-rematch').check();
  await page.getByTestId('period-moves').fill('20');
  expect(await reactHas(page, 'title')).toBe(false);
  // Creating waits for the page's script: the button is off, Enter sends nothing.
  await expect(page.getByTestId('create')).toBeDisabled();
  await page.getByTestId('title').press('Enter');
  await expect(page).toHaveURL(/\/new$/);

  scripts.release();
  await untilReactHas(page, 'title');
  // Drawn again by React (a change elsewhere in the form): what was typed stays.
  await page.getByTestId('host-name').fill('Ms. Rivera');
  await expect(page.getByTestId('title')).toHaveValue('Typed before the scripts');
  await expect(page.getByTestId('boards')).toHaveValue('5');
  await expect(page.getByTestId('mode-sync')).toBeChecked();
  await expect(page.getByTestId('draws-claimed')).toBeChecked();
  await expect(page.getByTestId('start-position-choice')).toHaveValue('queen-mate');
  await expect(page.getByTestId('takebacks-none')).toBeChecked();
  await expect(page.getByTestId('student-rematch')).toBeChecked();
  await expect(page.getByTestId('period-moves')).toHaveValue('20');
  // The estimate reads the typed figures: five boards of twenty moves.
  await expect(page.getByTestId('period-estimate')).toBeVisible();

  await page.getByTestId('create').click();
  await page.waitForURL(/\/host\/[a-z0-9]+$/);
  await expect(page.getByTestId('simul-title')).toHaveText('Typed before the scripts');
  await expect(page.getByTestId('seats').getByRole('listitem')).toHaveCount(5);
  // Sync: no rotation; the drill's position; draws claimed.
  await expect(page.getByTestId('rotation-setting')).toHaveCount(0);
  await expect(page.getByTestId('position-setting')).toBeVisible();
  await expect(page.getByTestId('simul-settings')).toContainText(/claim/i);
});
