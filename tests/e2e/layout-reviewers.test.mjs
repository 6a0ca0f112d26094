// Every page fits its window, for an appraiser and the editorial board (the crawl is
// tests/e2e/crawl.mjs).
import { crawlTests } from './crawl.mjs';

crawlTests([
  ['an appraiser', ['demo.thamdinh', 'demo-appraiser-dongnai']],
  ['the editorial board', ['demo.banbientap', 'demo-editorial_board-dongnai']],
]);
