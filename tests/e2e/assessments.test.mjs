// Journey (issue "Assessments and rankings"): the coordinator opens a round
// for communes; a commune officer fills the self-assessment (the draft saves
// itself while typing) and attaches evidence; the commune leader submits;
// the coordinator assigns an appraiser, who lowers a score and sends it
// back; the commune answers; the appraiser finalises; the coordinator
// publishes; an anonymous reader finds the commune in the public ranking.
// Then the assessment pages pass axe (WCAG 2.1 AA).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launchBrowser, axeViolations, signIn as signInAt } from './support.mjs';

let server, base, browser, dir;

before(async () => {
  server = await startServer();
  base = server.base;
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'cchc-e2e-assess-'));
});

after(async () => {
  await browser?.close();
  if (server) assert.equal(await server.stop(), 0);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const signIn = (page, username, password) => signInAt(page, base, username, password);
const local = new Date(Date.now() + 7 * 3600 * 1000);
const pad = (n) => String(n).padStart(2, '0');
const later = new Date(local.getTime() + 30 * 24 * 3600 * 1000);
const deadline = `${pad(later.getUTCDate())}/${pad(later.getUTCMonth() + 1)}/${later.getUTCFullYear()}`;
const code = 'E2E-XA';
const unitPage = `/danh-gia/${code}/don-vi/P-TRANGDAI`;

test('a commune fills and submits, an appraiser adjusts, the coordinator publishes, the public ranking shows', async () => {
  // The coordinator opens a round for the communes (no JavaScript).
  const admin = await browser.newContext({ javaScriptEnabled: false });
  const a = await admin.newPage();
  await signIn(a, 'demo.dieuphoi', 'demo-coordinator-dongnai');
  await a.goto(base + '/danh-gia/moi');
  await a.fill('#ma', code);
  await a.fill('#ten', 'Chỉ số cải cách hành chính cấp xã (thử nghiệm)');
  const commune = await a.locator('#bo_commune option').filter({ hasText: 'UBND cấp xã' }).first().getAttribute('value');
  await a.selectOption('#bo_commune', commune);
  await a.fill('#han_commune', deadline);
  // The round's own bands, in place of the defaults the form offers.
  assert.equal(await a.inputValue('#xep_loai'), 'Tốt: 90; Khá: 80; Trung bình: 65; Yếu: 0');
  await a.fill('#xep_loai', 'Đạt yêu cầu: 62,5; Chưa đạt: 0');
  await Promise.all([a.waitForURL(new RegExp(`/danh-gia/${code}$`)), a.click('form.stacked button[type="submit"]')]);
  assert.match(await a.textContent('main'), /Phường Trảng Dài/);

  // The commune officer fills every criterion at its maximum but 1.3, with
  // JavaScript on: the draft saves itself as the form changes.
  const officer = await browser.newContext();
  const o = await officer.newPage();
  await signIn(o, 'demo.canbo', 'demo-unit_officer-dongnai');
  await o.goto(base + unitPage);
  for (const row of await o.locator('table.assessment tbody tr:has(input[name^="diem_"]:not([type="radio"]))').all()) {
    const max = (await row.locator('td.num').first().textContent()).trim();
    await row.locator('input[name^="diem_"]').fill(max);
  }
  for (const radio of await o.locator('input[type="radio"][value="co"]').all()) await radio.check();
  for (const input of await o.locator('input[name^="gia_tri_"]').all()) await input.fill('100');
  // Indicator criteria are scored from the records; explain what they cost.
  for (const row of await o.locator('table.assessment tbody tr:has-text("Số liệu hệ thống")').all()) {
    await row.locator('textarea[name^="giai_thich_"]').fill('Theo số liệu của Hệ thống thông tin giải quyết TTHC.');
  }
  await o.fill('input[name="diem_1.3"]', '0,5');
  await o.fill('textarea[name="giai_thich_1.3"]', 'Gửi chậm báo cáo quý II.');
  // Leaving the field is a change: htmx posts the whole form 600 ms later.
  const saved = o.waitForResponse((r) => r.request().method() === 'POST' &&
    (r.request().postData() ?? '').includes('giai_thich_1.3=G'));
  await o.locator('textarea[name="giai_thich_1.3"]').blur();
  assert.equal((await saved).status(), 200);
  await o.locator('#trang-thai-luu').getByText('Đã lưu nháp').waitFor();
  await o.reload();
  assert.equal(await o.inputValue('input[name="diem_1.3"]'), '0,5');
  assert.equal(await o.inputValue('textarea[name="giai_thich_1.3"]'), 'Gửi chậm báo cáo quý II.');
  // Evidence for 1.1, which requires it: a real PDF.
  const pdf = join(dir, 'ke-hoach-cchc.pdf');
  writeFileSync(pdf, '%PDF-1.4\n% Ke hoach CCHC\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
  await o.setInputFiles('#tep', pdf);
  await o.check('input[name="tieu_chi"][value="1.1"]');
  await Promise.all([o.waitForURL(/da-cap-nhat/), o.click('form[action$="/minh-chung"] button[type="submit"]')]);
  assert.match(await o.textContent('#minh-chung + div'), /ke-hoach-cchc\.pdf/);
  // In the criteria table the file shows under 1.1 alone, not under every criterion.
  const linked = o.locator('table.assessment tbody tr:has(a:has-text("ke-hoach-cchc.pdf"))');
  assert.equal(await linked.count(), 1);
  assert.equal(await linked.locator('textarea[name="giai_thich_1.1"]').count(), 1);
  assert.equal(await o.locator('button[formaction$="/nop"]').count(), 0);  // officers do not submit
  await officer.close();

  // The commune leader submits (no JavaScript).
  const leader = await browser.newContext({ javaScriptEnabled: false });
  const l = await leader.newPage();
  await signIn(l, 'demo.lanhdao', 'demo-unit_leader-dongnai');
  await l.goto(base + unitPage);
  await Promise.all([l.waitForURL(/da-gui/), l.click('button[formaction$="/nop"]')]);
  assert.match(await l.textContent('[role="status"]'), /Đã gửi bản tự đánh giá/);
  assert.equal(await l.locator('input[name="diem_1.3"]').count(), 0);

  // The coordinator assigns the appraiser.
  await a.goto(`${base}/danh-gia/${code}`);
  await a.click('summary:has-text("Phân công thẩm định")');
  await a.selectOption('#pc_don_vi', 'P-TRANGDAI');
  await a.selectOption('#pc_nguoi', 'demo.thamdinh');
  await Promise.all([a.waitForURL(/da-luu/), a.click('form[action$="/phan-cong"] button[type="submit"]')]);

  // The appraiser lowers 1.2 and sends the result to the commune.
  const appraiser = await browser.newContext({ javaScriptEnabled: false });
  const t = await appraiser.newPage();
  await signIn(t, 'demo.thamdinh', 'demo-appraiser-dongnai');
  await t.goto(base + unitPage);
  await t.fill('input[name="tham_dinh_1.2"]', '1');
  await t.fill('textarea[name="nhan_xet_1.2"]', 'Chưa có báo cáo 6 tháng.');
  await Promise.all([t.waitForURL(/da-cap-nhat/), t.click('form#tham-dinh button[type="submit"]')]);
  await Promise.all([t.waitForURL(/da-cap-nhat/), t.click('form[action$="/gui-giai-trinh"] button')]);
  assert.match(await t.textContent('dl.facts'), /Chờ đơn vị giải trình/);

  // The commune answers once.
  await l.goto(base + unitPage);
  await l.fill('textarea[name="giai_trinh_1.2"]', 'Báo cáo 6 tháng đã gửi ngày 14/6, kèm số văn bản.');
  await Promise.all([l.waitForURL(/da-cap-nhat/), l.click('form#giai-trinh button[type="submit"]')]);
  assert.match(await l.textContent('dl.facts'), /Đơn vị đã giải trình/);
  await leader.close();

  // The appraiser finalises; the coordinator publishes.
  await t.goto(base + unitPage);
  await Promise.all([t.waitForURL(/da-cap-nhat/), t.click('form[action$="/chot"] button')]);
  assert.match(await t.textContent('dl.facts'), /Đã chốt kết quả/);
  await appraiser.close();
  await a.goto(`${base}/danh-gia/${code}`);
  await a.click('summary:has-text("Phê duyệt và công bố kết quả")');
  await a.fill('#cb_quyet_dinh', '3125/QĐ-UBND');
  await Promise.all([a.waitForURL(/da-luu/), a.click('form[action$="/cong-bo"] button[type="submit"]')]);
  assert.match(await a.textContent('dl.facts'), /Đã công bố/);
  await admin.close();

  // Anyone reads the public ranking: the commune first, with its total.
  const reader = await browser.newContext({ javaScriptEnabled: false });
  const r = await reader.newPage();
  await r.goto(base + '/xep-hang');
  await Promise.all([r.waitForURL(new RegExp(`/xep-hang/${code}$`)), r.click(`a[href="/xep-hang/${code}"]`)]);
  const first = r.locator('table tbody tr').first();
  assert.match(await first.textContent(), /Phường Trảng Dài/);
  assert.equal((await first.locator('td').first().textContent()).trim(), '1');
  assert.match(await first.textContent(), /Đạt yêu cầu/);
  assert.match(await r.textContent('main'), /Đạt yêu cầu từ 62,5%/);
  assert.match(await r.textContent('main'), /Không xếp hạng: không gửi hoặc gửi sau hạn/);
  await reader.close();
});

test('assessment pages pass axe', async () => {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, 'demo.dieuphoi', 'demo-coordinator-dongnai');
  const year = local.getUTCFullYear();
  const problems = [];
  for (const path of ['/danh-gia', '/danh-gia/moi', '/danh-gia/bo-tieu-chi', '/danh-gia/bo-tieu-chi/1',
    `/danh-gia/CCHC-${year}`, `/danh-gia/CCHC-${year}/don-vi/SNV`, `/danh-gia/CQDT-${year - 1}/diem-bi-mat`,
    '/xep-hang', `/xep-hang/CQDT-${year - 1}`]) {
    problems.push(...await axeViolations(page, base + path));
  }
  await context.close();
  // The form as the unit sees it while it can still edit.
  const officer = await browser.newContext({ bypassCSP: true });
  const o = await officer.newPage();
  await signIn(o, 'demo.canbo', 'demo-unit_officer-dongnai');
  problems.push(...await axeViolations(o, `${base}/danh-gia/CCHC-${year}/don-vi/P-TRANGDAI`));
  await officer.close();
  assert.deepEqual(problems, []);
});
