// Shared by the browser tests: a real cchc server on a free port with the
// demo data in a fresh SQLite file, and Debian's Chromium through
// playwright-core (flags for this machine's closed network).
import { spawn, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

export const require = createRequire(join(process.cwd(), 'frontend', 'package.json'));
const { chromium } = require('playwright-core');
const binary = process.env.CCHC_BINARY ?? 'build/cchc';

// Starts cchc on the demo data, with `env` added to the environment;
// resolves to { base, stop }. stop() sends SIGTERM and resolves to the exit
// code.
export async function startServer({ env = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-e2e-'));
  const db = join(dir, 'cchc.db');
  // ctest's fixture made the demo database once for the run
  // (CCHC_TEST_DEMO_DIR); run by hand, each server makes its own.
  const made = process.env.CCHC_TEST_DEMO_DIR && join(process.env.CCHC_TEST_DEMO_DIR, 'demo.db');
  if (made) {
    if (!existsSync(made)) throw new Error(`the demo fixture is missing: ${made}`);
    copyFileSync(made, db);
    if (existsSync(made + '-wal')) copyFileSync(made + '-wal', db + '-wal');
  } else {
    execFileSync(binary, ['demo', '--db', db], { stdio: 'ignore' });
  }
  const server = spawn(binary, ['serve', '--db', db, '--port', '0', '--no-access-log', '--daily', 'off'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const base = await new Promise((resolve, reject) => {
    let seen = '';
    server.stdout.on('data', (chunk) => {
      seen += chunk;
      const m = seen.match(/listening on (http:\/\/\S+)/);
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`cchc exited with ${code}`)));
    setTimeout(() => reject(new Error('cchc did not start')), 10000);
  });
  const stop = async () => {
    const exited = new Promise((resolve) => server.on('exit', resolve));
    server.kill('SIGTERM');
    const code = await exited;
    rmSync(dir, { recursive: true, force: true });
    return code;
  };
  return { base, stop };
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// axe-core's WCAG 2.1 A and AA violations on the page at `url`, as lines.
export async function axeViolations(page, url) {
  await page.goto(url);
  await page.addScriptTag({ content: require('axe-core').source });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const path = new URL(url).pathname + new URL(url).search;
  return result.violations.map((v) => `${path}: ${v.id} (${v.nodes.length}) ${v.help}`);
}

// Signs in through the sign-in page; resolves once it has left it.
export async function signIn(page, base, username, password) {
  await page.goto(base + '/dang-nhap');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap')),
    page.click('form[action="/dang-nhap"] button[type="submit"]')]);
}
