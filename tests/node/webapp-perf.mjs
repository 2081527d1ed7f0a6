// The web app's budgets (issue 15), measured in Debian's chromium on Chromium's own
// "Slow 4G" network profile (DevTools' preset: 562.5 ms latency, 180 kB/s down,
// 84.4 kB/s up; CDP Network.emulateNetworkConditions), against a real `jae-ocr serve`:
//  - page weight before images ≤ 150 KB; first render ≤ 1 s;
//  - a 12 MP phone photo: bytes sent and time to verdict with the in-browser resize, and
//    without it (config.json answering image_max_side 0, the original goes as it is).
// Figures are printed and written to out/webapp/perf.json.
import fs from 'node:fs';
import path from 'node:path';
import { check } from './service-lib.mjs';
import { SAMPLES, launch, loadPlaywright, outPath, startApp, twelveMegapixelPhoto } from './webapp-lib.mjs';

const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: 180000, uploadThroughput: 84375 };
const chromium = await loadPlaywright();
const app = await startApp();
const context = await launch(chromium);
const figures = { profile: 'Slow 4G (DevTools preset)', ...SLOW_4G };

async function throttledPage() {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  return page;
}

// --- Page weight and first render -------------------------------------------------------
{
  const page = await throttledPage();
  const start = Date.now();
  await page.goto(`${app.url}/app/`, { waitUntil: 'load' });
  await page.waitForSelector('html[data-ready]');
  const loaded = Date.now() - start;
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    const paint = Object.fromEntries(performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]));
    return {
      html: nav.decodedBodySize,
      body: nav.decodedBodySize + resources.filter((r) => r.initiatorType !== 'img').reduce((a, r) => a + r.decodedBodySize, 0),
      files: resources.map((r) => `${r.name.split('/').pop()} ${r.decodedBodySize}`),
      fcp: paint['first-contentful-paint'],
      fp: paint['first-paint'],
    };
  });
  figures.page_bytes = timing.body;
  figures.first_contentful_paint_ms = Math.round(timing.fcp);
  figures.ready_ms = loaded;
  console.log(`#   page: ${timing.body} bytes: index.html ${timing.html} (app.css inlined), ${timing.files.join(', ')}`);
  console.log(`#   first contentful paint ${Math.round(timing.fcp)} ms, ready (config loaded) ${loaded} ms`);
  check(timing.body <= 150 * 1024, `page weight before images ≤ 150 KB (${(timing.body / 1024).toFixed(1)} KB)`);
  check(timing.fcp <= 1000, `first render on Slow 4G ≤ 1 s (${Math.round(timing.fcp)} ms)`);
  await page.close();
}

// --- A 12 MP photo, with and without the in-browser resize ------------------------------
const maker = await context.newPage();
await maker.goto(`${app.url}/app/`);
const photo = await twelveMegapixelPhoto(maker, path.join(SAMPLES, 'fr_id_2021_front-photo-1.jpg'));
await maker.close();
const photoPath = outPath('12mp-photo.jpg');
fs.writeFileSync(photoPath, photo);
figures.photo_bytes = photo.length;
console.log(`#   the photo: 4000×3000, ${photo.length} bytes`);

async function timeToVerdict(resize) {
  const page = await throttledPage();
  if (!resize) {
    await page.route('**/app/config.json', (route) => route.fulfill({
      status: 200, contentType: 'application/json', body: JSON.stringify({ image_max_side: 0, max_image_bytes: 20971520 }),
    }));
  }
  await page.goto(`${app.url}/app/`);
  await page.waitForSelector('html[data-ready]');
  await page.fill('#match-date', '2026-06-13');
  await page.locator('#match-date').dispatchEvent('change');
  const before = app.posts.length;
  const start = Date.now();
  await page.locator('#camera-input').setInputFiles([photoPath]);
  await page.waitForSelector('#verdict[data-state="done"] [data-verdict]', { timeout: 180000 });
  const ms = Date.now() - start;
  const sent = app.posts.slice(before).filter((p) => p.url.startsWith('/v1/extract')).reduce((a, p) => a + p.body.length, 0);
  const read = (await page.locator('li.doc').innerText()).includes("N'DIAYE");
  await page.screenshot({ path: outPath(`perf-12mp-${resize ? 'resized' : 'original'}.png`) });
  await page.close();
  return { ms, sent, read };
}

const resized = await timeToVerdict(true);
const original = await timeToVerdict(false);
figures.resized = resized;
figures.original = original;
console.log(`#   12 MP photo, resized in the browser: ${resized.sent} bytes sent, verdict in ${(resized.ms / 1000).toFixed(1)} s`);
console.log(`#   12 MP photo, sent as it is:          ${original.sent} bytes sent, verdict in ${(original.ms / 1000).toFixed(1)} s`);
check(resized.read && original.read, 'both ways the card is read');
check(resized.sent * 5 < original.sent, `the resize sends far fewer bytes (${(original.sent / resized.sent).toFixed(1)}× fewer)`);
check(resized.ms * 2 < original.ms, `and the verdict comes much sooner (${(original.ms / resized.ms).toFixed(1)}× sooner)`);
fs.writeFileSync(outPath('perf.json'), `${JSON.stringify(figures, null, 2)}\n`);
await context.close();
process.exit(process.exitCode ?? 0);
