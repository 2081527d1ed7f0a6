// Shared helpers for the service integration tests (service-*.mjs, pubsub-*.mjs,
// cloudevents-*.mjs): free ports, child processes that are always cleaned up, the
// jae-ocr server, the Pub/Sub emulator, and the "skipped" convention (exit 77).
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const SKIP = 77;

export function skip(reason) {
  console.log(`SKIPPED: ${reason}`);
  process.exit(SKIP);
}

export function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exitCode = 1;
  throw new Error(message);
}

export function check(condition, message) {
  if (!condition) fail(message);
  console.log(`ok - ${message}`);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function tempDir(prefix = 'jae-svc-') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// Children are started in their own process group and killed (group-wide) on exit,
// whatever way the test ends.
const children = new Set();
const cleanups = [];
function killAll() {
  for (const child of children) {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
  }
  children.clear();
  for (const c of cleanups.splice(0)) { try { c(); } catch { /* best effort */ } }
}
process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { killAll(); process.exit(1); });
process.on('uncaughtException', (e) => { console.error(e); killAll(); process.exit(1); });
process.on('unhandledRejection', (e) => { console.error(e); killAll(); process.exit(1); });

export function startChild(cmd, args, { env = {}, quiet = false, cwd } = {}) {
  const child = spawn(cmd, args, {
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd,
  });
  children.add(child);
  child.output = '';
  child.stdout.on('data', (d) => { child.output += d; if (!quiet && process.env.JAE_VERBOSE) process.stdout.write(d); });
  child.stderr.on('data', (d) => { child.output += d; if (!quiet && process.env.JAE_VERBOSE) process.stderr.write(d); });
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => {
    children.delete(child);
    resolve({ code, signal });
  }));
  return child;
}

export async function waitFor(fn, { timeoutMs = 20000, intervalMs = 50, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch { /* not yet */ }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(intervalMs);
  }
}

export function jaeBin() {
  const bin = process.env.JAE_BIN;
  if (!bin || !fs.existsSync(bin)) skip('JAE_BIN is not set or missing (run through ctest)');
  return bin;
}

// Starts `jae-ocr serve` on a free port and waits for /readyz. Returns the child with
// `url` and the JSON log lines parsed on demand (`logs()`).
export async function startServer({ env = {}, args = [] } = {}) {
  const port = await freePort();
  const child = startChild(jaeBin(), ['serve', '--port', String(port), ...args], {
    env: { LOG_LEVEL: 'debug', ...env },
  });
  child.url = `http://127.0.0.1:${port}`;
  child.logs = () => child.output.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
  await Promise.race([
    waitFor(async () => (await fetch(`${child.url}/readyz`)).status === 200, { what: 'jae-ocr /readyz' }),
    child.exited.then(({ code }) => { throw new Error(`jae-ocr serve exited (${code}) at start:\n${child.output}`); }),
  ]);
  return child;
}

// The Google Cloud CLI's Pub/Sub emulator (Java). Skips the test when it is absent.
export async function startPubSubEmulator(project = 'demo-x') {
  const gcloud = spawnSync('sh', ['-c', 'command -v gcloud'], { encoding: 'utf8' }).stdout.trim();
  if (!gcloud) skip('gcloud (Google Cloud CLI) is not installed: no Pub/Sub emulator');
  const java = spawnSync('sh', ['-c', 'command -v java'], { encoding: 'utf8' }).stdout.trim();
  if (!java) skip('java is not installed: the Pub/Sub emulator needs Java 17');
  const port = await freePort();
  const child = startChild(gcloud, ['beta', 'emulators', 'pubsub', 'start',
    `--host-port=127.0.0.1:${port}`, `--project=${project}`], { quiet: true });
  const url = `http://127.0.0.1:${port}`;
  try {
    await Promise.race([
      waitFor(async () => (await fetch(url)).ok, { timeoutMs: 45000, intervalMs: 250, what: 'Pub/Sub emulator' }),
      child.exited.then(() => { throw new Error(`emulator exited:\n${child.output}`); }),
    ]);
  } catch (e) {
    if (/component|not installed|pubsub-emulator/i.test(child.output)) {
      skip('the Pub/Sub emulator component of the Google Cloud CLI is not installed');
    }
    throw e;
  }
  const api = async (method, p, body) => {
    const res = await fetch(`${url}/v1/projects/${project}${p}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : {};
  };
  return { child, url, project, api };
}

// A GCS OBJECT_FINALIZE notification as Cloud Storage publishes it (JSON_API_V1).
export function gcsNotification(bucket, name, generation, size, contentType = 'image/jpeg') {
  const resource = { kind: 'storage#object', bucket, name, generation: String(generation),
    metageneration: '1', size: String(size), contentType };
  return {
    attributes: { notificationConfig: `projects/_/buckets/${bucket}/notificationConfigs/1`,
      eventType: 'OBJECT_FINALIZE', payloadFormat: 'JSON_API_V1', bucketId: bucket,
      objectId: name, objectGeneration: String(generation) },
    data: Buffer.from(JSON.stringify(resource)).toString('base64'),
  };
}

export async function stopServer(child, signal = 'SIGTERM') {
  try { process.kill(child.pid, signal); } catch { /* gone */ }
  return child.exited;
}

// ---------------------------------------------------------------- fakes of the cloud
// The team's fake GCS (JSON API, preconditions, faults) and fake Gemini (scriptable,
// counts model calls), both in this process; `env` points jae-ocr at them.
import { startFakeGcs } from './gcs/fake-gcs-server.mjs';
import { createFakeGemini } from './fake-gemini.mjs';

// A decodable JPEG made at test time by make_test_jpeg (the script's first argument).
export function testJpeg() {
  const tool = process.argv[2];
  if (!tool || !fs.existsSync(tool)) skip('make_test_jpeg was not given (run through ctest)');
  const out = path.join(tempDir('jae-jpeg-'), 'card.jpg');
  const r = spawnSync(tool, [out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`make_test_jpeg failed: ${r.stderr}`);
  return fs.readFileSync(out);
}

// A 1x1 JPEG whose data libvips finds truncated: a "truncated JPEG" input.
export const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////' +
  '////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAA' +
  'AAAAAP/aAAgBAQABPxA=', 'base64');

export async function startBackends({ geminiLatencyMs = 0, geminiMaxAttempts = 1 } = {}) {
  const gcs = await startFakeGcs({ port: 0 });
  cleanups.push(() => gcs.server.closeAllConnections?.());
  const gemini = createFakeGemini({ latencyMs: geminiLatencyMs });
  await new Promise((resolve) => gemini.server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => gemini.server.closeAllConnections?.());
  const geminiUrl = `http://127.0.0.1:${gemini.server.address().port}`;
  const b = {
    gcs,
    gemini,
    env: {
      STORAGE_EMULATOR_HOST: gcs.url,
      JAE_ENGINE: 'gemini',
      GEMINI_API_KEY: 'test-key',
      GEMINI_BASE_URL: geminiUrl,
      GEMINI_MAX_ATTEMPTS: String(geminiMaxAttempts),
    },
    modelCalls: () => gemini.state.stats.modelCalls,
    geminiDown: (status = 503) => { gemini.state.queue = []; gemini.state.defaultStep = { status, message: 'down for the test' }; },
    geminiUp: () => { gemini.state.queue = []; gemini.state.defaultStep = { ok: undefined }; },
    geminiScript: (steps) => { gemini.state.queue = [...steps]; },
    gcsControl: async (what) => (await fetch(`${gcs.url}/_fake/${what}`, { method: 'POST' })).json(),
    async upload(bucket, name, bytes, contentType = 'image/jpeg') {
      const res = await fetch(`${gcs.url}/upload/storage/v1/b/${bucket}/o?uploadType=media&name=${encodeURIComponent(name)}`,
        { method: 'POST', headers: { 'content-type': contentType }, body: bytes });
      if (!res.ok) throw new Error(`upload ${name}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    async read(bucket, name) {
      const res = await fetch(`${gcs.url}/storage/v1/b/${bucket}/o/${encodeURIComponent(name)}?alt=media`);
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(`read ${name}: ${res.status}`);
      return JSON.parse(await res.text());
    },
    async stat(bucket, name) {
      const res = await fetch(`${gcs.url}/storage/v1/b/${bucket}/o/${encodeURIComponent(name)}`);
      return res.ok ? res.json() : null;
    },
  };
  return b;
}

// The body Eventarc sends for a finalized object (the JSON API object resource).
export function objectData(resource) {
  const { bucket, name, generation, size, contentType } = resource;
  return { kind: 'storage#object', bucket, name, generation: String(generation),
    metageneration: '1', size: String(size), contentType };
}
