// Journey (issue "The reform portal"): a commune editor writes an item and
// submits it; a board member returns it with a reason; the editor sees the
// reason, fixes the item and submits it again; the board publishes it; an
// anonymous reader, without JavaScript, finds it by searching without
// diacritics and opens it. Then the portal pages pass axe (WCAG 2.1 AA).
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
const title = 'Phường Trảng Dài mở điểm hỗ trợ dịch vụ công trực tuyến tại khu phố Quyết Tiến';

test('a commune editor submits, the board returns, the editor fixes, the board publishes, a reader finds it', async () => {
  // The commune editor drafts the item and submits it.
  const editorContext = await browser.newContext();
  const e = await editorContext.newPage();
  await signIn(e, 'demo.ctvxa', 'demo-editor-dongnai');
  await e.goto(base + '/bien-tap');
  await e.click('a:has-text("Viết tin bài mới")');
  await e.fill('#tieu_de', title);
  await e.selectOption('#chuyen_muc', { label: 'Xây dựng chính quyền điện tử, chính quyền số' });
  await e.fill('#tom_tat', 'Điểm hỗ trợ giúp người cao tuổi nộp hồ sơ trực tuyến ngay tại khu phố.');
  await e.fill('#noi_dung', 'Mỗi sáng thứ bảy, đoàn viên thanh niên hướng dẫn người dân nộp hồ sơ.');
  await e.fill('#tu_khoa', 'dịch vụ công, chuyển đổi số');
  await Promise.all([e.waitForURL(/\/bien-tap\/\d+\?da-luu/), e.click('form.stacked button[type="submit"]')]);
  const itemUrl = e.url().replace(/\?.*$/, '');
  assert.match(await e.textContent('dl.facts'), /Bản nháp/);
  await Promise.all([e.waitForURL(/da-luu/), e.click('form[action$="/gui"] button')]);
  assert.match(await e.textContent('dl.facts'), /Chờ duyệt/);

  // The board finds it in the queue and returns it with a reason.
  const boardContext = await browser.newContext();
  const b = await boardContext.newPage();
  await signIn(b, 'demo.banbientap', 'demo-editorial_board-dongnai');
  await b.goto(base + '/bien-tap');
  await b.click(`#cho-duyet ~ div a:has-text("${title}")`);
  assert.equal(b.url(), itemUrl);
  await b.click('summary:has-text("Trả lại đơn vị")');
  await b.fill('#ly_do_tra', 'Đề nghị ghi rõ giờ mở cửa của điểm hỗ trợ.');
  await Promise.all([b.waitForURL(/da-luu/), b.click('form[action$="/tra-lai"] button[type="submit"]')]);
  assert.match(await b.textContent('dl.facts'), /Bị trả lại/);

  // The editor sees the reason, fixes the text and submits again.
  await e.goto(itemUrl);
  assert.match(await e.textContent('ol.history'), /Đề nghị ghi rõ giờ mở cửa/);
  await e.fill('#noi_dung', 'Mỗi sáng thứ bảy, từ 7 giờ 30 đến 11 giờ, đoàn viên thanh niên hướng dẫn người dân nộp hồ sơ.');
  await Promise.all([e.waitForURL(/da-luu/), e.click(`form[action="${new URL(itemUrl).pathname}"] button[type="submit"]`)]);
  await Promise.all([e.waitForURL(/da-luu/), e.click('form[action$="/gui"] button')]);
  assert.match(await e.textContent('dl.facts'), /Chờ duyệt/);

  // The board publishes it now.
  await b.goto(itemUrl);
  await b.click('summary:has-text("Duyệt và đăng")');
  await Promise.all([b.waitForURL(/da-luu/), b.click('form[action$="/duyet"] button[type="submit"]')]);
  assert.match(await b.textContent('dl.facts'), /Đã đăng/);
  await boardContext.close();
  await editorContext.close();

  // An anonymous reader without JavaScript searches without diacritics.
  const readerContext = await browser.newContext({ javaScriptEnabled: false });
  const r = await readerContext.newPage();
  await r.goto(base + '/cong-thong-tin');
  await r.fill('#tim-nhanh', 'diem ho tro dich vu cong truc tuyen quyet tien');
  await Promise.all([r.waitForURL(/tim-kiem/), r.click('form.portal-search button')]);
  assert.match(await r.textContent('main'), /Tìm thấy 1 kết quả/);
  assert.equal(await r.locator('ol.results mark').first().textContent(), 'điểm');
  await Promise.all([r.waitForURL(/bai-viet/), r.click(`ol.results a`)]);
  assert.equal((await r.textContent('h1')).trim(), title);
  assert.match(await r.textContent('main'), /từ 7 giờ 30 đến 11 giờ/);
  assert.match(await r.textContent('main'), /Phường Trảng Dài/);
  await readerContext.close();
});

test('an item edited and saved again keeps its text byte for byte, markdown included', async () => {
  const context = await browser.newContext();
  const e = await context.newPage();
  await signIn(e, 'demo.ctvxa', 'demo-editor-dongnai');
  const body = '## Kết quả\n\n- Tỷ lệ hồ sơ trực tuyến: 82 %\n- Đúng hạn: 97 %\n\nĐoạn thứ hai,\nxuống dòng trong đoạn.';
  const summary = 'Dòng một.\nDòng hai.';
  await e.goto(base + '/bien-tap/moi');
  await e.fill('#tieu_de', 'Kết quả sáu tháng tại Phường Trảng Dài');
  await e.selectOption('#chuyen_muc', { label: 'Xây dựng chính quyền điện tử, chính quyền số' });
  await e.fill('#tom_tat', summary);
  await e.fill('#noi_dung', body);
  await Promise.all([e.waitForURL(/\/bien-tap\/\d+\?da-luu/), e.click('form.stacked button[type="submit"]')]);
  const itemUrl = e.url().replace(/\?.*$/, '');
  // Saved three times over without a change: the text stays as typed.
  for (let round = 0; round < 3; round++) {
    assert.equal(await e.inputValue('#noi_dung'), body);
    assert.equal(await e.inputValue('#tom_tat'), summary);
    await Promise.all([e.waitForURL(/da-luu/), e.click(`form[action="${new URL(itemUrl).pathname}"] button[type="submit"]`)]);
  }
  assert.equal(await e.inputValue('#noi_dung'), body);
  // The preview renders the markdown: a heading and two list items.
  assert.equal((await e.textContent('.article-preview h2')).trim(), 'Kết quả');
  assert.equal(await e.locator('.article-preview li').count(), 2);
  assert.doesNotMatch(await e.textContent('.article-preview'), /##/);
  await context.close();
});

test('portal pages pass axe', async () => {
  const problems = [];
  const reader = await browser.newContext({ bypassCSP: true });
  const page = await reader.newPage();
  await page.goto(base + '/cong-thong-tin');
  const article = await page.locator('ul.cards a').first().getAttribute('href');
  for (const path of ['/cong-thong-tin', '/cong-thong-tin/chuyen-muc/chinh-quyen-so', article, `${article}/ban-in`,
    '/cong-thong-tin/van-ban', '/cong-thong-tin/tim-kiem?q=mot+cua']) {
    problems.push(...await axeViolations(page, base + path));
  }
  await reader.close();
  const board = await browser.newContext({ bypassCSP: true });
  const b = await board.newPage();
  await signIn(b, 'demo.banbientap', 'demo-editorial_board-dongnai');
  await b.goto(base + '/bien-tap');
  const queued = await b.locator('#cho-duyet ~ div a').first().getAttribute('href');
  for (const path of ['/bien-tap', '/bien-tap/moi', queued, '/bien-tap/chuyen-muc', '/bien-tap/van-ban', '/bien-tap/so-ket']) {
    problems.push(...await axeViolations(b, base + path));
  }
  await board.close();
  assert.deepEqual(problems, []);
});
