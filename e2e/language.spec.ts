// A second language: a browser that asks for Spanish gets every page in Spanish, <html lang>
// says so, and axe still passes; the switch at the foot of the page changes the language at
// once and the browser keeps the choice.
import { devices, expect, test } from './test';
import { en } from '../app/words/en';
import { es } from '../app/words/es';
import { seriousViolations, joinLinkOf } from './helpers';

test('a browser that asks for Spanish plays a simul in Spanish, every page passing axe', async ({ browser }) => {
  const found: string[] = [];
  const teacher = await browser.newContext({ locale: 'es-ES', viewport: { width: 1440, height: 900 } });
  const host = await teacher.newPage();
  await host.goto('/');
  await expect(host.locator('html')).toHaveAttribute('lang', 'es');
  await expect(host.getByRole('heading', { name: es.home.join })).toBeVisible();
  await expect(host.getByText(es.home.intro)).toBeVisible();
  found.push(...(await seriousViolations(host, 'home, es')));
  await host.goto('/lesson');
  await expect(host.getByRole('heading', { name: es.lesson.heading })).toBeVisible();
  await expect(host).toHaveTitle(es.app.tab(es.lesson.tabTitle));
  found.push(...(await seriousViolations(host, 'lesson, es')));

  await host.goto('/new');
  await expect(host.getByRole('heading', { name: es.create.heading })).toBeVisible();
  await expect(host.getByTestId('title')).toHaveValue(es.create.defaultTitle);
  found.push(...(await seriousViolations(host, 'create, es')));
  await host.getByTestId('boards').fill('2');
  await host.getByTestId('create').click();
  await host.waitForURL(/\/host\/[a-z0-9]+$/);
  await expect(host.getByRole('button', { name: es.console.start })).toBeVisible();
  found.push(...(await seriousViolations(host, 'console, lobby, es')));

  const phone = await (await browser.newContext({ ...devices['Pixel 7'], locale: 'es-MX' })).newPage();
  await phone.goto(await joinLinkOf(host));
  await expect(phone.getByText(es.phone.yourName)).toBeVisible();
  await phone.getByTestId('name').fill('Ana');
  await phone.getByTestId('join').click();
  await expect(phone.getByTestId('turn-banner')).toHaveText(es.phone.seated);
  found.push(...(await seriousViolations(phone, 'phone, seated, es')));

  await host.getByTestId('start').click();
  await expect(host.getByText(es.console.yourMove).first()).toBeVisible();
  await expect(phone.getByTestId('turn-banner')).toHaveText(es.phone.hostHere);
  found.push(...(await seriousViolations(host, 'console, playing, es')));
  found.push(...(await seriousViolations(phone, 'phone, playing, es')));
  expect(found).toEqual([]);
});

test('the switch changes the language at once, and the browser keeps it', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: en.home.join })).toBeVisible();

  await page.getByTestId('language').selectOption('es');
  await expect(page.getByRole('heading', { name: es.home.join })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  expect(await page.evaluate(() => localStorage.getItem('simul-language'))).toBe('es');

  // Another page, and a reload: the server renders in the kept language from the first byte.
  await page.goto('/lesson');
  await expect(page.getByRole('heading', { name: es.lesson.heading })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');

  await page.getByTestId('language').selectOption('en');
  await expect(page.getByRole('heading', { name: en.lesson.heading })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: en.lesson.heading })).toBeVisible();
});
