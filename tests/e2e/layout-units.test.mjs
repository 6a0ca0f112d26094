// Every page fits its window, for a unit officer and a leader (the crawl is
// tests/e2e/crawl.mjs).
import { crawlTests } from './crawl.mjs';

crawlTests([
  ['a unit officer', ['demo.canbo', 'demo-unit_officer-dongnai']],
  ['a leader', ['demo.lanhdao', 'demo-unit_leader-dongnai']],
]);
