// The resilience suite's full-size forms (scripts/resilience.sh runs this,
// once a backend): the attacks of issue 33 at their measured sizes against
// a running `cchc serve`, then the kill -9 matrix. Node's own modules only.
//
//   node scripts/resilience.mjs attacks BASE PID SECONDS OFFICER_PASSWORD
//   node scripts/resilience.mjs writers BASE TOKEN OPEN311_KEY SECONDS STATE.json
//   node scripts/resilience.mjs verify  BASE TOKEN STATE.json
//
// attacks: each attack in turn while a probe asks /healthz every 50 ms;
//   prints a line an attack (status seen, server alive, slowest health
//   answer, peak RSS so far) and exits 1 if the server died or a health
//   probe went unanswered for 2 s.
// writers: concurrent API dossier batches and Open311 cases for SECONDS,
//   appending what the server acknowledged to STATE.json (run while the
//   script kills the server).
// verify: every acknowledged dossier is there (each acknowledged batch sent
//   again is all unchanged: nothing to write) and every acknowledged case
//   answers.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { Worker } from 'node:worker_threads';
import { deflateSync } from 'node:zlib';

const [mode, base, ...rest] = process.argv.slice(2);
const url = new URL(base);

function request(method, path, { headers = {}, body = '' } = {}, timeoutMs = 120000) {
  return new Promise((resolve) => {
    const req = http.request(
      { host: url.hostname, port: url.port, method, path, headers: { ...headers, 'Content-Length': Buffer.byteLength(body) } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, error: e.message, body: '' }));
    req.end(body);
  });
}

function peakRss(pid) {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
    return m ? Math.round(Number(m[1]) / 1024) : -1;
  } catch {
    return -1;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// A probe of /healthz every 50 ms, each on a new connection as a load
// balancer's would be, from a worker thread of its own (so the attacks'
// own work in this process does not delay it): the median, 99th
// percentile and slowest answer, and how many took over 2 s or failed.
const probeSource = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const times = [];
let failed = 0, stop = false;
parentPort.on('message', () => { stop = true; });
function once() {
  return new Promise((resolve) => {
    const t = process.hrtime.bigint();
    const req = http.get({ host: workerData.host, port: workerData.port, path: '/healthz', headers: { Connection: 'close' } }, (res) => {
      res.resume();
      res.on('end', () => { times.push(Number(process.hrtime.bigint() - t) / 1e6); if (res.statusCode !== 200) failed++; resolve(); });
    });
    req.setTimeout(2000, () => req.destroy(new Error('timeout')));
    req.on('error', () => { failed++; resolve(); });
  });
}
(async () => {
  while (!stop) {
    await once();
    await new Promise((r) => setTimeout(r, 50));
  }
  parentPort.postMessage({ times, failed });
})();
`;

function healthProbe() {
  const worker = new Worker(probeSource, { eval: true, workerData: { host: url.hostname, port: Number(url.port) } });
  const done = new Promise((resolve) => worker.once('message', resolve));
  return {
    async end() {
      worker.postMessage('stop');
      const { times, failed } = await done;
      await worker.terminate();
      times.sort((a, b) => a - b);
      const at = (q) => (times.length ? times[Math.min(times.length - 1, Math.floor(q * times.length))] : NaN).toFixed(1);
      return { p50: at(0.5), p99: at(0.99), slowest: at(1), probes: times.length, failed };
    },
  };
}

function nested(depth) {
  let out = '';
  for (let i = 0; i < depth; i++) {
    out += `--B${i}\r\nContent-Disposition: form-data; name="x"\r\nContent-Type: multipart/mixed; boundary=B${i + 1}\r\n\r\n`;
  }
  return out;
}

function pdfBomb(lines) {
  // The same flate bomb as tests/support/hostile.h, deflated by zlib.
  {
    const content = 'BT /F1 12 Tf 72 720 Td ' + '(Hello world) Tj 0 -0.0005 Td '.repeat(lines) + 'ET';
    const stream = deflateSync(Buffer.from(content), { level: 9 });
    const objects = [
      Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
      Buffer.from('<< /Type /Pages /Kids [4 0 R] /Count 1 >>'),
      Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'),
      Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 3 0 R >> >> >>'),
      Buffer.concat([Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`), stream, Buffer.from('\nendstream')]),
    ];
    const parts = [Buffer.from('%PDF-1.4\n')];
    let size = parts[0].length;
    const offsets = [];
    objects.forEach((o, i) => {
      offsets.push(size);
      const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), o, Buffer.from('\nendobj\n')]);
      parts.push(b);
      size += b.length;
    });
    let xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    for (const o of offsets) xref += `${String(o).padStart(10, '0')} 00000 n \n`;
    xref += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`;
    parts.push(Buffer.from(xref));
    return Buffer.concat(parts);
  }
}

async function signIn(user, password) {
  const page = await request('GET', '/dang-nhap');
  let cookie = (page.headers['set-cookie'] || []).map((c) => c.split(';')[0]).join('; ');
  const csrf = (page.body.match(/name="_csrf" value="([^"]+)"/) || [])[1];
  const r = await request('POST', '/dang-nhap', {
    headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: `username=${user}&password=${encodeURIComponent(password)}&_csrf=${csrf}`,
  });
  cookie = (r.headers['set-cookie'] || []).map((c) => c.split(';')[0]).join('; ') || cookie;
  const form = await request('GET', '/doc-van-ban', { headers: { Cookie: cookie } });
  return { cookie, csrf: (form.body.match(/name="_csrf" value="([^"]+)"/) || [])[1] };
}

function multipartFile(csrf, name, bytes) {
  const b = '----cchc-resilience';
  const head = `--${b}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--${b}\r\n` +
    `Content-Disposition: form-data; name="tep"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`;
  return { type: `multipart/form-data; boundary=${b}`, body: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${b}--\r\n`)]) };
}

async function slowConnections(count, holdMs) {
  const sockets = [];
  for (let i = 0; i < count; i++) {
    const s = net.connect({ host: url.hostname, port: Number(url.port) });
    s.on('error', () => {});
    s.write('GET / HTTP/1.1\r\nHost: x\r\n');
    sockets.push(s);
  }
  await new Promise((res) => setTimeout(res, holdMs));
  for (const s of sockets) s.destroy();
  return { status: `${count} held` };
}

async function attacks(pid, seconds, officerPassword) {
  const big = 'a&'.repeat(5 * 1024 * 1024);
  const deep = nested(60000);
  const session = await signIn('demo.canbo', officerPassword);
  const bomb = pdfBomb(400000);
  const list = [
    ['nested multipart 7 MB to /dang-nhap', () => request('POST', '/dang-nhap', { headers: { 'Content-Type': 'multipart/form-data; boundary=B0' }, body: deep })],
    ['nested multipart 7 MB to /phan-anh', () => request('POST', '/phan-anh', { headers: { 'Content-Type': 'multipart/form-data; boundary=B0' }, body: deep })],
    ['nested multipart 7 MB to Open311', () => request('POST', '/open311/v2/requests.json', { headers: { 'Content-Type': 'multipart/form-data; boundary=B0' }, body: deep })],
    ['4 × 10 MB urlencoded to /dang-nhap', async () => {
      const all = await Promise.all([0, 1, 2, 3].map(() => request('POST', '/dang-nhap', { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: big })));
      return { status: all.map((r) => r.status).join(',') };
    }],
    ['1 100 slow connections for 15 s', () => slowConnections(1100, 15000)],
    ['3 PDF bombs (400 000 lines) by one officer', async () => {
      const { type, body } = multipartFile(session.csrf, 'bom.pdf', bomb);
      const all = await Promise.all([0, 1, 2].map(() => request('POST', '/doc-van-ban', { headers: { Cookie: session.cookie, 'Content-Type': type }, body })));
      return { status: all.map((r) => r.status).join(',') };
    }],
    ['3 000 anonymous GET /dang-nhap', async () => {
      for (let i = 0; i < 3000; i += 50) await Promise.all(Array.from({ length: 50 }, () => request('GET', '/dang-nhap')));
      return { status: 'done' };
    }],
    ['300 random methods against /metrics labels', async () => {
      for (let i = 0; i < 300; i++) await request(`X${i}METHOD`, '/');
      const m = await request('GET', '/metrics');
      return { status: `${m.body.split('\n').filter((l) => l.startsWith('cchc_http_requests_total')).length} series` };
    }],
  ];
  const deadline = Date.now() + seconds * 1000;
  let failed = false;
  do {
    for (const [name, run] of list) {
      // Each attack sustained for 3 s at least (a short one again and
      // again), so the probe sees the server while it lasts.
      const probe = healthProbe();
      const started = Date.now();
      let r, times = 0;
      do {
        r = await run();
        times++;
      } while (Date.now() - started < 3000 && alive(pid));
      const health = await probe.end();
      const ok = alive(pid) && health.failed === 0;
      failed ||= !ok;
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${r.status}${r.error ? ` (${r.error})` : ''}, ${times} × in ${Date.now() - started} ms; ` +
        `/healthz ${health.probes} probes: median ${health.p50} ms, p99 ${health.p99} ms, slowest ${health.slowest} ms, ` +
        `${health.failed} unanswered; peak RSS ${peakRss(pid)} MB`);
      if (!alive(pid)) return 1;
    }
  } while (Date.now() < deadline);
  return failed ? 1 : 0;
}

function dossier(id) {
  return JSON.stringify({
    id, unit_code: 'P-TRANGDAI', procedure_code: '2.000123', channel: 'online', online_service: 'full',
    received_at: '2025-05-02T08:00:00+07:00', due_at: '2025-05-09T17:00:00+07:00', finished_at: '2025-05-09T17:00:00+07:00',
    status: 'finished', digitized: true, result_digitized: 1, fee_required: 0, paid_online: 0, rating: 'very_satisfied',
    apology_sent: 0,
  });
}

async function writers(token, key, seconds, stateFile) {
  const state = fs.existsSync(stateFile) ? JSON.parse(fs.readFileSync(stateFile, 'utf8')) : { batches: [], cases: [] };
  const deadline = Date.now() + seconds * 1000;
  const save = () => fs.writeFileSync(stateFile, JSON.stringify(state));
  const batchWriter = async (w) => {
    for (let n = 0; Date.now() < deadline; n++) {
      const prefix = `R-${process.pid}-${w}-${n}`;
      const ids = Array.from({ length: 500 }, (_, i) => `${prefix}-${i}`);
      const r = await request('POST', '/api/v1/dossiers', {
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/x-ndjson' },
        body: ids.map(dossier).join('\n') + '\n',
      }, 10000);
      if (r.status === 200) { state.batches.push(prefix); save(); }
    }
  };
  const caseWriter = async () => {
    for (let n = 0; Date.now() < deadline; n++) {
      const body = new URLSearchParams({
        api_key: key, service_code: 'xay-dung', description: 'Đèn đường trước nhà số 5 không sáng đã hai tuần.',
        address_string: 'Khu phố 3, phường Trảng Dài', email: `nguoidan.${process.pid}.${n}@example.org`,
      }).toString();
      const r = await request('POST', '/open311/v2/requests.json', { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body }, 10000);
      if (r.status === 201 || r.status === 200) {
        const id = JSON.parse(r.body)[0].service_request_id;
        if (id) { state.cases.push(id); save(); }
      }
    }
  };
  await Promise.all([batchWriter(0), batchWriter(1), caseWriter()]);
  return 0;
}

async function verify(token, stateFile) {
  const state = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
  let lost = 0;
  for (const prefix of state.batches) {
    const ids = Array.from({ length: 500 }, (_, i) => `${prefix}-${i}`);
    const r = await request('POST', '/api/v1/dossiers', {
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/x-ndjson' },
      body: ids.map(dossier).join('\n') + '\n',
    });
    const answer = JSON.parse(r.body || '{}');
    if (answer.unchanged !== 500) { lost++; console.log(`lost: batch ${prefix} (${r.body.slice(0, 200)})`); }
  }
  for (const id of state.cases) {
    const r = await request('GET', `/open311/v2/requests/${id}.json`);
    if (r.status !== 200) { lost++; console.log(`lost: case ${id} (${r.status})`); }
  }
  console.log(`acknowledged: ${state.batches.length} batches (${state.batches.length * 500} dossiers), ${state.cases.length} cases; lost: ${lost}`);
  return lost ? 1 : 0;
}

let code = 2;
if (mode === 'attacks') code = await attacks(Number(rest[0]), Number(rest[1]), rest[2]);
else if (mode === 'writers') code = await writers(rest[0], rest[1], Number(rest[2]), rest[3]);
else if (mode === 'verify') code = await verify(rest[0], rest[1]);
else console.error('usage: resilience.mjs attacks|writers|verify …');
process.exit(code);
