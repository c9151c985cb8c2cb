// Every page under the Content-Security-Policy: its response carries a policy with a nonce,
// the page's scripts carry that nonce, the browser reports no violation, and the page works.
import { expect, test, devices, type Browser, type BrowserContext, type Page, type Response } from './test';
import { tapMove } from './helpers';

/** A new browser context whose CSP violations, as the browser reports them, land in `violations`. */
async function watchedContext(browser: Browser, violations: string[], options = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`securitypolicyviolation: ${e.violatedDirective} blocked ${e.blockedURI}`),
    );
  });
  context.on('console', (msg) => {
    if (/Content Security Policy|securitypolicyviolation/.test(msg.text())) violations.push(msg.text());
  });
  return context;
}

/** The response's policy has a nonce, and the page's scripts carry it. */
async function expectNoncedPolicy(page: Page, response: Response | null): Promise<void> {
  expect(response, 'a document response').not.toBeNull();
  const policy = (await response!.allHeaders())['content-security-policy'] ?? '';
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]+={0,2}' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("connect-src 'self'");
  expect(policy).not.toContain('unsafe-eval');
  const nonce = /'nonce-([^']+)'/.exec(policy)![1];
  // The browser hides a nonce attribute from the DOM; the property still holds it.
  const nonces = await page.evaluate(() => Array.from(document.scripts, (s) => s.nonce));
  expect(nonces.length).toBeGreaterThan(0);
  expect(nonces).toContain(nonce);
}

test('every page works under the Content-Security-Policy, with no violation', async ({ browser }) => {
  const violations: string[] = [];
  const teacher = await watchedContext(browser, violations, { viewport: { width: 1440, height: 900 } });
  const host = await teacher.newPage();
  host.on('dialog', (d) => void d.accept());

  // Home: the join form runs its script, and the join-code redirect lands back here.
  await expectNoncedPolicy(host, await host.goto('/'));
  await host.getByTestId('join-code-input').fill('000000');
  await host.getByRole('button', { name: 'Join' }).click();
  await expect(host.getByText('No open simul has that code.')).toBeVisible();
  await expect(host).toHaveURL(/\/\?code=000000&missing=1$/);

  // New: creating a simul goes over the Socket.IO connection, then to the host console.
  await expectNoncedPolicy(host, await host.goto('/new'));
  await host.getByTestId('title').fill('Under the policy');
  await host.getByTestId('boards').fill('2');
  await host.getByTestId('mode-async').check();
  await host.getByTestId('create').click();
  await host.waitForURL(/\/host\/[a-z0-9]+$/);
  const simulId = host.url().split('/').pop()!;

  // Host: opened afresh, the console shows the join code and the QR code.
  await expectNoncedPolicy(host, await host.goto(`/host/${simulId}`));
  await expect(host.getByTestId('join-code')).toHaveText(/^\d{6}$/);
  const qr = host.locator('section[aria-label="How to join"] svg');
  await expect(qr).toBeVisible();
  expect((await qr.boundingBox())!.width).toBeGreaterThan(100);
  expect(await qr.locator('path').count()).toBeGreaterThan(0);

  // Play: a student joins from a phone and sees the host's first move on the board.
  const phone = await watchedContext(browser, violations, devices['Pixel 7']);
  const student = await phone.newPage();
  student.on('dialog', (d) => void d.accept());
  await expectNoncedPolicy(student, await student.goto(`/play/${simulId}`));
  await student.getByTestId('name').fill('Ada');
  await student.getByTestId('join').click();
  await expect(student.getByTestId('my-board')).toBeVisible();
  await expect(host.getByTestId('seat-1')).toHaveText('Ada');
  await host.getByTestId('start').click();
  await tapMove(host, 'host-board-1', 'e2', 'e4');
  await expect(student.getByTestId('turn-banner')).toHaveText('Your move');

  // Watch and review: both fill in from the live connection.
  const viewer = await watchedContext(browser, violations, { viewport: { width: 1280, height: 900 } });
  const screen = await viewer.newPage();
  await expectNoncedPolicy(screen, await screen.goto(`/watch/${simulId}`));
  await expect(screen.getByTestId('followed-board')).toBeVisible();
  await expectNoncedPolicy(screen, await screen.goto(`/review/${simulId}`));
  await expect(screen.getByTestId('review-title')).toHaveText('Under the policy');

  // Lesson: the calculator recomputes as a number changes.
  await expectNoncedPolicy(screen, await screen.goto('/lesson'));
  const speedUp = await screen.getByTestId('speed-up').textContent();
  await screen.getByTestId('lesson-n').fill('2');
  await expect(screen.getByTestId('speed-up')).not.toHaveText(speedUp!);

  // A page that does not exist is answered under the same policy.
  const missing = await screen.goto('/no-such-page');
  expect(missing!.status()).toBe(404);
  await expectNoncedPolicy(screen, missing);

  expect(violations).toEqual([]);

  // The watch on violations works: an image from another origin is reported.
  await screen.evaluate(() => document.body.append(Object.assign(new Image(), { src: 'http://example.invalid/x.png' })));
  await expect.poll(() => violations.join('\n')).toContain('img-src');
});
