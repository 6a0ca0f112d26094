// Journey (issue "Reform inspections"): the coordinator makes a plan,
// puts the demo ward on it and announces it; records the visit with two
// recommendations; the ward's officer fixes one from the work list and the
// team accepts it; the other goes overdue and the urging page lists it. The
// visit's day has passed, so announcing it is refused.
// Without JavaScript. Then the inspection pages pass axe (WCAG 2.1 AA).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, axeViolations, signIn as signInAt } from './support.mjs';

let server, base, browser;
let planPath = '', visitPath = '';

before(async () => {
  server = await startServer();
  base = server.base;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  if (server) assert.equal(await server.stop(), 0);
});

const signIn = (page, username, password) => signInAt(page, base, username, password);
const vi = (d) => `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;

test('a plan, a visit with two recommendations: one fixed and accepted, one overdue and urged', async () => {
  const today = new Date();
  // The visit three weeks ago (within this year), so a recommendation due a
  // working day after it is overdue now.
  const held = new Date(Math.max(new Date(today.getFullYear(), 0, 1).getTime(), today.getTime() - 21 * 86400000));
  const adminContext = await browser.newContext({ javaScriptEnabled: false });
  const a = await adminContext.newPage();
  await signIn(a, 'demo.dieuphoi', 'demo-coordinator-dongnai');
  await a.goto(base + '/kiem-tra/ke-hoach/moi');
  await a.fill('#so', '77/KH-SNV');
  await a.fill('#trich_yeu', 'Kiểm tra chuyên đề thử nghiệm');
  await a.check('input[name="linh_vuc"][value="procedures"]');
  await a.fill('#ten_0', 'Nguyễn Văn Thử');
  await a.selectOption('#don_vi_0', 'SNV');
  await Promise.all([a.waitForURL(/da-luu=1/), a.click('form[action="/kiem-tra/ke-hoach/moi"] button[type="submit"]')]);
  planPath = new URL(a.url()).pathname;

  await a.selectOption('#don_vi', 'P-TRANGDAI');
  await a.fill('#ngay', vi(held));
  await a.fill('#ly_do', 'Nhiều phản ánh về niêm yết');
  await Promise.all([a.waitForURL(/da-them=1/), a.click('form[action$="/don-vi"] button[type="submit"]')]);
  if (vi(held) === vi(today)) {
    await Promise.all([a.waitForURL(/da-thong-bao=1/), a.click('form[action$="/thong-bao"] button[type="submit"]')]);
    assert.match(await a.textContent('[role="status"]'), /Đã thông báo lịch kiểm tra đến 1 đơn vị/);
  } else {
    // A visit on a day gone by is never announced: refused at the button.
    await a.click('form[action$="/thong-bao"] button[type="submit"]');
    assert.match(await a.textContent('#loi-thong-bao'),
      /Không thông báo lịch kiểm tra cho ngày đã qua: Phường Trảng Dài/);
  }

  await a.click('#don-vi ~ div table a:has-text("Phường Trảng Dài")');
  visitPath = new URL(a.url()).pathname;
  await a.fill('#ngay', vi(held));
  await a.fill('#ket_luan', 'Cơ bản thực hiện tốt');
  await Promise.all([a.waitForURL(/da-luu=1/), a.click('form[action$="/bien-ban"] button[type="submit"]')]);
  // Once the past visit is recorded, a visit still to come is announced.
  const soon = new Date(Math.min(today.getTime() + 7 * 86400000, new Date(today.getFullYear(), 11, 31).getTime()));
  await a.goto(base + planPath);
  await a.selectOption('#don_vi', 'P-TAMHIEP');
  await a.fill('#ngay', vi(soon));
  await a.fill('#ly_do', 'Kiểm tra theo kế hoạch');
  await Promise.all([a.waitForURL(/da-them=1/), a.click('form[action$="/don-vi"] button[type="submit"]')]);
  await Promise.all([a.waitForURL(/da-thong-bao=1/), a.click('form[action$="/thong-bao"] button[type="submit"]')]);
  assert.match(await a.textContent('[role="status"]'), /Đã thông báo lịch kiểm tra đến 1 đơn vị/);
  await a.goto(base + visitPath);
  const addRecommendation = async (text, recommendation, days) => {
    await a.selectOption('#linh_vuc', 'procedures');
    await a.check('input[name="loai"][value="han-che"]');
    await a.fill('#noi_dung', text);
    await a.fill('#kien_nghi', recommendation);
    await a.fill('#so_ngay', days);
    await Promise.all([a.waitForURL(/da-luu=1/), a.click('form[action$="/ket-qua"] button[type="submit"]')]);
  };
  await addRecommendation('Sổ theo dõi hồ sơ chưa cập nhật', 'Cập nhật sổ theo dõi hồ sơ thử nghiệm', '60');
  await addRecommendation('Thiếu bảng niêm yết', 'Bổ sung bảng niêm yết thử nghiệm', '1');

  // The ward's officer lands on the work list, fixes the first one.
  const officerContext = await browser.newContext({ javaScriptEnabled: false });
  const o = await officerContext.newPage();
  await signIn(o, 'demo.canbo', 'demo-unit_officer-dongnai');
  const row = o.locator('tbody tr').filter({ hasText: 'Cập nhật sổ theo dõi hồ sơ thử nghiệm' });
  await row.locator('a').first().click();
  const first = o.locator('article').filter({ hasText: 'Cập nhật sổ theo dõi hồ sơ thử nghiệm' });
  await first.locator('textarea').fill('Đã cập nhật sổ theo dõi');
  await Promise.all([o.waitForURL(/da-luu=1/), first.locator('button[type="submit"]').click()]);
  assert.match(await o.locator('article').filter({ hasText: 'Cập nhật sổ theo dõi hồ sơ thử nghiệm' }).textContent(),
    /Đã báo cáo, chờ đoàn kiểm tra xem xét/);
  await officerContext.close();

  // The team accepts it.
  await a.goto(base + visitPath);
  const fixed = a.locator('article').filter({ hasText: 'Cập nhật sổ theo dõi hồ sơ thử nghiệm' });
  await Promise.all([a.waitForURL(/da-luu=1/), fixed.locator('button[value="accept"]').click()]);
  assert.match(await a.locator('article').filter({ hasText: 'Cập nhật sổ theo dõi hồ sơ thử nghiệm' }).textContent(),
    /Trạng thái: Đã khắc phục/);
  // The other is overdue: on the board and in the urging.
  await a.goto(base + '/kiem-tra/theo-doi?trang-thai=overdue');
  assert.match(await a.textContent('main'), /Bổ sung bảng niêm yết thử nghiệm/);
  assert.doesNotMatch(await a.textContent('main'), /Cập nhật sổ theo dõi hồ sơ thử nghiệm/);
  await a.goto(base + '/don-doc/P-TRANGDAI');
  const urging = await a.textContent('main');
  assert.match(urging, /Kiến nghị sau kiểm tra quá hạn chưa khắc phục/);
  assert.match(urging, /Bổ sung bảng niêm yết thử nghiệm/);
  await adminContext.close();
});

test('inspection pages pass axe', async () => {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, 'demo.dieuphoi', 'demo-coordinator-dongnai');
  const problems = [];
  for (const path of ['/kiem-tra', '/kiem-tra/ke-hoach/moi', planPath || '/kiem-tra/ke-hoach/1', visitPath || '/kiem-tra/1',
    '/kiem-tra/theo-doi', '/kiem-tra/tong-hop']) {
    problems.push(...await axeViolations(page, base + path));
  }
  await signIn(page, 'demo.canbo', 'demo-unit_officer-dongnai');
  for (const path of ['/kiem-tra/1', '/viec-cua-toi']) problems.push(...await axeViolations(page, base + path));
  assert.deepEqual(problems, []);
  await context.close();
});
