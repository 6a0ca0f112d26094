// Journey: a commune officer uploads a CSV of dossiers, checks the preview,
// imports it, sees the figures on the unit's dashboard and exports the
// tables to Excel. Then the dashboards pass axe (WCAG 2.1 AA) with charts on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launchBrowser, axeViolations, signIn as signInAt } from './support.mjs';

let server, base, browser, dir;

before(async () => {
  server = await startServer();
  base = server.base;
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'cchc-e2e-upload-'));
});

after(async () => {
  await browser?.close();
  if (server) assert.equal(await server.stop(), 0);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const signIn = (page, username, password) => signInAt(page, base, username, password);

// March 2019 has no demo records: what the dashboard shows is this file.
const header = 'id,unit_code,procedure_code,channel,online_service,received_at,due_at,finished_at,returned_at,status,digitized,result_digitized,fee_required,paid_online,rating,apology_sent';
const rows = [
  'E2E-1,P-TRANGDAI,1.001,online,full,2019-03-04T08:00:00+07:00,2019-03-10T17:00:00+07:00,2019-03-08T10:00:00+07:00,,finished,1,1,0,0,satisfied,0',
  'E2E-2,P-TRANGDAI,1.001,direct,full,2019-03-05T08:00:00+07:00,2019-03-10T17:00:00+07:00,2019-03-10T17:00:00+07:00,2019-03-11T08:00:00+07:00,returned,1,0,1,0,,0',
  'E2E-3,P-TRANGDAI,1.002,online,partial,2019-03-06T08:00:00+07:00,2019-03-09T17:00:00+07:00,2019-03-12T09:00:00+07:00,,finished,0,0,1,1,unsatisfied,1',
  'E2E-4,P-TRANGDAI,1.002,direct,none,2019-03-20T08:00:00+07:00,2019-03-25T17:00:00+07:00,,,processing,0,0,0,0,,0',
];

test('a commune officer uploads dossiers, sees them on the dashboard and exports Excel', async () => {
  const bad = join(dir, 'sai.csv');
  writeFileSync(bad, [header, rows[0], rows[1].replace('P-TRANGDAI', 'P-TAMHIEP')].join('\n') + '\n');
  const good = join(dir, 'ho-so-thang-3.csv');
  writeFileSync(good, [header, ...rows].join('\n') + '\n');

  const context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, 'demo.canbo', 'demo-unit_officer-dongnai');
  await page.click('nav a[href="/chi-so/nhap"]');

  // A record of another commune: the whole file is refused, with the line.
  await page.setInputFiles('#tep', bad);
  await page.click('form[action="/chi-so/nhap"] button[type="submit"]');
  assert.match(await page.textContent('[role="alert"]'), /có 1 lỗi, chưa nhập gì/);
  assert.match(await page.textContent('table'), /Dòng 3: đơn vị 'P-TAMHIEP' nằm ngoài phạm vi P-TRANGDAI/);

  await page.setInputFiles('#tep', good);
  await page.click('form[action="/chi-so/nhap"] button[type="submit"]');
  assert.match(await page.textContent('[role="status"]'), /Tệp hợp lệ: 4 bản ghi hồ sơ/);
  assert.equal(await page.locator('table tbody tr').count(), 4);
  // The import runs as a background job: its page reloads itself (no
  // JavaScript here) until the job is done.
  await page.click('form[action="/chi-so/nhap/xac-nhan"] button[type="submit"]');
  await page.waitForURL(/\/cong-viec\/[0-9a-f]{32}$/);
  const done = page.locator('p[role="status"]', { hasText: '4 bản ghi — 4 mới, 0 cập nhật, 0 không đổi' });
  await done.waitFor({ timeout: 60000 });
  assert.match(await page.textContent('main'), /Đã xong/);

  await page.goto(base + '/chi-so/don-vi/P-TRANGDAI?ky=2019-03');
  const table = page.locator('#chi-so table');
  const row = async (label) =>
    (await table.locator('tr', { hasText: label }).first().locator('th, td').allTextContents()).join(' ');
  assert.match(await row('Hồ sơ tiếp nhận'), /Hồ sơ tiếp nhận 4/);
  // 3 finished, E2E-1 early and E2E-2 exactly at due_at on time, E2E-3 late.
  assert.match(await row('Tỷ lệ hồ sơ giải quyết đúng hạn'), /66,7 %.*2.*3/);
  assert.match(await row('Tỷ lệ hồ sơ trực tuyến toàn trình'), /50,0 %/);
  // E2E-4 is past due and still open.
  assert.match(await page.textContent('#qua-han'), /E2E-4/);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Tải về Excel (.xlsx)')]);
  assert.equal(download.suggestedFilename(), 'chi-so-P-TRANGDAI-2019-03.xlsx');
  const file = join(dir, 'export.xlsx');
  await download.saveAs(file);
  const bytes = readFileSync(file);
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');  // a zip: the XLSX container
  await context.close();
});

test('indicator pages pass axe with charts drawn', async () => {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, 'demo.admin', 'demo-admin-dongnai');
  const problems = [];
  for (const path of ['/chi-so', '/chi-so/don-vi/SNV', '/chi-so/766/DNI', '/chi-so/xep-hang?cap=commune',
    '/chi-so/nhap', '/chi-so/chi-tieu', '/chi-so/tinh-lai', '/quan-tri/ma-truy-cap', '/cong-khai/chi-so', '/cong-viec']) {
    problems.push(...await axeViolations(page, base + path));
  }
  assert.deepEqual(problems, []);
  // The chart is drawn (an SVG inside the chart element) beside its table.
  await page.goto(base + '/cong-khai/chi-so');
  await page.waitForSelector('.chart svg');
  assert.ok(await page.locator('#theo-thang table').count() === 1);
  await context.close();
});
