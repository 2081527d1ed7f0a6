// Shared helpers for the Gemini node tests: start fake-gemini.mjs on a free port, talk
// to its control API, run the C++ gemini_probe, and skip (exit 77) with a reason.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const FAKE = path.join(here, '..', 'fake-gemini.mjs');

const children = new Set();
const killAll = () => { for (const c of children) c.kill('SIGKILL'); };
process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { killAll(); process.exit(1); });

export function skip(reason) {
  console.log(`SKIP: ${reason}`);
  process.exit(77);
}

// A synthetic 1x1 JPEG (never a real document).
export const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////' +
  '////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAA' +
  'AAAAAP/aAAgBAQABPxA=', 'base64');

export function writeTemp(name, data) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jae-gemini-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return file;
}

export async function startFake(args = []) {
  const child = spawn(process.execPath, [FAKE, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  const port = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('fake-gemini did not start in 10 s')), 10000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (\d+)/.exec(out);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`fake-gemini exited ${code}`)); });
  });
  const url = `http://127.0.0.1:${port}`;
  const call = async (method, p, body) => {
    const r = await fetch(url + p, { method, headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body) });
    return r.json();
  };
  return {
    port, url, child,
    script: (s) => call('POST', '/_fake/script', s),
    enqueue: (steps) => call('POST', '/_fake/enqueue', steps),
    config: (c) => call('POST', '/_fake/config', c),
    requests: () => call('GET', '/_fake/requests'),
    stats: () => call('GET', '/_fake/stats'),
    reset: () => call('POST', '/_fake/reset'),
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    }),
  };
}

// Runs gemini_probe with `env` on top of a clean environment; → {code, out, stderr}.
export function runProbe(env, args) {
  const probe = process.env.GEMINI_PROBE ??
    (process.env.JAE_BUILD_DIR && path.join(process.env.JAE_BUILD_DIR, 'tests', 'gemini', 'gemini_probe'));
  if (!probe || !fs.existsSync(probe)) skip(`gemini_probe not built (${probe ?? 'no GEMINI_PROBE / JAE_BUILD_DIR'})`);
  const base = { PATH: process.env.PATH, HOME: os.tmpdir() + '/jae-no-home' };
  return new Promise((resolve) => {
    const child = spawn(probe, args, { env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('exit', (code) => {
      children.delete(child);
      let out = null;
      try { out = JSON.parse(stdout); } catch { /* left null */ }
      resolve({ code, out, stdout, stderr });
    });
  });
}

// Minimal test runner: named async cases, failures collected, exit 1 on any.
export async function runCases(cases) {
  let failed = 0;
  for (const [name, fn] of cases) {
    const t0 = Date.now();
    try {
      await fn();
      console.log(`ok   ${name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${name}: ${e.stack ?? e}`);
    }
  }
  console.log(failed ? `${failed} of ${cases.length} failed` : `all ${cases.length} passed`);
  process.exitCode = failed ? 1 : 0;
}

// A synthetic grey card-like PNG (w×h, 8-bit grey, a darker band where an MRZ would be),
// encoded with node's zlib: a real decodable image for the whole pipeline, no personal data.
export function syntheticPng(w = 856, h = 540) {
  const { deflateSync } = zlib;
  const raw = Buffer.alloc((w + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w + 1)] = 0;  // filter: none
    for (let x = 0; x < w; x++) {
      const band = y > h * 0.7 && y < h * 0.9 && x > w * 0.05 && x < w * 0.95;
      raw[y * (w + 1) + 1 + x] = band ? ((x >> 3) % 2 ? 40 : 200) : 230 - ((x + y) % 17);
    }
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;   // bit depth
  ihdr[9] = 0;   // greyscale
  return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
