// Journey (issue "Reform plans and tasks"): the coordinator creates a plan
// and imports its matrix, resolving a unit name the system cannot place; a
// commune officer reports two of its tasks done; the coordinator sees the
// reports wait for review, accepts one and returns the other, which reaches
// the officer's work list (where sign-in lands) and comes back fixed; the
// overdue list shrinks and the compiled report exports. Without JavaScript.
// Then the plan pages pass axe (WCAG 2.1 AA).
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
  dir = mkdtempSync(join(tmpdir(), 'cchc-e2e-plans-'));
});

after(async () => {
  await browser?.close();
  if (server) assert.equal(await server.stop(), 0);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const signIn = (page, username, password) => signInAt(page, base, username, password);

// Local (+07:00) dates: the year, and yesterday as dd/mm/yyyy.
const local = new Date(Date.now() + 7 * 3600 * 1000);
const year = local.getUTCFullYear();
const y = new Date(local.getTime() - 24 * 3600 * 1000);
const pad = (n) => String(n).padStart(2, '0');
const yesterday = `${pad(y.getUTCDate())}/${pad(y.getUTCMonth() + 1)}/${y.getUTCFullYear()}`;
const period = `${year}-year`;
let planId = '';

async function overdueRows(page) {
  await page.goto(`${base}/ke-hoach/tong-hop?ke-hoach=${planId}`);
  return page.locator('#qua-han tbody tr').filter({ hasText: 'Phường Trảng Dài' }).count();
}

test('coordinator imports, officer reports two tasks, the overdue list shrinks, the report exports', async () => {
  const matrix = join(dir, 'ma-tran.csv');
  writeFileSync(matrix, [
    'STT,Mục tiêu,Nhiệm vụ/Hoạt động,Kết quả/Sản phẩm,Cơ quan chủ trì,Cơ quan phối hợp,Thời gian hoàn thành',
    'I,Cai cach thu tuc hanh chinh,,,,,',
    `1,,Niêm yết công khai TTHC tại Bộ phận Một cửa,Bảng niêm yết,Phuong Trang Dai,,trước ngày ${yesterday}`,
    `2,,Rà soát quy trình nội bộ,Báo cáo,Phòng Văn hóa phường,,trước ngày ${yesterday}`,
    `3,,Tập huấn số hóa hồ sơ,Lớp tập huấn,Phường Trảng Dài,Sở Nội vụ,trước ngày ${yesterday}`,
  ].join('\n') + '\n');

  const admin = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
  const a = await admin.newPage();
  await signIn(a, 'demo.dieuphoi', 'demo-coordinator-dongnai');
  await a.goto(base + '/ke-hoach/moi');
  await a.fill('#so_ky_hieu', '99/KH-UBND');
  await a.fill('#trich_yeu', 'Kế hoạch thử nghiệm cải cách hành chính');
  await a.selectOption('#don_vi', 'DNI');
  await a.fill('#nam', String(year));
  await a.selectOption('#trang_thai', 'issued');
  await Promise.all([a.waitForURL(/\/ke-hoach\/\d+$/), a.click('form.stacked button[type="submit"]')]);
  planId = a.url().match(/\/ke-hoach\/(\d+)$/)[1];

  await a.click(`a[href="/ke-hoach/${planId}/nhap"]`);
  await a.setInputFiles('#tep', matrix);
  await a.click(`form[action="/ke-hoach/${planId}/nhap"] button[type="submit"]`);
  assert.match(await a.textContent('[role="alert"]'), /tên đơn vị chưa nhận ra/);
  assert.match(await a.textContent('table'), /Phòng Văn hóa phường/);
  await a.selectOption('#chon_0', 'P-TRANGDAI');
  await Promise.all([a.waitForURL(/da-nhap=3/), a.click('button[name="xac_nhan"][value="1"]')]);
  assert.match(await a.textContent('[role="status"]'), /Đã nhập 3 nhiệm vụ/);
  assert.equal(await overdueRows(a), 3);

  const officer = await browser.newContext({ javaScriptEnabled: false });
  const o = await officer.newPage();
  await signIn(o, 'demo.canbo', 'demo-unit_officer-dongnai');
  for (const task of ['Niêm yết công khai TTHC', 'Tập huấn số hóa hồ sơ']) {
    await o.goto(`${base}/viec-can-bao-cao?ky=${period}`);
    await o.click(`a[aria-label^="Báo cáo: "][aria-label*="${task}"]`);
    await o.check('input[name="tinh_trang"][value="done"]');
    await o.fill('#noi_dung', `Đã hoàn thành: ${task}.`);
    await Promise.all([o.waitForURL(/da-bao-cao=/), o.click('form.stacked button[type="submit"]')]);
    assert.match(await o.textContent('[role="status"]'), /Đã ghi nhận báo cáo/);
  }
  // Reports count once the coordinator accepts them.
  assert.equal(await overdueRows(a), 3);
  const accept = async (task) => {
    await a.goto(`${base}/duyet-bao-cao?ky=${period}`);
    await Promise.all([a.waitForURL(/da-duyet=1/),
      a.click(`button[aria-label^="Chấp nhận báo cáo của Phường Trảng Dài"][aria-label*="${task}"]`)]);
    assert.match(await a.textContent('[role="status"]'), /Đã ghi nhận ý kiến duyệt/);
  };
  await accept('Niêm yết công khai TTHC');
  await a.goto(`${base}/duyet-bao-cao?ky=${period}`);
  await a.click('a[aria-label*="Tập huấn số hóa hồ sơ"]');
  await a.fill('textarea[name="ly_do"]', 'Chưa có danh sách học viên; đề nghị bổ sung minh chứng.');
  await Promise.all([a.waitForURL(/da-duyet=1/), a.click('button[name="thao_tac"][value="return"]')]);
  assert.match(await a.textContent('#cac-bao-cao ~ div table'), /Bị trả lại/);
  assert.equal(await overdueRows(a), 2);

  // The returned report is first on the officer's work list, where sign-in lands.
  const again = await officer.newPage();
  await signIn(again, 'demo.canbo', 'demo-unit_officer-dongnai');
  assert.match(again.url(), /\/viec-cua-toi$/);
  const row = again.locator('tbody tr').filter({ hasText: 'Tập huấn số hóa hồ sơ' });
  assert.match(await row.textContent(), /Báo cáo nhiệm vụ bị trả lại cần sửa/);
  assert.match(await row.textContent(), /Chưa có danh sách học viên/);
  await row.locator('a').first().click();
  assert.match(await again.textContent('[role="alert"]'), /đã bị trả lại/);
  await again.fill('#minh_chung', 'https://vanban.example.vn/danh-sach-hoc-vien.pdf');
  await Promise.all([again.waitForURL(/da-bao-cao=/), again.click('form.stacked button[type="submit"]')]);
  await officer.close();
  await accept('Tập huấn số hóa hồ sơ');

  assert.equal(await overdueRows(a), 1);
  await a.goto(`${base}/ke-hoach/${planId}/bao-cao-ky?ky=${period}`);
  assert.match(await a.textContent('#bao-cao-ky'), /Đã hoàn thành: Tập huấn số hóa hồ sơ/);
  const [docx] = await Promise.all([a.waitForEvent('download'), a.click('text=Tải dự thảo báo cáo (.docx)')]);
  assert.equal(docx.suggestedFilename(), `bao-cao-99-kh-ubnd-${period}.docx`);
  const file = join(dir, 'bao-cao.docx');
  await docx.saveAs(file);
  assert.equal(readFileSync(file).subarray(0, 2).toString('latin1'), 'PK');
  const [xlsx] = await Promise.all([a.waitForEvent('download'), a.click('text=Tải bảng tổng hợp (.xlsx)')]);
  assert.match(xlsx.suggestedFilename(), /\.xlsx$/);
  await admin.close();
});

test('plan pages pass axe', async () => {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, 'demo.dieuphoi', 'demo-coordinator-dongnai');
  const problems = [];
  for (const path of ['/ke-hoach', '/ke-hoach/1', '/ke-hoach/1/nhap', '/ke-hoach/moi', '/ke-hoach/1/sua',
    '/ke-hoach/tong-hop', '/ke-hoach/1/bao-cao-ky', '/viec-can-bao-cao', '/nhiem-vu/3', '/thong-bao',
    '/duyet-bao-cao', '/viec-cua-toi']) {
    problems.push(...await axeViolations(page, base + path));
  }
  assert.deepEqual(problems, []);
  await context.close();
});
