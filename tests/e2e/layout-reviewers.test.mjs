// Every page fits its window, for an appraiser, the editorial board and the administrator (the crawl is
// tests/e2e/crawl.mjs).
import { crawlTests } from './crawl.mjs';

crawlTests([
  ['an appraiser', ['demo.thamdinh', 'demo-appraiser-dongnai']],
  ['the editorial board', ['demo.banbientap', 'demo-editorial_board-dongnai']],
  ['the administrator', ['demo.admin', 'demo-admin-dongnai']],
]);
