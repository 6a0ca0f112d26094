// Browser journey in Debian's Chromium driven by playwright-core: a new
// visitor opens the home page, moves by keyboard, and changes the display
// preferences through the plain HTML form.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, axeViolations } from './support.mjs';

let server, base, browser;

before(async () => {
  server = await startServer();
  base = server.base;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  if (server) assert.equal(await server.stop(), 0);
});

test('the home page shows in Vietnamese with working assets', async () => {
  const page = await browser.newPage();
  const failed = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(base + '/');
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  assert.match(await page.title(), /Trang chủ — Hệ thống quản lý cải cách hành chính/);
  assert.equal(await page.textContent('h1'), 'Hệ thống quản lý cải cách hành chính');
  assert.equal(await page.textContent('.site-province'), 'Tỉnh Đồng Nai');
  assert.equal(await page.textContent('nav[aria-label="Điều hướng chính"] a[aria-current="page"]'), 'Trang chủ');
  // Dates in dd/mm/yyyy.
  assert.match(await page.textContent('.facts'), /\d{2}\/\d{2}\/\d{4}/);
  // The stylesheet from npm (Pico) applied, and htmx loaded without CSP errors.
  const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  assert.match(font, /system-ui|sans-serif/);
  assert.equal(await page.evaluate(() => typeof window.htmx), 'object');
  assert.deepEqual(failed, []);
  assert.deepEqual(errors, []);
  // The first Tab reaches the skip link.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Bỏ qua, đến nội dung chính');
  await page.close();
});

test('display preferences work without JavaScript', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(base + '/tuy-chon-hien-thi');
  await page.check('input[name="text_size"][value="large"]');
  await page.check('input[name="contrast"][value="high"]');
  await Promise.all([page.waitForURL(/da-luu=1/), page.click('button[type="submit"]')]);
  assert.match(await page.textContent('[role="status"]'), /Đã lưu tùy chọn hiển thị/);
  assert.match(await page.getAttribute('body', 'class'), /text-large/);
  await page.goto(base + '/');
  assert.match(await page.getAttribute('body', 'class'), /contrast-high/);
  await context.close();
});

test('an unknown page shows the Vietnamese 404', async () => {
  const page = await browser.newPage();
  const response = await page.goto(base + '/khong-co-trang-nay');
  assert.equal(response.status(), 404);
  assert.equal(await page.textContent('h1'), 'Không tìm thấy trang');
  await page.close();
});

test('pages pass axe-core WCAG 2.1 A and AA checks', async () => {
  // axe is injected as a script, which the app's CSP rightly forbids: this
  // context alone bypasses CSP.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const problems = [];
  for (const path of ['/', '/tuy-chon-hien-thi', '/khong-co-trang-nay']) problems.push(...await axeViolations(page, base + path));
  assert.deepEqual(problems, []);
  await context.close();
});
