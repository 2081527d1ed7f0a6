// Shared helpers of the web app's browser tests (webapp-*.mjs): Debian's chromium driven
// by playwright-core, a real `jae-ocr serve` (local engine, local folders), screenshots
// under out/webapp/. Skips (exit 77) when chromium or playwright-core is absent.
import fs from 'node:fs';
import path from 'node:path';
import { skip, startServer, tempDir } from './service-lib.mjs';
import http from 'node:http';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const SOURCE_DIR = process.env.JAE_SOURCE_DIR || path.resolve('../..');
export const SAMPLES = path.join(SOURCE_DIR, 'samples/documents');
export const OUT = path.join(SOURCE_DIR, 'out/webapp');

export async function loadPlaywright() {
  if (!fs.existsSync(CHROMIUM)) skip(`${CHROMIUM} is absent (apt-get install chromium)`);
  try {
    return (await import('playwright-core')).chromium;
  } catch {
    skip('playwright-core is not installed (cd tests/node && npm ci)');
  }
  return null;
}

// A fresh profile for every run: nothing carried over between tests.
export async function launch(chromium, { viewport = { width: 360, height: 780 } } = {}) {
  const profile = tempDir('jae-chromium-');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    acceptDownloads: true,
    locale: 'fr-FR',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', '--lang=fr-FR'],
  });
  return context;
}

// An HTTP front that forwards everything to `target` and keeps the POST bodies it sees:
// `front.posts` is what the server receives, byte for byte.
async function startFront(target) {
  const posts = [];
  const front = http.createServer(async (req, res) => {
    let body = null;
    if (req.method === 'POST') {
      const chunks = [];
      for await (const c of req) chunks.push(c);
      body = Buffer.concat(chunks);
      posts.push({ url: req.url, contentType: req.headers['content-type'], body });
    }
    const upstream = http.request(new URL(req.url, target), { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => { res.writeHead(502); res.end(); });
    if (body) upstream.end(body);
    else req.pipe(upstream);
  });
  await new Promise((r) => front.listen(0, '127.0.0.1', r));
  front.url = `http://127.0.0.1:${front.address().port}`;
  front.posts = posts;
  front.unref();
  return front;
}

// A real `jae-ocr serve` on local folders with the local engine, behind a recording front.
export async function startApp(env = {}) {
  const results = tempDir('jae-webapp-results-');
  const server = await startServer({ env: { LOG_LEVEL: 'info', ...env }, args: ['--engine', 'local', '--results', results] });
  const front = await startFront(server.url);
  return { server, url: front.url, posts: front.posts };
}

export function outPath(name) {
  fs.mkdirSync(OUT, { recursive: true });
  return path.join(OUT, name);
}

// Width and height of a JPEG from its SOF marker.
export function jpegSize(buf) {
  let i = 2;
  while (i + 9 < buf.length) {
    if (buf[i] !== 0xff) { i++; continue; }
    const marker = buf[i + 1];
    const length = buf.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: buf.readUInt16BE(i + 5), width: buf.readUInt16BE(i + 7) };
    }
    i += 2 + length;
  }
  return null;
}

// The file parts of a multipart body (enough for the browser's FormData uploads).
export function multipartFiles(body, contentType) {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType || '');
  if (!boundary) return [];
  const sep = Buffer.from(`--${boundary[1] || boundary[2]}`);
  const parts = [];
  let at = body.indexOf(sep);
  while (at !== -1) {
    const next = body.indexOf(sep, at + sep.length);
    if (next === -1) break;
    const part = body.subarray(at + sep.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString();
    const filename = /filename="([^"]*)"/.exec(head);
    if (filename) parts.push({ filename: filename[1], head, bytes: part.subarray(split + 4) });
    at = next;
  }
  return parts;
}

// Adds an EXIF Orientation tag (APP1) right after a JPEG's SOI.
export function withExifOrientation(jpeg, orientation) {
  const tiff = Buffer.alloc(26);
  tiff.write('II*\0', 0, 'binary');
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(1, 8);            // one entry
  tiff.writeUInt16LE(0x0112, 10);      // Orientation
  tiff.writeUInt16LE(3, 12);           // SHORT
  tiff.writeUInt32LE(1, 14);
  tiff.writeUInt16LE(orientation, 18);
  tiff.writeUInt32LE(0, 22);           // no next IFD
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), tiff]);
  const app1 = Buffer.alloc(4);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), app1, payload, jpeg.subarray(2)]);
}

// A 12 MP "phone photo" of a sample document (4000×3000, the sample enlarged on a noisy
// background so that it weighs what a real photo weighs), drawn by the browser itself.
// Stored rotated a quarter turn with EXIF orientation 6, as phones store portrait shots.
export async function twelveMegapixelPhoto(page, samplePath) {
  const b64 = fs.readFileSync(samplePath).toString('base64');
  const out = await page.evaluate(async (data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const img = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
    const W = 4000; const H = 3000;
    const canvas = new OffscreenCanvas(H, W);  // stored portrait: 3000 wide, 4000 high
    const ctx = canvas.getContext('2d');
    ctx.translate(0, W);
    ctx.rotate(-Math.PI / 2);                  // a quarter turn back: EXIF 6 turns it upright
    const noise = ctx.createImageData(W, H);
    let seed = 12345;
    for (let i = 0; i < noise.data.length; i += 4) {
      for (let c = 0; c < 3; c++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        noise.data[i + c] = 90 + ((seed >> 16) % 100);
      }
      noise.data[i + 3] = 255;
    }
    const tmp = new OffscreenCanvas(W, H);
    tmp.getContext('2d').putImageData(noise, 0, 0);
    const t = tmp.getContext('2d');
    const scale = Math.min((W * 0.9) / img.width, (H * 0.9) / img.height);
    t.drawImage(img, (W - img.width * scale) / 2, (H - img.height * scale) / 2, img.width * scale, img.height * scale);
    ctx.drawImage(tmp, 0, 0);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
    const buf = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (let i = 0; i < buf.length; i += 0x8000) s += String.fromCharCode(...buf.subarray(i, i + 0x8000));
    return btoa(s);
  }, b64);
  return withExifOrientation(Buffer.from(out, 'base64'), 6);
}
