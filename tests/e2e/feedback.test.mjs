// Journey (issue "Citizen feedback"): a citizen, without JavaScript, sends
// feedback and keeps the private link; the ward's officer takes it and
// asks for a clarification (the clock pauses); the citizen answers through
// the link; the officer drafts the answer and the ward's leader approves
// and publishes it; a reader finds it typing without diacritics, with no
// trace of the citizen's name or phone; the citizen rates the answer. Then
// every feedback page passes axe (WCAG 2.1 AA).
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
const content = 'Hẻm 42 đường Bùi Văn Hòa ngập sâu sau mỗi cơn mưa vì cống rãnh bị lấp, đề nghị khơi thông cống rãnh.';
let privateLink, code, caseUrl;

async function step(page, action, fill = {}) {
  for (const [selector, value] of Object.entries(fill)) await page.fill(selector, value);
  await Promise.all([page.waitForURL(/\/xu-ly-phan-anh\/\d+$/), page.click(`form[action$="/${action}"] button[type="submit"]`)]);
}

test('a citizen sends, is asked, answers; the ward answers and publishes; a reader finds it; the citizen rates it', async () => {
  // The citizen sends the feedback from a phone, without JavaScript.
  const citizenContext = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const c = await citizenContext.newPage();
  await c.goto(base + '/phan-anh');
  await c.selectOption('#linh_vuc', 'xay-dung');
  await c.selectOption('#dia_ban', { label: 'Phường Trảng Dài' });
  await c.fill('#noi_dung', content);
  await c.fill('#ho_ten', 'Trần Thị Hạnh');
  await c.fill('#dien_thoai', '0903 456 789');
  await c.check('input[name="dong_y"]');
  await c.check('input[name="cong_khai"]');
  await Promise.all([c.waitForURL(/\/phan-anh\/theo-doi\/[^/?]+\?moi=1$/), c.click('form[action="/phan-anh"] button[type="submit"]')]);
  privateLink = c.url().replace(/\?.*$/, '');
  code = (await c.textContent('.tracking-code')).trim();
  assert.match(code, /^PA-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  assert.match(await c.textContent('dl.facts'), /Mới tiếp nhận/);
  assert.match(await c.textContent('dl.facts'), /Phường Trảng Dài/);

  // The ward's officer finds it in the queue, takes it and asks a question.
  const officerContext = await browser.newContext();
  const o = await officerContext.newPage();
  await signIn(o, 'demo.canbo', 'demo-unit_officer-dongnai');
  await o.goto(base + '/xu-ly-phan-anh');
  await Promise.all([o.waitForURL(/\/xu-ly-phan-anh\/\d+$/), o.click(`table a:has-text("${code}")`)]);
  caseUrl = o.url();
  assert.match(await o.textContent('dl.facts'), /Trần Thị Hạnh/);  // officials see who sent it
  await step(o, 'assign');
  assert.match(await o.textContent('dl.facts'), /Đang xử lý/);
  await step(o, 'ask_clarification', { '#cau_hoi': 'Đề nghị bà cho biết đoạn hẻm bị ngập dài bao nhiêu mét?' });
  assert.match(await o.textContent('dl.facts'), /Chờ người dân bổ sung/);
  assert.match(await o.textContent('dl.facts'), /tạm dừng tính thời hạn/);

  // The citizen sees the question through the private link and answers.
  await c.goto(privateLink);
  assert.match(await c.textContent('main'), /dài bao nhiêu mét/);
  await c.fill('#bo_sung', 'Khoảng 80 mét, từ số nhà 42/3 đến 42/15.');
  await Promise.all([c.waitForURL(/da-gui=1/), c.click('form[action$="/bo-sung"] button[type="submit"]')]);
  assert.match(await c.textContent('dl.facts'), /Đang xử lý/);

  // The officer drafts the answer; the leader approves and publishes it.
  await o.goto(caseUrl);
  assert.match(await o.textContent('main'), /Khoảng 80 mét/);
  await step(o, 'draft', { '#tra_loi': 'Ngày 05/12, UBND phường đã cho nạo vét, khơi thông toàn bộ cống rãnh hẻm 42. Bà Trần Thị Hạnh có thể liên hệ 0903 456 789 nếu còn ngập.' });
  assert.match(await o.textContent('dl.facts'), /Chờ lãnh đạo duyệt/);
  await officerContext.close();
  const leaderContext = await browser.newContext();
  const l = await leaderContext.newPage();
  await signIn(l, 'demo.lanhdao', 'demo-unit_leader-dongnai');
  await l.goto(caseUrl);
  assert.ok(await l.isChecked('form[action$="/approve"] input[name="cong_khai"]'));
  await step(l, 'approve');
  assert.match(await l.textContent('dl.facts'), /Đã trả lời/);
  assert.match(await l.textContent('dl.facts'), /đã công khai/);
  await leaderContext.close();

  // A reader, without JavaScript, finds it typing without diacritics.
  const readerContext = await browser.newContext({ javaScriptEnabled: false });
  const r = await readerContext.newPage();
  await r.goto(base + '/phan-anh/da-tra-loi?q=khoi+thong+cong+ranh+hem+42');
  assert.match(await r.textContent('main'), /1 câu trả lời/);
  await Promise.all([r.waitForURL(new RegExp(`/phan-anh/da-tra-loi/${code}$`)), r.click(`ol.results a:has-text("${code}")`)]);
  const published = await r.textContent('main');
  assert.match(published, /khơi thông toàn bộ cống rãnh/);
  for (const pii of ['Trần Thị Hạnh', '0903', '456 789']) assert.ok(!published.includes(pii), pii);
  assert.match(published, /\[đã ẩn\]/);
  // The lookup by code shows the status, and links to the published answer.
  await r.goto(base + '/phan-anh/tra-cuu?ma=' + code.toLowerCase().replace(/-/g, ' '));
  assert.match(await r.textContent('dl.facts'), /Đã trả lời/);
  assert.ok(!(await r.textContent('main')).includes('Trần Thị Hạnh'));
  await readerContext.close();

  // The citizen rates the answer through the private link.
  await c.goto(privateLink);
  assert.match(await c.textContent('main'), /khơi thông toàn bộ cống rãnh/);
  await c.check('input[name="muc"][value="satisfied"]');
  await Promise.all([c.waitForURL(/da-gui=1/), c.click('form[action$="/danh-gia"] button[type="submit"]')]);
  assert.match(await c.textContent('main'), /Bạn đã đánh giá: Hài lòng/);
  assert.equal(await c.locator('form[action$="/danh-gia"]').count(), 0);
  await citizenContext.close();
});

test('feedback pages pass axe', async () => {
  const problems = [];
  const citizen = await browser.newContext({ bypassCSP: true });
  const page = await citizen.newPage();
  for (const path of ['/phan-anh', '/phan-anh/tra-cuu', `/phan-anh/tra-cuu?ma=${code}`, '/phan-anh/da-tra-loi',
    `/phan-anh/da-tra-loi/${code}`, new URL(privateLink).pathname]) {
    problems.push(...await axeViolations(page, base + path));
  }
  await citizen.close();
  const admin = await browser.newContext({ bypassCSP: true });
  const a = await admin.newPage();
  await signIn(a, 'demo.admin', 'demo-admin-dongnai');
  await a.goto(base + '/xu-ly-phan-anh');
  const open = await a.locator('table a').first().getAttribute('href');
  for (const path of ['/xu-ly-phan-anh', '/xu-ly-phan-anh?trang-thai=tat-ca', open, new URL(caseUrl).pathname,
    '/xu-ly-phan-anh/tiep-nhan', '/xu-ly-phan-anh/linh-vuc', '/xu-ly-phan-anh/thong-ke', '/xu-ly-phan-anh/nhap']) {
    problems.push(...await axeViolations(a, base + path));
  }
  await admin.close();
  assert.deepEqual(problems, []);
});

test('with the proof of work on, a browser with JavaScript sends; one without is told why, and nothing is kept', async () => {
  const guarded = await startServer({ env: { CCHC_FEEDBACK_POW_BITS: '12' } });
  try {
    const fill = async (p) => {
      await p.goto(guarded.base + '/phan-anh');
      await p.selectOption('#linh_vuc', 'cong-vu');
      await p.fill('#noi_dung', 'Cán bộ tiếp nhận hồ sơ hẹn trả kết quả nhưng không đúng hẹn nhiều lần.');
      await p.fill('#ho_ten', 'Người dân thử');
      await p.fill('#email', 'nguoidan.pow@example.org');
      await p.check('input[name="dong_y"]');
    };
    const withJs = await browser.newContext();
    const a = await withJs.newPage();
    await fill(a);
    await Promise.all([a.waitForURL(/\/phan-anh\/theo-doi\/[^/?]+\?moi=1$/, { timeout: 30000 }),
      a.click('form[action="/phan-anh"] button[type="submit"]')]);
    assert.match(await a.textContent('.tracking-code'), /^PA-/);
    await withJs.close();

    const withoutJs = await browser.newContext({ javaScriptEnabled: false });
    const b = await withoutJs.newPage();
    await fill(b);
    // (Chromium's parser still treats <noscript> as text with script execution off: read the markup.)
    assert.match(await b.content(), /<noscript>.*cần JavaScript/s);
    const [response] = await Promise.all([b.waitForNavigation(), b.click('form[action="/phan-anh"] button[type="submit"]')]);
    assert.equal(response.status(), 422);
    assert.match(await b.textContent('[role="alert"]'), /Chưa xác minh được/);
    assert.equal(await b.inputValue('#noi_dung'), 'Cán bộ tiếp nhận hồ sơ hẹn trả kết quả nhưng không đúng hẹn nhiều lần.');
    await withoutJs.close();
  } finally {
    assert.equal(await guarded.stop(), 0);
  }
});
