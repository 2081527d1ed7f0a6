// Hostile input against the real `jae-ocr serve` (issue 12, part A): every case is sent,
// its answer checked, and the service's peak RSS (VmHWM, reset before each case through
// /proc/PID/clear_refs) and the time it took recorded. Zero crashes: /healthz must answer
// after every case. Prints the table case → answer → peak RSS → time (markdown).
//
// Usage (through ctest): node hostile-service.mjs MAKE_TEST_JPEG MAKE_FIXTURE
// JAE_HOSTILE_ONLY=substring runs only the matching cases.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import {
  check, fail, startBackends, startServer, objectData, testJpeg, tempDir, sleep,
} from '../node/service-lib.mjs';

const RSS_LIMIT_MB = 256;
const fixtureTool = process.argv[3];
function fixture(kind) {
  const out = path.join(tempDir('jae-hostile-'), kind);
  const r = spawnSync(fixtureTool, [kind, out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`make_fixture ${kind}: ${r.stderr}`);
  return fs.readFileSync(out);
}

const JPEG = testJpeg();
const SRC = 'inbox-bucket';
const RES = 'results-bucket';
const backends = await startBackends();
const server = await startServer({ env: { ...backends.env, RESULTS_BUCKET: `gs://${RES}`, LOG_LEVEL: 'info' } });
const url = new URL(server.url);

function status(field) {
  const text = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8');
  return Number(text.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))[1]);
}
const resetPeak = () => fs.writeFileSync(`/proc/${server.pid}/clear_refs`, '5');

const ceHeaders = (id, extra = {}) => ({ 'content-type': 'application/json', 'ce-id': id,
  'ce-specversion': '1.0', 'ce-type': 'google.cloud.storage.object.v1.finalized',
  'ce-source': `//storage.googleapis.com/projects/_/buckets/${SRC}`, ...extra });

// A raw request through node:http, so that bodies can be chunked or compressed and a
// server that closes early is reported, not thrown. `body` is a Buffer, or a function
// writing a stream (chunked).
function request(method, p, { headers = {}, body, timeoutMs = 60000 } = {}) {
  return new Promise((resolve) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path: p, headers,
      agent: false }, (res) => {
      let text = '';
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.status ?? res.statusCode, text }));
      res.on('error', (e) => resolve({ status: res.statusCode, text, error: e.code }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, text: '', error: e.code ?? e.message }));
    if (typeof body === 'function') body(req);
    else req.end(body);
  });
}

// Writes `total` bytes of `fill` in 1 MiB chunks (Transfer-Encoding: chunked), stopping
// quietly when the server closes.
const chunked = (total, fill = 0x20) => (req) => {
  const chunk = Buffer.alloc(1 << 20, fill);
  let sent = 0;
  const pump = () => {
    while (sent < total) {
      sent += chunk.length;
      if (!req.write(chunk)) { req.once('drain', pump); return; }
    }
    req.end();
  };
  req.on('error', () => {});
  pump();
};

const rows = [];
function printTable() {
  console.log('\n| case | answer | peak RSS (VmHWM) | time |\n|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.name} | ${r.summary} | ${Number.isNaN(r.peakMb) ? '—' : `${r.peakMb.toFixed(0)} MB`} | ${(r.ms / 1000).toFixed(2)} s |`);
  }
}
async function hostileCase(name, run, expect) {
  if (process.env.JAE_HOSTILE_ONLY && !name.includes(process.env.JAE_HOSTILE_ONLY)) return;
  resetPeak();
  const t0 = Date.now();
  const answer = await run();
  const ms = Date.now() - t0;
  await sleep(50);
  let peakMb = NaN;
  try { peakMb = status('VmHWM') / 1024; } catch { /* the process is gone */ }
  const alive = Number.isNaN(peakMb) ? { status: 0 } : await request('GET', '/healthz', { timeoutMs: 10000 });
  const summary = Number.isNaN(peakMb) ? 'the service crashed' :
    answer.summary ?? `${answer.status}${answer.error ? ` (${answer.error})` : ''}` +
    `${answer.outcome ? ` ${answer.outcome}` : ''}`;
  rows.push({ name, summary, peakMb, ms });
  console.log(`# ${name}: ${summary}, peak RSS ${peakMb.toFixed(0)} MB, ${ms} ms`);
  // Every check runs (and the table is printed) even when one fails.
  for (const verdict of [
    () => check(alive.status === 200, `${name}: the service is alive afterwards`),
    () => check(peakMb <= RSS_LIMIT_MB, `${name}: peak RSS ${peakMb.toFixed(0)} MB <= ${RSS_LIMIT_MB} MB`),
    () => expect(answer, ms),
  ]) {
    try { verdict(); } catch { /* reported by fail(), exit status set */ }
  }
  if (alive.status !== 200) {
    printTable();
    throw new Error(`the service died during "${name}"`);
  }
}

const outcomeOf = (r) => { try { return JSON.parse(r.text).outcome ?? JSON.parse(r.text).status; } catch { return undefined; } };
const withOutcome = (r) => ({ ...r, outcome: outcomeOf(r) });

// ---- item 1: deeply nested JSON (used to SIGSEGV the process)
const DEEP = '['.repeat(200000) + ']'.repeat(200000);
await hostileCase('1 binary-mode body nested 200,000 deep', async () => withOutcome(
  await request('POST', '/', { headers: ceHeaders('d1'), body: DEEP })),
(r) => check(r.status === 200 && r.outcome === 'unusable', `answered 200 unusable (${r.status} ${r.outcome})`));
await hostileCase('1 structured-mode data nested 200,000 deep', async () => withOutcome(
  await request('POST', '/', { headers: { 'content-type': 'application/cloudevents+json' },
    body: JSON.stringify({ specversion: '1.0', type: 'google.cloud.storage.object.v1.finalized', id: 'd2',
      source: `//storage.googleapis.com/projects/_/buckets/${SRC}`, subject: 'objects/a.jpg', data: 0 })
      .replace('"data":0', `"data":${DEEP}`) })),
(r) => check(r.status === 200 && r.outcome === 'unusable', `answered 200 unusable (${r.status} ${r.outcome})`));
await hostileCase('1 push envelope nested 200,000 deep', async () => withOutcome(
  await request('POST', '/', { headers: { 'content-type': 'application/json' },
    body: `{"message":{"attributes":{},"data":"","x":${DEEP}}}` })),
(r) => check(r.status === 200 && r.outcome === 'unusable', `answered 200 unusable (${r.status} ${r.outcome})`));

// ---- item 2: bodies unbounded when chunked or compressed
const ZEROS_GZ = zlib.gzipSync(Buffer.alloc(300 << 20), { level: 9 });
await hostileCase(`2 event: gzip body ${(ZEROS_GZ.length / 1024).toFixed(0)} KB → 300 MB`, async () =>
  request('POST', '/', { headers: ceHeaders('g1', { 'content-encoding': 'gzip' }), body: ZEROS_GZ }),
(r) => check(r.status === 413, `answered 413 (${r.status})`));
await hostileCase('2 extract: gzip body → 300 MB', async () =>
  request('POST', '/v1/extract', { headers: { 'content-type': 'image/jpeg', 'content-encoding': 'gzip' }, body: ZEROS_GZ }),
(r) => check(r.status === 413, `answered 413 (${r.status})`));
await hostileCase('2 event: 300 MB chunked body', async () =>
  request('POST', '/', { headers: ceHeaders('c1', { 'transfer-encoding': 'chunked' }), body: chunked(300 << 20) }),
(r) => check(r.status === 413 || (r.status === 0 && /ECONNRESET|EPIPE/.test(r.error)),
  `answered 413 or closed the connection (${r.status} ${r.error ?? ''})`));
await hostileCase('2 extract: 300 MB chunked body', async () =>
  request('POST', '/v1/extract', { headers: { 'content-type': 'image/jpeg', 'transfer-encoding': 'chunked' }, body: chunked(300 << 20) }),
(r) => check(r.status === 413 || (r.status === 0 && /ECONNRESET|EPIPE/.test(r.error)),
  `answered 413 or closed the connection (${r.status} ${r.error ?? ''})`));
await hostileCase('2 extract: 300 MB chunked multipart', async () => {
  const boundary = 'xBOUNDARYx';
  return request('POST', '/v1/extract', {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' },
    body: (req) => {
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n` +
        'Content-Type: image/jpeg\r\n\r\n');
      chunked(300 << 20)(req);
    } });
}, (r) => check(r.status === 413 || (r.status === 0 && /ECONNRESET|EPIPE/.test(r.error)),
  `answered 413 or closed the connection (${r.status} ${r.error ?? ''})`));
// The 413 is an answer, not a hang-up, for a body just over the limit.
await hostileCase('2 event: 2 MB chunked body (keep-alive framing)', async () =>
  request('POST', '/', { headers: ceHeaders('c2', { 'transfer-encoding': 'chunked' }), body: chunked(2 << 20) }),
(r) => check(r.status === 413 || (r.status === 0 && /ECONNRESET|EPIPE/.test(r.error)),
  `answered 413 or closed the connection (${r.status} ${r.error ?? ''})`));

// ---- item 3: truncated progressive JPEG declaring 10000x10000
const JPEG_BOMB = fixture('jpeg-progressive-bomb');
await hostileCase(`3 progressive JPEG ${JPEG_BOMB.length} B claiming 10000x10000`, async () => {
  const r = await request('POST', '/v1/extract', { headers: { 'content-type': 'image/jpeg' }, body: JPEG_BOMB });
  const result = JSON.parse(r.text || '{}');
  return { ...r, summary: `${r.status} ${result.status}/${result.error?.code}`, result };
}, (r) => check(r.result.status === 'rejected' && r.result.error?.code === 'too_large',
  `rejected with too_large (${r.summary})`));
await hostileCase('3 six progressive JPEG bombs at once', async () => {
  const all = await Promise.all(Array.from({ length: 6 }, () =>
    request('POST', '/v1/extract', { headers: { 'content-type': 'image/jpeg' }, body: JPEG_BOMB })));
  const codes = all.map((r) => JSON.parse(r.text || '{}').error?.code);
  return { codes, summary: `${all.map((r) => r.status).join(',')} ${[...new Set(codes)].join(',')}` };
}, (r) => check(r.codes.every((c) => c === 'too_large'), `all six rejected too_large (${r.summary})`));

// ---- item 4: PDF drawing 400k strokes against the 15 s limit
if (process.env.JAE_HOSTILE_SKIP_SLOW) {
  console.log('# 4 skipped (JAE_HOSTILE_SKIP_SLOW)');
} else {
  const PDF_BOMB = fixture('pdf-strokes');
  await hostileCase(`4 PDF ${(PDF_BOMB.length / 1024).toFixed(0)} KB drawing 400k strokes`, async () => {
    const r = await request('POST', '/v1/extract', { headers: { 'content-type': 'application/pdf' }, body: PDF_BOMB, timeoutMs: 120000 });
    const result = JSON.parse(r.text || '{}');
    return { ...r, summary: `${r.status} ${result.status}/${result.error?.code ?? ''}`, result };
  }, (r, ms) => {
    check(r.result.status === 'rejected', `rejected (${r.summary})`);
    check(ms < 17000, `answered within the 15 s limit (+2 s) (${ms} ms)`);
  });
}

// ---- item 5: 300 idle half-open connections, then a probe
await hostileCase('5 /healthz behind 300 half-open connections', async () => {
  const sockets = [];
  for (let i = 0; i < 300; ++i) {
    const s = net.connect(url.port, url.hostname);
    s.on('error', () => {});
    s.write('POST / HTTP/1.1\r\nHost: x\r\n');  // headers never finished
    sockets.push(s);
  }
  await sleep(1000);
  const t0 = Date.now();
  const probe = await request('GET', '/healthz', { timeoutMs: 60000 });
  const probeMs = Date.now() - t0;
  for (const s of sockets) s.destroy();
  return { ...probe, probeMs, summary: `${probe.status} after ${probeMs} ms` };
}, (r) => check(r.status === 200 && r.probeMs < 3000, `/healthz answered within 3 s (${r.summary})`));

// ---- item 9: the event's size is not the object's truth
for (const [label, size] of [['9999999999999999999', '9999999999999999999'], ['"0" on a real object', '0']]) {
  await hostileCase(`9 event size ${label}`, async () => {
    const name = `size-${size.length}.jpg`;
    const meta = await backends.upload(SRC, name, JPEG);
    const r = withOutcome(await request('POST', '/', { headers: ceHeaders(`s${size}`),
      body: JSON.stringify({ ...objectData(meta), size }) }));
    const written = await backends.read(RES, `${name}.json`);
    return { ...r, written, summary: `${r.status} ${r.outcome}, result ${written?.status ?? 'not written'}` };
  }, (r) => {
    check(r.status === 200, `answered 200 (${r.status})`);
    check(r.written?.status === 'ok', `the object was read and its result written (${r.written?.status})`);
  });
}

const alive = await request('GET', '/healthz');
check(alive.status === 200, 'the service survived every case');
printTable();
if (process.exitCode) fail('some hostile case failed');
process.exit(0);
