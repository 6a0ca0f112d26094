// Every page fits its window, for a citizen and the coordinator (the crawl
// is tests/e2e/crawl.mjs; layout-units and layout-reviewers take the other
// roles), and the portal home with its figures column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crawlTests, widths } from './crawl.mjs';

const state = crawlTests([
  ['a citizen', null],
  ['the coordinator', ['demo.dieuphoi', 'demo-coordinator-dongnai']],
]);

test('the portal home fits a 1 366 px window and a 390 px phone, figures column included', async () => {
  const context = await state.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(state.server.base + '/cong-thong-tin');
    const [doc, win, figuresRight] = await page.evaluate(() => [
      document.documentElement.scrollWidth, window.innerWidth,
      Math.max(...[...document.querySelectorAll('dl.facts')].map((d) => d.getBoundingClientRect().right))]);
    assert.ok(doc <= win, `${doc} px wide at ${width} px`);
    assert.ok(figuresRight <= win, `figures end at ${figuresRight} px at ${width} px`);
  }
  await context.close();
});
