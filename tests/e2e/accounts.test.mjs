// Journey: the demo administrator signs in, adds a user for a commune; that
// user signs in and cannot open another commune's page. Plain HTML forms,
// JavaScript off, as a user without it would.
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

test('admin adds a commune user, who cannot open another commune', async () => {
  const adminContext = await browser.newContext({ javaScriptEnabled: false });
  const admin = await adminContext.newPage();
  await signIn(admin, 'demo.admin', 'demo-admin-dongnai');
  await admin.click('nav a[href="/nguoi-dung"]');
  assert.equal(await admin.textContent('h1'), 'Người dùng');
  await admin.fill('#username', 'le.thi.hoa');
  await admin.fill('#display_name', 'Lê Thị Hoa');
  await admin.selectOption('#unit', 'P-TRANGDAI');
  await admin.check('input[name="role"][value="unit_officer"]');
  await admin.click('form[action="/nguoi-dung"] button[type="submit"]');
  assert.match(await admin.textContent('[role="status"]'), /Đã tạo người dùng le\.thi\.hoa/);
  const password = (await admin.textContent('.secret')).trim();
  assert.equal(password.length, 16);
  await adminContext.close();

  const userContext = await browser.newContext({ javaScriptEnabled: false });
  const user = await userContext.newPage();
  await signIn(user, 'le.thi.hoa', password);
  assert.match(await user.textContent('nav .account'), /Lê Thị Hoa/);
  // The navigation offers what the role may use, and nothing else.
  assert.equal(await user.locator('nav a[href="/nguoi-dung"]').count(), 0);
  await user.click('nav a[href="/don-vi"]');
  assert.match(await user.textContent('.tree'), /Phường Trảng Dài/);
  const own = await user.goto(base + '/don-vi/P-TRANGDAI');
  assert.equal(own.status(), 200);
  const other = await user.goto(base + '/don-vi/P-TAMHIEP');
  assert.equal(other.status(), 403);
  assert.equal(await user.textContent('h1'), 'Không có quyền truy cập');
  // Signing out ends the session.
  await user.goto(base + '/');
  await user.click('button:has-text("Đăng xuất")');
  const after = await user.goto(base + '/don-vi');
  assert.match(after.url(), /\/dang-nhap\?tiep=%2Fdon-vi/);
  await userContext.close();
});

test('signed-in pages pass axe-core WCAG 2.1 A and AA checks', async () => {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const problems = [...await axeViolations(page, base + '/dang-nhap')];
  await signIn(page, 'demo.admin', 'demo-admin-dongnai');
  for (const path of ['/don-vi', '/don-vi?q=trang+dai', '/don-vi/P-TRANGDAI', '/don-vi/TRANGDAI', '/don-vi/TRANGDAI/sua',
    '/nguoi-dung', '/nguoi-dung/demo.canbo', '/nhat-ky', '/doi-mat-khau', '/quan-tri/don-vi/nhap']) {
    problems.push(...await axeViolations(page, base + path));
  }
  assert.deepEqual(problems, []);
  await context.close();
});
