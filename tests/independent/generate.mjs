#!/usr/bin/env node
// The independent document set: documents of the same kinds as tools/gendocs, drawn by
// another renderer (HTML/CSS in headless Chromium) with other layouts, fonts, colours and
// label wordings (templates.mjs), then "captured" three ways:
//   scan  - the document fills the image, straight, on white (300 dpi);
//   photo - on a table, turned up to 12 degrees, in perspective, uneven light, JPEG q80;
//   hard  - small in the frame, stronger perspective, blur, glare, low contrast, any of the
//           four orientations, JPEG q60;
//   pdf   - (only when asked: --conditions pdf) the scan's page printed to PDF by Chromium,
//           with its text layer, written as .pdf;
//   pdfscan - (only when asked) a scanned attestation: the page screenshotted with a
//           scanner's look (slightly turned, greyed) and that image alone printed to an A4
//           PDF, so the PDF has no text layer;
//   app   - (only when asked; families that draw one) a phone screenshot of the licence in
//           an app, written as .png.
// pdf, pdfscan and app are made for the FFT licence only.
// Writes <family>-<kind>-<condition>-<i>.jpg and .json (the truth, in the format of
// tools/gendocs plus "source": "html-<family>" and "held_out"). The seen families harbor,
// lantern, orchard, quarry, willow, summit, juniper, kestrel and linden live in
// templates_harbor.mjs, templates_lantern.mjs, templates_orchard.mjs, templates_quarry.mjs,
// templates_willow.mjs, templates_summit.mjs, templates_juniper.mjs, templates_kestrel.mjs and
// templates_linden.mjs. The
// held-out family lives in templates_heldout.mjs (do not read it while working on the engine).
//   node tests/independent/generate.mjs --out DIR [--count N] [--seed S] [--families a,b]
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KINDS, makeDocument, rng } from './identity.mjs';
import { FAMILIES as SEEN } from './templates.mjs';
import { HARBOR_FAMILIES } from './templates_harbor.mjs';
import { LANTERN_FAMILIES } from './templates_lantern.mjs';
import { ORCHARD_FAMILIES } from './templates_orchard.mjs';
import { QUARRY_FAMILIES } from './templates_quarry.mjs';
import { WILLOW_FAMILIES } from './templates_willow.mjs';
import { SUMMIT_FAMILIES } from './templates_summit.mjs';
import { JUNIPER_FAMILIES } from './templates_juniper.mjs';
import { KESTREL_FAMILIES } from './templates_kestrel.mjs';
import { LINDEN_FAMILIES } from './templates_linden.mjs';
import { HELD_OUT, HELD_OUT_FAMILIES, LICENCE_ONLY } from './templates_heldout.mjs';

const FAMILIES = { ...SEEN, ...HARBOR_FAMILIES, ...LANTERN_FAMILIES, ...ORCHARD_FAMILIES, ...QUARRY_FAMILIES, ...WILLOW_FAMILIES, ...SUMMIT_FAMILIES, ...JUNIPER_FAMILIES, ...KESTREL_FAMILIES, ...LINDEN_FAMILIES, ...HELD_OUT_FAMILIES };

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../node/package.json'));

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : 'true']);
  return acc;
}, []));
const out = args.out;
if (!out) {
  console.error('usage: generate.mjs --out DIR [--count N] [--seed S] [--families civic,ribbon,atlas,harbor,lantern,orchard,quarry,willow,summit,juniper,kestrel,linden,meridian] [--kinds k1,k2] [--conditions scan,photo,hard,pdf,pdfscan,app]');
  process.exit(2);
}
const count = Number(args.count ?? 2);
const seed = Number(args.seed ?? 16);
const families = (args.families ?? Object.keys(FAMILIES).join(',')).split(',');
const kinds = (args.kinds ?? KINDS.join(',')).split(',');
const conditions = (args.conditions ?? 'scan,photo,hard').split(',');
const chromium_path = process.env.CHROMIUM ?? '/usr/bin/chromium';

let pw;
try {
  pw = require('playwright-core');
} catch {
  console.error('generate: playwright-core missing (scripts/install-deps.sh --test)');
  process.exit(77);
}
if (!fs.existsSync(chromium_path)) {
  console.error(`generate: no Chromium at ${chromium_path} (apt-get install chromium)`);
  process.exit(77);
}

const TABLES = [
  'repeating-linear-gradient(92deg,#6b4a2f 0 7px,#7a5535 7px 19px,#5e4029 19px 23px)',
  'radial-gradient(circle at 30% 40%,#9aa3ab,#4f565c)',
  'linear-gradient(135deg,#2d3a2e,#586b4f)',
  'repeating-linear-gradient(0deg,#c8c2b5 0 2px,#d4cfc3 2px 5px)',
  '#e9e9e6', // a white table: little contrast with the card
];

// The captured image: the page around the document, and how it is held.
function scene(doc, design, condition, r) {
  const { width: w, height: h } = design;
  if (condition === 'scan') {
    const margin = r.pick([0, 0, 12, 40]);
    return {
      vw: w + 2 * margin, vh: h + 2 * margin, quality: 90,
      html: `<body style="margin:0;background:#fff"><div style="position:absolute;left:${margin}px;top:${margin}px">${design.html}</div></body>`,
    };
  }
  const hard = condition === 'hard';
  const landscape = w >= h;
  const vw = landscape ? 1600 : 1200;
  const vh = landscape ? 1200 : 1600;
  const fill = hard ? r.range(0.45, 0.6) : r.range(0.65, 0.85);
  const scale = Math.min((vw * fill) / w, (vh * fill) / h);
  const turn = r.range(-12, 12);
  const tiltX = r.range(-1, 1) * (hard ? 28 : 14);
  const tiltY = r.range(-1, 1) * (hard ? 28 : 14);
  const blur = hard ? r.range(0.6, 1.3) : r.range(0, 0.4);
  const contrast = hard ? r.range(0.55, 0.8) : r.range(0.85, 1.0);
  const brightness = hard ? r.range(0.75, 1.15) : r.range(0.9, 1.08);
  const table = r.pick(TABLES);
  const gx = r.int(10, 90), gy = r.int(10, 90);
  const glare = hard
    ? `<div style="position:absolute;inset:0;background:radial-gradient(circle at ${gx}% ${gy}%,#ffffffb0 0,#ffffff40 12%,#0000 30%)"></div>`
    : '';
  const shade = `<div style="position:absolute;inset:0;background:linear-gradient(${r.int(0, 359)}deg,#0000 40%,#00000040)"></div>`;
  const html = `<body style="margin:0;width:${vw}px;height:${vh}px;overflow:hidden;background:${table};position:relative">` +
    `<div style="position:absolute;left:${(vw - w) / 2}px;top:${(vh - h) / 2}px;width:${w}px;height:${h}px;` +
    `transform:perspective(2400px) scale(${scale.toFixed(3)}) rotateZ(${turn.toFixed(2)}deg) rotateX(${tiltX.toFixed(2)}deg) rotateY(${tiltY.toFixed(2)}deg);` +
    `filter:blur(${blur.toFixed(2)}px) contrast(${contrast.toFixed(2)}) brightness(${brightness.toFixed(2)});` +
    `box-shadow:0 12px 40px #0008;border-radius:24px">${design.html}</div>${shade}${glare}</body>`;
  return { vw, vh, html, quality: hard ? 60 : 80, rotate: hard ? r.pick([0, 0, 90, 180, 270]) : 0 };
}

// A page through an office scanner: a little turned and offset, greyed, slightly soft,
// on the scanner's off-white, saved as a JPEG (then embedded alone in a PDF).
function scanned(design, r) {
  const { width: w, height: h } = design;
  const turn = r.range(-1.2, 1.2);
  const grey = r.chance(0.5) ? 'grayscale(1) ' : '';
  const html = `<body style="margin:0;width:${w}px;height:${h}px;overflow:hidden;background:#f6f5f0;position:relative">` +
    `<div style="position:absolute;left:${r.int(-6, 10)}px;top:${r.int(-6, 14)}px;transform:rotate(${turn.toFixed(2)}deg);` +
    `filter:${grey}contrast(${r.range(1.05, 1.25).toFixed(2)}) brightness(${r.range(0.97, 1.05).toFixed(2)}) blur(${r.range(0.2, 0.6).toFixed(2)}px)">` +
    `${design.html}</div></body>`;
  return { vw: w, vh: h, html, quality: r.int(70, 88) };
}

// The four orientations of a hard capture: the screenshot turned by CSS would clip, so
// the page is laid out turned instead (width and height swapped, content rotated).
function turned(sc) {
  if (!sc.rotate) return sc;
  const swap = sc.rotate !== 180;
  const vw = swap ? sc.vh : sc.vw, vh = swap ? sc.vw : sc.vh;
  const inner = sc.html.replace(/^<body[^>]*>/, '').replace(/<\/body>$/, '');
  const bodyStyle = sc.html.match(/^<body style="([^"]*)"/)[1];
  return {
    ...sc, vw, vh,
    html: `<body style="margin:0;overflow:hidden;width:${vw}px;height:${vh}px;background:#000">` +
      `<div style="position:absolute;left:${(vw - sc.vw) / 2}px;top:${(vh - sc.vh) / 2}px;width:${sc.vw}px;height:${sc.vh}px;` +
      `transform:rotate(${sc.rotate}deg)"><div style="${bodyStyle}">${inner}</div></div></body>`,
  };
}

const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'jae-chromium-'));
const browser = await pw.chromium.launchPersistentContext(userData, {
  executablePath: chromium_path,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let written = 0;
try {
  fs.mkdirSync(out, { recursive: true });
  const page = browser.pages()[0] ?? (await browser.newPage());
  for (const family of families) {
    for (const kind of kinds) {
      for (const condition of conditions) {
        if (LICENCE_ONLY.includes(condition) && kind !== 'fft_licence') continue;
        if (condition === 'app' && !FAMILIES[family].app) continue;
        for (let i = 0; i < count; ++i) {
          // One stream per image: adding a family or a kind leaves the others unchanged.
          const key = `${family}/${kind}/${condition}/${i}`;
          let h = seed >>> 0;
          for (const c of key) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
          const r = rng(h);
          const doc = makeDocument(kind, r);
          const design = FAMILIES[family](doc, r, condition);
          // `pdf`: the scan's page printed to PDF by Chromium, text layer included (an
          // attestation as a federation's site exports it).
          const pdf = condition === 'pdf';
          const pdfscan = condition === 'pdfscan';
          const app = condition === 'app';
          let sc = app
            ? { vw: design.width, vh: design.height, html: `<body style="margin:0">${design.html}</body>` }
            : pdfscan ? scanned(design, r) : scene(doc, design, pdf ? 'scan' : condition, r);
          if (design.screenshot && condition === 'scan') sc = { ...sc, quality: 92 };
          if (!pdf && !pdfscan && !app) sc = turned(sc);
          await page.setViewportSize({ width: Math.round(sc.vw), height: Math.round(sc.vh) });
          await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head>${sc.html}</html>`);
          await page.evaluate(async () => {
            await document.fonts.ready;
            // The MRZ exactly as wide as the design wants it (OCR-B's advance varies by build).
            for (const el of document.querySelectorAll('.mrz[data-width]')) {
              const size = parseFloat(el.style.fontSize);
              const pad = parseFloat(el.style.padding) || 0;
              const inner = el.getBoundingClientRect().width / (el.getBoundingClientRect().width / el.offsetWidth || 1) - 2 * pad;
              el.style.fontSize = `${(size * Number(el.dataset.width)) / inner}px`;
            }
          });
          const name = `${family}-${kind}-${condition}-${i}`;
          if (pdfscan) {
            // The page as a scanner saw it, then only that image on an A4 page: no text layer.
            const shot = await page.screenshot({ type: 'jpeg', quality: sc.quality });
            await page.setViewportSize({ width: 794, height: 1123 });
            await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>@page{size:A4;margin:0}` +
              `body{margin:0}img{display:block;width:210mm;height:297mm;object-fit:contain}</style></head>` +
              `<body><img src="data:image/jpeg;base64,${shot.toString('base64')}"></body></html>`);
            await page.evaluate(() => document.querySelector('img').decode());
            await page.pdf({ path: path.join(out, `${name}.pdf`), format: 'A4', printBackground: true,
              margin: { top: 0, right: 0, bottom: 0, left: 0 }, pageRanges: '1' });
          } else if (app) {
            await page.screenshot({ path: path.join(out, `${name}.png`), type: 'png' });
          } else if (pdf) {
            await page.pdf({ path: path.join(out, `${name}.pdf`), width: `${Math.round(sc.vw)}px`,
              height: `${Math.round(sc.vh)}px`, printBackground: true, pageRanges: '1' });
          } else {
            await page.screenshot({ path: path.join(out, `${name}.jpg`), type: 'jpeg', quality: sc.quality });
          }
          const truth = {
            kind, condition, source: `html-${family}`, held_out: family === HELD_OUT,
            document_type: doc.document_type, side: doc.side, issuing_country: doc.issuing_country,
            mrz_lines: doc.mrz_lines, fields: doc.fields, seed, index: i, rotation_deg: sc.rotate ?? 0,
          };
          fs.writeFileSync(path.join(out, `${name}.json`), JSON.stringify(truth, null, 2) + '\n');
          ++written;
        }
      }
    }
  }
} finally {
  await browser.close();
  fs.rmSync(userData, { recursive: true, force: true });
}
console.error(`generate: ${written} documents in ${out}`);
