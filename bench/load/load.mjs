#!/usr/bin/env node
// Load benchmark of `jae-ocr serve` (see bench/load/README.md). Drives the real server
// with Pub/Sub-push events for distinct objects, the fake Gemini (tests/node/fake-gemini.mjs,
// its own process) answering after a fixed latency, sources and results in local folders
// (--source-root) so that the figures are the service's own, not a fake storage server's.
//
//   node bench/load/load.mjs --bin build/jae-ocr --jpeg /tmp/phone.jpg \
//        [--events 400] [--concurrency 200] [--latency-ms 1500] [--max-inflight 64]
//        [--light-senders 4] [--log FILE (the server's per-event log lines)]
//
// Reports: exec → /readyz 200 (median of 5 starts), idle RSS, documents/s and peak RSS
// with `concurrency` concurrent senders, peak RSS with exactly MAX_INFLIGHT senders, and
// the overhead per event = time in the service − the engine's latency (from the server's
// own log lines), p50/p99.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
const bin = args.bin ?? 'build/jae-ocr';
const jpeg = args.jpeg;
const events = Number(args.events ?? 400);
const concurrency = Number(args.concurrency ?? 200);
const latencyMs = Number(args['latency-ms'] ?? 1500);
const maxInflight = Number(args['max-inflight'] ?? 64);
if (!jpeg || !fs.existsSync(jpeg)) {
  console.error('usage: load.mjs --bin BIN --jpeg PHONE.jpg [...] (make one with make_phone_jpeg)');
  process.exit(2);
}

const children = new Set();
const killAll = () => { for (const c of children) { try { process.kill(-c.pid, 'SIGKILL'); } catch { } } };
process.on('exit', killAll);
process.on('SIGINT', () => process.exit(1));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});
function start(cmd, argv, env = {}) {
  const child = spawn(cmd, argv, { env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.out = [];
  child.stdout.on('data', (d) => child.out.push(d));
  child.stderr.on('data', (d) => child.out.push(d));
  child.done = new Promise((r) => child.on('exit', (code) => { children.delete(child); r(code); }));
  return child;
}
const rss = (pid, field = 'VmRSS') => {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};
// CPU time (user + system) a process has used so far, in seconds (/proc/PID/stat fields
// 14 and 15, in clock ticks; 100 per second on Linux).
const cpuSeconds = (pid) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const agent = new http.Agent({ keepAlive: true, maxSockets: 1000 });
function request(port, method, p, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: p, agent, headers }, (res) => {
      let text = '';
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, body: text }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

// ---------------------------------------------------------------- set-up
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jae-load-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
const bucket = 'load-bucket';
fs.mkdirSync(path.join(work, 'src', bucket, 'phone'), { recursive: true });
fs.mkdirSync(path.join(work, 'results'));
const master = path.join(work, 'master.jpg');
fs.copyFileSync(jpeg, master);
const size = fs.statSync(master).size;
const total = events * 2 + maxInflight * 2;
for (let i = 0; i < total; i++) fs.linkSync(master, path.join(work, 'src', bucket, 'phone', `${i}.jpg`));

const geminiPort = await freePort();
const gemini = start(process.execPath, [path.join(here, '../../tests/node/fake-gemini.mjs'),
  '--port', String(geminiPort), '--latency-ms', String(latencyMs)]);
for (let i = 0; i < 100 && !Buffer.concat(gemini.out).toString().includes('listening'); i++) await sleep(50);

const serverEnv = {
  JAE_ENGINE: 'gemini', GEMINI_API_KEY: 'load-key', GEMINI_BASE_URL: `http://127.0.0.1:${geminiPort}`,
  RESULTS_BUCKET: path.join(work, 'results'), MAX_INFLIGHT: String(maxInflight), LOG_LEVEL: 'info',
};
async function startServer() {
  const port = await freePort();
  const t0 = process.hrtime.bigint();
  const child = start(bin, ['serve', '--port', String(port), '--source-root', path.join(work, 'src')], serverEnv);
  for (;;) {
    try {
      const r = await request(port, 'GET', '/readyz');
      if (r.status === 200) break;
    } catch { /* not listening yet */ }
    if (child.exitCode !== null) throw new Error(Buffer.concat(child.out).toString());
    await sleep(1);
  }
  child.readyMs = Number(process.hrtime.bigint() - t0) / 1e6;
  child.port = port;
  return child;
}
async function stopServer(child) { process.kill(child.pid, 'SIGTERM'); await child.done; }

let next = 0;
const roundTripMs = new Map();  // event id -> the sender's time from request to its 200
function eventBody(i) {
  const name = `phone/${i}.jpg`;
  // No generation: the local store's generation (mtime) is looked up by the server.
  const data = Buffer.from(JSON.stringify({ bucket, name, size: String(size), contentType: 'image/jpeg' }));
  return JSON.stringify({ message: { attributes: { eventType: 'OBJECT_FINALIZE', bucketId: bucket, objectId: name,
    payloadFormat: 'JSON_API_V1' }, data: data.toString('base64'), messageId: String(i) },
    subscription: 'projects/load/subscriptions/push' });
}
async function drive(server, count, senders) {
  let done = 0; let refused = 0; let peak = 0;
  const finished = [];  // when each document's 200 arrived
  const sampler = setInterval(() => { try { peak = Math.max(peak, rss(server.pid)); } catch { } }, 20);
  const t0 = Date.now();
  const cpu0 = { server: cpuSeconds(server.pid), gemini: cpuSeconds(gemini.pid), self: process.cpuUsage() };
  const end = startIndex + count;
  await Promise.all(Array.from({ length: senders }, async () => {
    for (;;) {
      if (next >= end) return;
      const i = next++;
      for (;;) {
        let r;
        const sent = process.hrtime.bigint();
        try {
          r = await request(server.port, 'POST', '/', eventBody(i), { 'content-type': 'application/json' });
        } catch {
          continue;  // a kept-alive socket the server closed meanwhile: send again
        }
        if (r.status === 200) { roundTripMs.set(String(i), Number(process.hrtime.bigint() - sent) / 1e6); break; }
        if (r.status !== 429 && r.status !== 503) throw new Error(`unexpected ${r.status} ${r.body}`);
        refused++;
        await sleep(50);  // Pub/Sub would back off for longer; we want MAX_INFLIGHT saturated
      }
      done++;
      finished.push(Date.now());
    }
  }));
  const seconds = (Date.now() - t0) / 1000;
  clearInterval(sampler);
  const self = process.cpuUsage(cpu0.self);
  // Where the machine's cores went while the documents were processed: the server, the
  // fake Gemini and this load generator, in cores (CPU seconds per wall second).
  const cores = {
    server: (cpuSeconds(server.pid) - cpu0.server) / seconds,
    fakeGemini: (cpuSeconds(gemini.pid) - cpu0.gemini) / seconds,
    loadGenerator: (self.user + self.system) / 1e6 / seconds,
  };
  // Steady state: the first `senders` completions are the ramp (every sender starts at
  // once, so the first wave finishes together) and the last `senders` are the drain,
  // where fewer and fewer are in flight. With MAX_INFLIGHT in flight, this is the rate
  // that MAX_INFLIGHT / latency predicts; the whole-run rate is lower for short runs.
  const m = Math.min(senders, maxInflight);
  const steady = count > 2 * m + 1 ? (count - 2 * m) / ((finished[count - m - 1] - finished[m - 1]) / 1000) : NaN;
  return { seconds, docsPerSecond: count / seconds, steadyDocsPerSecond: steady, peakRssMb: Math.max(peak, rss(server.pid, 'VmHWM')), refused,
    cores, serverCpuMsPerDoc: cores.server * seconds / count * 1000 };
}
let startIndex = 0;

// ---------------------------------------------------------------- measurements
const readies = [];
for (let i = 0; i < 5; i++) { const s = await startServer(); readies.push(s.readyMs); await stopServer(s); }
// Baseline for the start-up time, same run: exec -> exit of `jae-ocr --version`, i.e.
// loading the binary and its shared libraries and nothing else.
const versions = [];
for (let i = 0; i < 5; i++) {
  const t0 = process.hrtime.bigint();
  const child = start(bin, ['--version']);
  await child.done;
  versions.push(Number(process.hrtime.bigint() - t0) / 1e6);
}

let server = await startServer();
await sleep(1000);
const idleRssMb = rss(server.pid);
startIndex = next = 0;
// Warm-up (first-use costs: connection pools, libvips caches): not measured.
await drive(server, 20, 20);
startIndex = next;
const heavy = await drive(server, events, concurrency);
const written = () => Buffer.concat(server.out).toString().split('\n')
  .filter((l) => l.includes('"result written"')).map((l) => JSON.parse(l));
const lines = written();
const measured = lines.slice(20);
const overhead = measured.map((l) => l.duration_ms - (l.engine_ms ?? latencyMs));
// The same minus the wait for a decoding slot: the work itself, without the queue that
// forms when the CPU is saturated.
const ownWork = measured.map((l) => l.duration_ms - (l.engine_ms ?? latencyMs) - (l.gate_wait_ms ?? 0));
const reads = measured.map((l) => l.read_ms ?? 0);
if (args.log) {  // the server's own "result written" lines, for a closer look
  fs.writeFileSync(args.log, written().map((l) => JSON.stringify(l)).join('\n') + '\n');
}
// Light load: a few senders, so the CPU is not saturated and no queue forms.
startIndex = next;
const lightSenders = Number(args['light-senders'] ?? 4);
await drive(server, 4 * lightSenders, lightSenders);
const light = written().slice(lines.length).map((l) => l.duration_ms - (l.engine_ms ?? latencyMs));
if (args.log) {
  fs.appendFileSync(args.log, written().slice(lines.length).map((l) => JSON.stringify({ light: true, ...l })).join('\n') + '\n');
}
await stopServer(server);

server = await startServer();
startIndex = next;  // fresh objects: the earlier ones already have results
await drive(server, 20, 20);
startIndex = next;
const exact = await drive(server, events / 2, maxInflight);
await stopServer(server);
// Little's law: with MAX_INFLIGHT events always in the service, each staying the mean
// time in the service (model call included), this is the rate the service can reach.
// The steady rate falls short of it by the time an event spends outside the service
// (load generator, HTTP, the 429s of a full gate).
// Time an event spends outside the service's own clock: HTTP on both sides, the
// server's request parsing and response writing, the load generator.
const exactLines = written().slice(20);
const outside = exactLines.filter((l) => roundTripMs.has(l.event_id)).map((l) => roundTripMs.get(l.event_id) - l.duration_ms);
const exactMeanSeconds = written().slice(20).reduce((a, l) => a + l.duration_ms, 0) / (events / 2) / 1000;

const rounded = (cores) => Object.fromEntries(Object.entries(cores).map(([k, v]) => [k, +v.toFixed(2)]));
const report = {
  command: `node bench/load/load.mjs --bin ${bin} --jpeg ${jpeg} --events ${events} --concurrency ${concurrency} --latency-ms ${latencyMs} --max-inflight ${maxInflight}`,
  jpegBytes: size,
  readyMs: { median: pct(readies, 0.5), all: readies.map((x) => +x.toFixed(1)),
    versionBaselineMedian: +pct(versions, 0.5).toFixed(1) },
  idleRssMb: +idleRssMb.toFixed(1),
  [`at${concurrency}Concurrent`]: { docsPerSecond: +heavy.docsPerSecond.toFixed(1),
    steadyDocsPerSecond: +heavy.steadyDocsPerSecond.toFixed(1), peakRssMb: +heavy.peakRssMb.toFixed(1),
    refused429or503: heavy.refused, idealDocsPerSecond: +(maxInflight / (latencyMs / 1000)).toFixed(1),
    coresUsed: rounded(heavy.cores),
    serverCpuMsPerDoc: +heavy.serverCpuMsPerDoc.toFixed(1),
    // What the server's own CPU time per document allows on this machine's cores if
    // nothing else ran here: the ceiling that CPU, not MAX_INFLIGHT / latency, sets.
    cpuBoundDocsPerSecond: +(os.cpus().length / (heavy.serverCpuMsPerDoc / 1000)).toFixed(1),
    cores: os.cpus().length },
  [`at${maxInflight}InFlight`]: { docsPerSecond: +exact.docsPerSecond.toFixed(1),
    steadyDocsPerSecond: +exact.steadyDocsPerSecond.toFixed(1),
    meanSecondsInService: +exactMeanSeconds.toFixed(3),
    littlesLawDocsPerSecond: +(maxInflight / exactMeanSeconds).toFixed(1),
    outsideServiceMs: { p50: +pct(outside, 0.5).toFixed(2), p99: +pct(outside, 0.99).toFixed(2) }, peakRssMb: +exact.peakRssMb.toFixed(1),
    serverCpuMsPerDoc: +exact.serverCpuMsPerDoc.toFixed(1),
    coresUsed: rounded(exact.cores) },
  overheadMs: { events: overhead.length, p50: +pct(overhead, 0.5).toFixed(2), p99: +pct(overhead, 0.99).toFixed(2),
    max: +Math.max(...overhead).toFixed(2) },
  overheadWithoutGateWaitMs: { p50: +pct(ownWork, 0.5).toFixed(2), p99: +pct(ownWork, 0.99).toFixed(2) },
  [`overheadAt${lightSenders}SendersMs`]: { events: light.length, p50: +pct(light, 0.5).toFixed(2),
    p99: +pct(light, 0.99).toFixed(2) },
  sourceReadMs: { p50: +pct(reads, 0.5).toFixed(2), p99: +pct(reads, 0.99).toFixed(2) },
};
console.log(JSON.stringify(report, null, 2));
gemini.kill('SIGTERM');
process.exit(0);
