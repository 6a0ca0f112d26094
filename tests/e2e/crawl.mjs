// The layout crawl the layout*.test.mjs files share (issue "What officials
// and citizens meet", bug 3 and its screenshot check): for a role, a crawl
// of every page reachable by links from the home page, one page per route
// shape (numbers in the path count as one shape), at 1 366 px and at 390 px.
// A page passes when the document is no wider than the window (nothing
// scrolls sideways; wide tables scroll inside their own region) and it
// answered below 500. The roles are spread over several files so that ctest
// runs their crawls side by side.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, signIn } from './support.mjs';

export const widths = [1366, 390];
// Links that leave the page (downloads, sign-out) or change state on GET.
const skipped = /\/dang-xuat|\.(xlsx|docx|pdf|csv|json|png|jpe?g|ics|xml)$|\/tai-ve|\/xuat|\/minh-chung\/\d+$|\/tep\//;
const shapeOf = (url) => {
  const u = new URL(url);
  const keys = [...u.searchParams.keys()].sort().join('&');
  return u.pathname.replace(/\d+/g, 'N') + (keys ? '?' + keys : '');
};

// Crawls from `start`; returns the pages visited and the failures found.
async function crawl(page, start, limit) {
  const origin = new URL(start).origin;
  const seen = new Set([shapeOf(start)]);
  const queue = [start];
  const failures = [];
  let visited = 0;
  while (queue.length > 0 && visited < limit) {
    const url = queue.shift();
    await page.setViewportSize({ width: widths[0], height: 900 });
    let response;
    try {
      response = await page.goto(url);
    } catch (e) {
      if (/Download is starting/.test(e.message)) continue;  // a file, not a page
      throw e;
    }
    visited++;
    const path = new URL(url).pathname + new URL(url).search;
    if (!response || response.status() >= 500) failures.push(`${path}: status ${response?.status()}`);
    const type = response?.headers()['content-type'] ?? '';
    if (!type.startsWith('text/html')) continue;
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      const [doc, win] = await page.evaluate(() =>
        [document.documentElement.scrollWidth, window.innerWidth]);
      if (doc > win) failures.push(`${path}: ${doc} px wide at ${width} px`);
    }
    const links = await page.$$eval('a[href]', (as) => as.map((a) => a.href));
    for (const link of links) {
      const clean = link.replace(/#.*$/, '');
      if (!clean.startsWith(origin) || skipped.test(new URL(clean).pathname) || /dinh-dang=/.test(clean)) continue;
      const shape = shapeOf(clean);
      if (seen.has(shape)) continue;
      seen.add(shape);
      queue.push(clean);
    }
  }
  return { visited, failures };
}

// Registers, for each [who, [username, password] or null], the crawl as a
// test, on a server and browser of the file's own; returns that state
// ({server, browser}, filled in before the tests run) for the file's other
// tests.
export function crawlTests(roles) {
  const state = {};
  before(async () => {
    state.server = await startServer();
    state.browser = await launchBrowser();
  });
  after(async () => {
    await state.browser?.close();
    if (state.server) assert.equal(await state.server.stop(), 0);
  });
  for (const [who, account] of roles) {
    test(`no page scrolls sideways for ${who}, at 1 366 and at 390 px`, async (t) => {
      const context = await state.browser.newContext();
      const page = await context.newPage();
      if (account) await signIn(page, state.server.base, ...account);
      const { visited, failures } = await crawl(page, state.server.base + '/', 120);
      await context.close();
      t.diagnostic(`${visited} pages, one per route shape`);
      assert.ok(visited >= 5, `only ${visited} pages reached`);
      assert.deepEqual(failures, []);
    });
  }
  return state;
}
