// Journey (issue "The coordinator's loop", report requests): the
// coordinator sends a request with an outline to every commune; Trảng Dài
// answers and is accepted; Tam Hiệp answers, is returned, finds it on its
// work list and fixes it; the compiled view and its Word draft put the
// answers under the headings and list the communes that never answered.
// Without JavaScript. Then the request pages pass axe (WCAG 2.1 AA).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, axeViolations, signIn as signInAt } from './support.mjs';

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

const signIn = (page, username, password) => signInAt(page, base, username, password);
let requestPath = '';

test('a request to every commune: one answers, one is returned and fixes it, the draft lists who never answered', async () => {
  const adminContext = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
  const a = await adminContext.newPage();
  await signIn(a, 'demo.admin', 'demo-admin-dongnai');
  // A second commune's officer.
  await a.goto(base + '/nguoi-dung');
  await a.fill('#username', 'tamhiep.canbo');
  await a.fill('#display_name', 'Cán bộ phường Tam Hiệp');
  await a.selectOption('#unit', 'P-TAMHIEP');
  await a.check('input[name="role"][value="unit_officer"]');
  await a.click('form[action="/nguoi-dung"] button[type="submit"]');
  const password = (await a.textContent('.secret')).trim();

  // The province's coordinator sends the request.
  await signIn(a, 'demo.dieuphoi', 'demo-coordinator-dongnai');
  await a.goto(base + '/yeu-cau-bao-cao/moi');
  await a.selectOption('#loai', 'review');
  await a.fill('#trich_yeu', 'Báo cáo sơ kết thử nghiệm');
  await a.fill('#de_cuong', 'Kết quả đạt được\nKhó khăn, vướng mắc');
  await a.fill('#so_ngay', '5');
  await a.check('input[name="cap"][value="commune"]');
  await Promise.all([a.waitForURL(/da-gui=1/), a.click('form.stacked button[type="submit"]')]);
  requestPath = new URL(a.url()).pathname;
  assert.match(await a.textContent('[role="status"]'), /Đã gửi yêu cầu/);

  const answer = async (username, pass, parts) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const o = await context.newPage();
    await signIn(o, username, pass);
    // The request is on the work list, where sign-in lands.
    const row = o.locator('tbody tr').filter({ hasText: 'Báo cáo sơ kết thử nghiệm' });
    await row.locator('a').first().click();
    for (let i = 0; i < parts.length; ++i) await o.fill(`#phan_${i}`, parts[i]);
    await Promise.all([o.waitForURL(/da-tra-loi=1/), o.click('form.stacked button[type="submit"]')]);
    await context.close();
  };
  await answer('demo.canbo', 'demo-unit_officer-dongnai', ['Trảng Dài hoàn thành 9 nhiệm vụ.', 'Thiếu máy quét.']);
  await answer('tamhiep.canbo', password, ['Tam Hiệp đang triển khai.', '']);

  await a.goto(base + requestPath);
  await a.click('button[aria-label="Chấp nhận báo cáo của Phường Trảng Dài"]');
  await a.fill('#ld-P-TAMHIEP', 'Chưa có số liệu cụ thể.');
  await a.click('button[aria-label="Trả lại báo cáo của Phường Tam Hiệp"]');
  const states = await a.textContent('#tra-loi ~ div table');
  assert.match(states, /Phường Trảng Dài\s*Đã chấp nhận/);
  assert.match(states, /Phường Tam Hiệp\s*Bị trả lại/);

  // Tam Hiệp sees the return first on its work list and fixes it.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const o = await context.newPage();
  await signIn(o, 'tamhiep.canbo', password);
  const row = o.locator('tbody tr').filter({ hasText: 'Báo cáo sơ kết thử nghiệm' });
  assert.match(await row.textContent(), /bị trả lại cần sửa/);
  assert.match(await row.textContent(), /Chưa có số liệu cụ thể/);
  await row.locator('a').first().click();
  assert.match(await o.textContent('[role="alert"]'), /đã bị trả lại/);
  await o.fill('#phan_0', 'Tam Hiệp hoàn thành 7/8 nhiệm vụ (87,5 %).');
  await Promise.all([o.waitForURL(/da-tra-loi=1/), o.click('form.stacked button[type="submit"]')]);
  await context.close();

  await a.goto(base + requestPath + '/tong-hop');
  const compiled = await a.textContent('main');
  assert.match(compiled, /Phường Trảng Dài:\s*Trảng Dài hoàn thành 9 nhiệm vụ\./);
  assert.match(compiled, /Phường Tam Hiệp \(chưa duyệt\):\s*Tam Hiệp hoàn thành 7\/8 nhiệm vụ/);
  const missing = await a.textContent('#chua-gui ~ ul');
  assert.match(missing, /Phường Long Bình/);
  assert.doesNotMatch(missing, /Phường Trảng Dài|Phường Tam Hiệp/);
  const [docx] = await Promise.all([a.waitForEvent('download'), a.click('text=Tải dự thảo (.docx)')]);
  assert.match(docx.suggestedFilename(), /^bao-cao-tong-hop-\d+\.docx$/);
  await adminContext.close();
});

test('the coordinator urges a commune for everything it owes; the commune sees the letter', async () => {
  const adminContext = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
  const a = await adminContext.newPage();
  await signIn(a, 'demo.dieuphoi', 'demo-coordinator-dongnai');
  await a.goto(base + '/don-doc');
  await a.click('a[href="/don-doc/P-TRANGDAI"]');
  // The demo commune owes its implementing plan (due end of February) at least.
  assert.match(await a.textContent('main'), /Kế hoạch chưa ban hành/);
  await a.fill('#so', '125/SNV-CCHC');
  await Promise.all([a.waitForURL(/da-gui=\d+/), a.click('form.stacked button[type="submit"]')]);
  const [docx] = await Promise.all([a.waitForEvent('download'), a.click('text=Tải văn bản (.docx)')]);
  assert.match(docx.suggestedFilename(), /^don-doc-p-trangdai-\d+\.docx$/);
  await adminContext.close();

  const context = await browser.newContext({ javaScriptEnabled: false });
  const o = await context.newPage();
  await signIn(o, 'demo.canbo', 'demo-unit_officer-dongnai');
  await o.goto(base + '/thong-bao');
  assert.match(await o.textContent('main'), /Văn bản đôn đốc số 125\/SNV-CCHC/);
  await o.goto(base + '/don-doc/P-TRANGDAI');
  assert.match(await o.textContent('#van-ban ~ div table'), /125\/SNV-CCHC/);
  assert.equal(await o.locator('form[action="/don-doc/P-TRANGDAI"]').count(), 0);  // only the coordinator sends
  assert.equal((await o.goto(base + '/don-doc/P-TAMHIEP')).status(), 403);
  await context.close();
});

test('request pages pass axe', async () => {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, 'demo.dieuphoi', 'demo-coordinator-dongnai');
  const problems = [];
  for (const path of ['/yeu-cau-bao-cao', '/yeu-cau-bao-cao/moi', requestPath || '/yeu-cau-bao-cao/1',
    (requestPath || '/yeu-cau-bao-cao/1') + '/tong-hop', '/viec-cua-toi', '/don-doc', '/don-doc/P-TRANGDAI',
    '/ke-hoach/1/so-theo-doi', '/ky-bao-cao']) {
    problems.push(...await axeViolations(page, base + path));
  }
  await signIn(page, 'demo.canbo', 'demo-unit_officer-dongnai');
  for (const path of ['/viec-cua-toi', requestPath || '/yeu-cau-bao-cao/1']) {
    problems.push(...await axeViolations(page, base + path));
  }
  assert.deepEqual(problems, []);
  await context.close();
});
