// The referee's web app in a real browser (issue 15): Debian's chromium, headless, on a
// phone viewport (360×780), against a real `jae-ocr serve` (local engine, local folders).
// A match date, a player given the sample ID and licence photos through the file input,
// the verdict (names, badge, reasons); a mismatching pair is refused; a correction by hand
// changes the verdict; a second player; the match sheet as CSV and printed; a 12 MP photo
// resized in the browser (the server receives ≤ IMAGE_MAX_SIDE px, far fewer bytes); the
// service busy (429 + Retry-After), a file too large (413) and a blank picture (not a
// document) in French; axe-core finds
// no serious or critical violation. Screenshots of each step: out/webapp/*.png.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import { check } from './service-lib.mjs';
import {
  SAMPLES, jpegSize, launch, loadPlaywright, multipartFiles, outPath, startApp, twelveMegapixelPhoto,
} from './webapp-lib.mjs';

const require = createRequire(import.meta.url);

// A light grey picture with nothing on it (PNG, written by hand: no image tool needed).
function blankPng(w, h) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    data.copy(out, 8);
    out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2;
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(w * 3, 0xf0)]);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const chromium = await loadPlaywright();
const app = await startApp();

const context = await launch(chromium);
const page = await context.newPage();
const problems = [];
page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
page.on('pageerror', (e) => problems.push(String(e)));
if (process.env.JAE_VERBOSE) { page.on('console', (m) => console.log('console:', m.text())); page.on('requestfailed', (r) => console.log('failed:', r.url(), r.failure())); page.on('requestfinished', (r) => console.log('finished:', r.url())); }
// What the server received (the recording front of webapp-lib.mjs).
const received = (route) => app.posts.filter((p) => p.url.startsWith(route))
  .map((p) => ({ size: p.body.length, parts: multipartFiles(p.body, p.contentType) }));
const checks = () => received('/v1/check').map((c) => c.parts.map((p) => JSON.parse(p.bytes.toString())));
let step = 0;
const shot = async (name) => page.screenshot({ path: outPath(`${String(++step).padStart(2, '0')}-${name}.png`), fullPage: true });
// What the phone's screen shows, the verdict at its top (the README's pictures).
const screen = async (name) => {
  await page.evaluate(() => document.getElementById('player-title').scrollIntoView());
  await page.screenshot({ path: outPath(`phone-${name}.png`) });
};
const verdictDone = () => page.waitForSelector('#verdict[data-state="done"] [data-verdict]', { timeout: 60000 });
const verdict = async () => (await page.locator('#verdict [data-verdict]').getAttribute('data-verdict'));

// --- The page, its headers, the match -------------------------------------------------
const res = await page.goto(`${app.url}/app/`);
const headers = res.headers();
check(/default-src 'self'/.test(headers['content-security-policy'] || '') && !/unsafe-inline/.test(headers['content-security-policy']),
  'the page comes with a Content-Security-Policy: default-src self, nothing unsafe-inline');
check(headers['x-content-type-options'] === 'nosniff' && headers['referrer-policy'] === 'no-referrer', 'nosniff and no-referrer');
check(/^"[0-9a-f]{32}"$/.test(headers.etag || ''), `a strong ETag (${headers.etag})`);
await page.waitForSelector('html[data-ready]');
check((await page.getAttribute('html', 'lang')) === 'fr', 'the page is in French');
check((await page.locator('#privacy').innerText()).includes('Rien n’est conservé'), 'the page says nothing is kept');
check(await page.locator('#take-photo').isVisible(), '"Photographier" is there');
const input = page.locator('#camera-input');
check((await input.getAttribute('accept')) === 'image/*,application/pdf' && (await input.getAttribute('capture')) === 'environment'
  && (await input.getAttribute('multiple')) !== null, 'the camera input: accept image/*,application/pdf, capture environment, multiple');
const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
check(scrollWidth <= 360, `nothing wider than the 360 px phone (${scrollWidth} px)`);
await shot('start');

await page.fill('#match-date', '2026-06-13');
await page.locator('#match-date').dispatchEvent('change');
await page.fill('#min-age', '18');
await page.locator('#min-age').dispatchEvent('change');

// --- Player 1: an ID card and a licence of two different people -------------------------
await input.setInputFiles([path.join(SAMPLES, 'fr_id_2021_front-photo-1.jpg'), path.join(SAMPLES, 'fft_licence-photo-0.jpg')]);
await page.waitForSelector('li.doc progress, li.doc .state');
await shot('player1-reading');
await verdictDone();
check(await verdict() === 'refuse', 'an ID and a licence of two different people: refused');
check((await page.locator('#verdict .badge').innerText()).trim() === 'Refusé', 'the badge says "Refusé"');
const reasons1 = await page.locator('#verdict .reasons li').allInnerTexts();
console.log(`#   reasons: ${JSON.stringify(reasons1)}`);
check(reasons1.length > 0 && reasons1.some((r) => /nom|personne/i.test(r)), 'the reasons say the names differ');
const identity = await page.locator('#verdict .identity').innerText();
check(/N'DIAYE/.test(identity), `the identity found is the ID card's (${identity.replace(/\s+/g, ' ')})`);
const docTitles = await page.locator('li.doc h3').allInnerTexts();
check(docTitles.some((t) => /Carte d’identité/.test(t)) && docTitles.some((t) => /Licence FFT/.test(t)), `both documents recognised (${docTitles.join(', ')})`);
check(await page.locator('li.doc img.thumb').count() === 2, 'a thumbnail for each photo');
check((await page.locator('li.doc').nth(1).innerText()).includes('FOURNIER'), "the licence's fields are shown");
await shot('player1-refused');
await screen('refused');

// --- A correction by hand (mouse for the first, keyboard for the others) ----------------
const licence = page.locator('li.doc', { hasText: 'Licence FFT' });
await licence.getByRole('button', { name: 'Corriger : Nom' }).click();
await licence.getByLabel('Nom corrigé').fill("N'DIAYE");
await shot('player1-correcting');
await licence.getByRole('button', { name: 'Enregistrer' }).click();
await verdictDone();
await licence.getByRole('button', { name: 'Corriger : Prénoms' }).focus();
await page.keyboard.press('Enter');
await page.keyboard.type('Raphaël');
await page.keyboard.press('Enter');
await verdictDone();
await licence.getByRole('button', { name: 'Corriger : Date de naissance' }).focus();
await page.keyboard.press('Enter');
await licence.getByLabel('Date de naissance corrigé').fill('1962-07-16');
await page.keyboard.press('Enter');
await page.waitForFunction(() => document.querySelectorAll('li.doc .tag.manual').length === 3);
await verdictDone();
const corrected = await verdict();
console.log(`#   after the corrections: ${JSON.stringify(await page.locator('#verdict .reasons li').allInnerTexts())}`);
check(corrected !== 'refuse', `the corrections by hand change the verdict (refuse → ${corrected})`);
const sent = checks().at(-1).find((r) => r.document && r.document.type === 'fft_licence');
check(sent && sent.document.fields.surname.value === "N'DIAYE" && sent.document.fields.surname.source === 'manual',
  'the corrected value goes back to /v1/check with source "manual"');
check(await page.locator('li.doc .tag.manual').count() === 3, 'corrected fields are marked "corrigé à la main"');
await shot('player1-corrected');
await screen('corrected');

// --- Player 2: a passport (MRZ) whose printed surname was altered, and the licence --------
await page.click('#next-player');
check((await page.locator('#player-number').innerText()) === '2', 'next player: n° 2');
check(await page.evaluate(() => document.activeElement.id) === 'player', 'focus moves to the new player');
await input.setInputFiles([path.join(SAMPLES, 'fr_passport_altered_name-photo-1.jpg'), path.join(SAMPLES, 'fft_licence-photo-0.jpg')]);
await verdictDone();
check(await verdict() === 'refuse', 'a passport and a licence of two different people: refused');
check(await page.locator('.tag.mrz').count() >= 2, `fields proven by the MRZ are marked (${await page.locator('.tag.mrz').count()})`);
check(await page.locator('.warnings li').count() >= 1, `the warnings are shown (the MRZ and the printed surname differ) (${(await page.locator('.warnings li').allInnerTexts()).join(' | ')})`);
check((await page.locator('.warnings li').allInnerTexts()).some((t) => t.includes('diffère entre la bande MRZ et le texte imprimé')), 'the warnings are in French');
await shot('player2-passport');

// --- The service busy, then a file too large: French messages, automatic retry ---------
await page.click('#next-player');
let refusedOnce = false;
await page.route('**/v1/extract', async (route) => {
  if (!refusedOnce) {
    refusedOnce = true;
    await route.fulfill({ status: 429, headers: { 'Retry-After': '2', 'content-type': 'application/json' }, body: '{"error":"too many requests in flight"}' });
  } else {
    await route.fulfill({ status: 413, headers: { 'content-type': 'text/plain' }, body: 'Payload Too Large' });
  }
});
await input.setInputFiles([path.join(SAMPLES, 'fr_residence-photo-2.jpg')]);
await page.waitForSelector('li.doc .state:has-text("Service occupé")', { timeout: 10000 });
check(true, 'a 429 says "Service occupé : nouvel essai dans 2 s…"');
await shot('busy');
await page.waitForSelector('li.doc .state.error', { timeout: 10000 });
const tooLarge = await page.locator('li.doc .state.error').innerText();
check(/trop volumineux/.test(tooLarge), `retried after Retry-After, then 413 says "${tooLarge}"`);
await shot('too-large');
await page.unroute('**/v1/extract');
await page.locator('li.doc').getByRole('button', { name: /Retirer/ }).click();

// --- Not a document: a blank picture -------------------------------------------------------
const blankPath = outPath('blank.png');
fs.writeFileSync(blankPath, blankPng(640, 480));
await input.setInputFiles([blankPath]);
await page.waitForSelector('li.doc .state.error', { timeout: 30000 });
const notDocument = await page.locator('li.doc .state.error').innerText();
check(/Aucun document reconnu/.test(notDocument), `a blank picture says "${notDocument}"`);
await shot('not-a-document');
await page.locator('li.doc').getByRole('button', { name: /Retirer/ }).click();
await page.waitForSelector('#verdict', { state: 'hidden' });

// --- A 12 MP photo: resized in the browser before it leaves -----------------------------
const big = await twelveMegapixelPhoto(page, path.join(SAMPLES, 'fr_id_2021_front-photo-1.jpg'));
const bigPath = outPath('12mp-photo.jpg');
fs.writeFileSync(bigPath, big);
const maxSide = (await (await fetch(`${app.url}/app/config.json`)).json()).image_max_side;
const before = received('/v1/extract').length;
await input.setInputFiles([bigPath]);
await page.waitForSelector('li.doc .state:has-text("Lu.")', { timeout: 60000 });
const upload = received('/v1/extract').slice(before).at(-1);
const size = jpegSize(upload.parts[0].bytes);
console.log(`#   12 MP photo: ${big.length} bytes → ${upload.parts[0].bytes.length} bytes sent, ${size.width}×${size.height}`);
check(Math.max(size.width, size.height) <= maxSide && Math.max(size.width, size.height) >= maxSide - 1,
  `the server receives ${size.width}×${size.height}: long side IMAGE_MAX_SIDE (${maxSide})`);
check(size.width > size.height, 'turned upright from its EXIF orientation (landscape card)');
check(upload.parts[0].bytes.length * 5 < big.length, 'far fewer bytes than the original (less than a fifth)');
check((await page.locator('li.doc').innerText()).includes("N'DIAYE"), 'the resized photo is read');
await verdictDone();
await shot('player3-resized');

// --- Accessibility -------------------------------------------------------------------------
await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
const axe = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
for (const v of axe.violations) console.log(`#   axe ${v.impact}: ${v.id} — ${v.help} (${v.nodes.length})`);
const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
check(serious.length === 0, `axe-core: no serious or critical violation (${axe.violations.length} minor)`);
// Keyboard: the first tab stops are the skip link, the match, then "Photographier".
await page.focus('a.skip');
const order = [await page.evaluate(() => document.activeElement.textContent.trim())];
for (let i = 0; i < 9 && order.length < 6; i++) {  // a date input holds three tab stops
  await page.keyboard.press('Tab');
  const at = await page.evaluate(() => document.activeElement.id || document.activeElement.textContent.trim());
  if (at !== order.at(-1)) order.push(at);
}
check(order.join(',') === 'Aller au joueur en cours,match-date,min-age,max-age,take-photo,pick-file', `focus order: ${order.join(' → ')}`);

// --- The match sheet: CSV and print ------------------------------------------------------
const rows = await page.locator('#sheet-table tbody tr').count();
check(rows === 3, `the match sheet lists the three players (${rows})`);
await shot('sheet');
const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
const csvPath = outPath('feuille-de-match.csv');
await download.saveAs(csvPath);
const csv = fs.readFileSync(csvPath, 'utf8');
for (const l of csv.trim().split('\r\n')) console.log(`#   csv: ${l}`);
const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
check(csv.startsWith('\ufeff') && download.suggestedFilename() === 'feuille-de-match-2026-06-13.csv', 'CSV with a BOM, named after the match date');
check(lines[0] === 'Date de la rencontre;N°;Nom;Prénoms;Date de naissance;N° de licence;Verdict;Motifs', 'CSV header');
check(lines.length === 4, 'one CSV line per player');
check(/^2026-06-13;1;N'DIAYE;[^;]*;16\/07\/1962;2467183B;(OK|À vérifier);/.test(lines[1]), `player 1 in the CSV: ${lines[1]}`);
check(/^2026-06-13;2;[A-Z][A-Z' -]*;.*;Refusé;.+/.test(lines[2]), `player 2 in the CSV: ${lines[2]}`);

await page.emulateMedia({ media: 'print' });
await page.setViewportSize({ width: 794, height: 1123 });  // A4 at 96 dpi
check(!(await page.locator('#player').isVisible()) && !(await page.locator('#match').isVisible()), 'printed: the player and the match form are hidden');
check(await page.locator('#sheet-table').isVisible(), 'printed: the match sheet is there');
check(/Rencontre du samedi 13 juin 2026 — âge minimum 18 ans/.test(await page.locator('#sheet-date').innerText()), 'printed: the match date in words');
check(!(await page.locator('#export-csv').isVisible()), 'printed: no buttons');
await shot('print');
await page.screenshot({ path: outPath('print-sheet.png'), clip: { x: 0, y: 0, width: 794, height: 420 } });
await page.pdf({ path: outPath('feuille-de-match.pdf'), format: 'A4' });
await page.emulateMedia({ media: 'screen' });
await page.setViewportSize({ width: 360, height: 780 });

// --- The answers the page read, and the results it sent, follow the schemas ---------------
const { checkErrors } = await import('./lib/check-schema.mjs');
const { resultErrors } = await import('./lib/schema.mjs');
let invalid = 0;
for (const post of app.posts.filter((p) => p.url.startsWith('/v1/check'))) {
  const answer = await (await fetch(`${app.url}/v1/check`, { method: 'POST', headers: { 'content-type': post.contentType }, body: post.body })).json();
  const errors = checkErrors(answer);
  if (errors) { invalid++; console.log(`#   invalid check answer:\n  ${errors}`); }
  for (const part of multipartFiles(post.body, post.contentType)) {
    const rErrors = resultErrors(JSON.parse(part.bytes.toString()));
    if (rErrors) { invalid++; console.log(`#   invalid result sent:\n  ${rErrors}`); }
  }
}
check(invalid === 0, 'every player check the page read follows schema/check.schema.json, every result it sent (corrections included) schema/result.schema.json');

// --- Nothing kept in the browser -----------------------------------------------------------
const kept = await page.evaluate(async () => ({
  local: localStorage.length, session: sessionStorage.length, cookies: document.cookie,
  idb: indexedDB.databases ? (await indexedDB.databases()).length : 0,
}));
check(kept.local === 0 && kept.session === 0 && kept.cookies === '' && kept.idb === 0, 'nothing in localStorage, sessionStorage, cookies or IndexedDB');
const csp = problems.filter((p) => /Content Security Policy|Refused to/.test(p));
check(csp.length === 0, `no Content-Security-Policy violation (${csp.join(' | ')})`);
const errors = problems.filter((p) => !/Failed to load resource/.test(p));
check(errors.length === 0, `no script error in the page (${errors.join(' | ')})`);

await context.close();
console.log(`# screenshots in ${path.dirname(outPath('x'))}`);
process.exit(process.exitCode ?? 0);
