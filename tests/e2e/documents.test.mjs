// The document review page in the browser: an officer uploads a scanned
// plan (text without diacritics), sees what was read with its sources
// marked, and both pages pass axe (WCAG 2.1 AA).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, launchBrowser, axeViolations, signIn } from './support.mjs';

let server, browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  if (server) assert.equal(await server.stop(), 0);
});

test('an officer uploads a scanned plan and checks what was read; the pages pass axe', async () => {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, server.base, 'demo.canbo', 'demo-unit_officer-dongnai');
  await page.goto(server.base + '/doc-van-ban');
  await page.setInputFiles('#tep', join(process.cwd(), 'tests/documents/corpus/ke-hoach-cchc-2023-van-phong-ubnd.txt'));
  await Promise.all([page.waitForURL(/\/doc-van-ban\/[0-9a-f]{32}$/), page.click('form[action="/doc-van-ban"] button')]);
  assert.equal(await page.inputValue('#so_ky_hieu'), '77/KH-VP');
  assert.equal(await page.inputValue('#ngay'), '11/01/2023');
  assert.equal(await page.inputValue('#trich_yeu'), 'Kế hoạch Cải cách hành chính năm 2023');  // diacritics restored
  assert.equal(await page.locator('mark[title="Số, ký hiệu"]').textContent(), '77/KH-VP');
  const review = page.url();
  const problems = [];
  problems.push(...await axeViolations(page, review));
  problems.push(...await axeViolations(page, server.base + '/doc-van-ban'));
  await context.close();
  assert.deepEqual(problems, []);
});
