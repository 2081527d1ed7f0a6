// The `juniper` family of the independent set (seen): conventions of real documents and real
// screens that civic, ribbon, atlas, harbor, lantern, orchard, quarry, willow and summit lack
// (from public knowledge of the real documents; its author did not open the held-out family):
//
//   - a SECURITY BACKGROUND behind the text itself, as real cards print it: fine guilloche
//     SINE WAVES (an inline SVG tile) over an "iris" gradient whose colour shifts across the
//     card (blue, pink, yellow), a faint repeated watermark text ("RÉPUBLIQUE FRANÇAISE", "RF",
//     "FFT") in diagonal rows and a large line ROSETTE behind the field block;
//   - captions in SMALL CAPS (CSS font-variant from lower-case wordings: "Nom", "Date de
//     naissance" drawn as small capitals) in a light grey-blue, values in a heavier, darker
//     face;
//   - 2021 card front, two designs: `form`, a Cerfa-like grid whose fields sit in BORDERED
//     CELLS with thin rules between them, the caption INSIDE the cell at its top left and the
//     value under it, three cells on the sex / nationality / birth-date row; `colon`, captions
//     ending with a colon on the SAME line as the value, the value pushed to the FAR RIGHT of a
//     wide table, and three "label : value" pairs on one line ("Sexe : F   Nationalité : FRA
//     Né(e) le : 13-07-1990");
//   - 2021 card back: an address box (street, then postcode and town) and a row of three cells
//     ("Taille", "Date de délivrance" / "Délivrée le", "Autorité"), or one line of three pairs;
//   - passport: the form grid of bordered cells with bilingual small-caps captions ("Nom /
//     Surname"), the number top right in a monospaced red;
//   - 1988 card: small-caps labels with colons and three pairs on one line ("Sexe : M  Taille :
//     1,70 m  Nationalité : Française"), given names in mixed case half the time ("Camille,
//     Anaëlle");
//   - residence permit: the form grid (three cells a row, bilingual small caps), "Type de titre"
//     and "Mentions" cells as distractors;
//   - dates as "13-07-1990" (hyphens) or "13 juillet 1990" (the full month in words, lower case;
//     "1er juillet 1990" on the first), one spelling per document;
//   - FFT licence: under scan/photo/hard 3 times in 5 a PLASTIC CARD (ID-1 size, rounded, an
//     "FFT" logo block, "Saison 2026-2027" or "2027", "Licence n°" over "1234567 A", the ranking
//     as a big round BADGE "15/4" over "Classement", the holder as "Marchand Camille" in mixed
//     case, surname first); else (and always as pdf and pdfscan) an A4 attestation with a logo
//     block and a 4-column bordered TABLE of two label/value pairs a row ("Nom | Marchand |
//     Prénom(s) | Camille", "Né(e) le | 13 juillet 1990 | Sexe | Féminin", ...); as `app` a
//     Ten'Up-like CARD STACK (rounded cards, the next ones peeking under the first) at other
//     device sizes (1170 x 2532, 720 x 1600 or 1080 x 2400), a status bar (with a camera
//     island on the large one), the season as "Saison 2026-2027", "Saison 2027" or "2027" in the
//     header, the ranking as a big badge beside "Dames · Senior +45" (or "Femme"/"Homme"),
//     "Licence n°" over "1234567 A", "Sexe" "Femme"/"Homme", the name in mixed case (either
//     order), the birth as "Née le 13 juil. 1990" or "Né le 13/07/1990" under it.
//
// The truth: the passport's and (when printed, always here) the 1988 card's nationality are
// ADDED (FRA), as summit does; every other field is identity.mjs's, and every truth field is
// printed. Surnames in mixed case count as the caps truth (the evaluator folds case).
//
// Fonts (none used by another family): Gentium Plus, Gentium Book Plus (fonts-sil-gentiumplus),
// Dosis (fonts-dosis), Inconsolata (fonts-inconsolata), Quicksand (fonts-quicksand);
// scripts/install-deps.sh --test. The MRZ stays in OCR-B.
//
// juniper(doc, r, condition) returns {html, width, height[, screenshot]}; juniper.app marks that
// it draws the `app` condition.

import { qrCode } from './templates_willow.mjs';

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const upper = (s) => s.toLocaleUpperCase('fr-FR');
const dmy = (iso, sep) => `${iso.slice(8, 10)}${sep}${iso.slice(5, 7)}${sep}${iso.slice(0, 4)}`;
// "MARCHAND" -> "Marchand", "N'GUESSAN" -> "N'Guessan", "LE BRIS" -> "Le Bris".
const mixed = (s) => s.toLocaleLowerCase('fr-FR').replace(/(^|[\s'-])(\p{L})/gu, (m, a, b) => a + b.toLocaleUpperCase('fr-FR'));

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre',
  'octobre', 'novembre', 'décembre'];
const MONTHS_SHORT = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];
const DATES = {
  hyphen: (x) => dmy(x, '-'),
  // "13 juillet 1990", "1er juillet 1990"
  words: (x) => {
    const d = Number(x.slice(8, 10));
    return `${d === 1 ? '1er' : d} ${MONTHS[Number(x.slice(5, 7)) - 1]} ${x.slice(0, 4)}`;
  },
  short: (x) => `${Number(x.slice(8, 10))} ${MONTHS_SHORT[Number(x.slice(5, 7)) - 1]} ${x.slice(0, 4)}`,
  slash: (x) => dmy(x, '/'),
};

function variant(doc, n, salt = '') {
  let h = 0x811c9dc5;
  for (const c of salt + JSON.stringify(doc.fields)) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  return h % n;
}
// One spelling per document: hyphens 3 times in 5, the month in words 2 in 5.
const dateStyle = (doc, salt) => (variant(doc, 5, `date${salt}`) < 3 ? DATES.hyphen : DATES.words);

// ----- security background ---------------------------------------------------------------
// Single-quoted, quotes escaped: usable in a style attribute as well as in a <style> block.
const svgUrl = (svg) => `url('data:image/svg+xml,${encodeURIComponent(svg).replace(/'/g, '%27')}')`;

// A tile of fine sine waves in phase-shifted pairs (guilloche-like when repeated).
function waves(ink, opacity, { w = 240, h = 46, n = 5 } = {}) {
  let paths = '';
  for (let k = 0; k < n; ++k) {
    let d = '';
    const amp = (h / 2 - 3) * (k % 2 ? 1 : 0.55);
    for (let x = 0; x <= w; x += 3) {
      const y = h / 2 + amp * Math.sin((x / w) * 2 * Math.PI * (k % 3 === 2 ? 2 : 1) + (k * Math.PI) / n);
      d += `${x ? 'L' : 'M'}${x} ${y.toFixed(1)}`;
    }
    paths += `<path d='${d}' fill='none' stroke='${ink}' stroke-opacity='${opacity}' stroke-width='0.9'/>`;
  }
  return svgUrl(`<svg xmlns='http://www.w3.org/2000/svg' width='${w}' height='${h}'>${paths}</svg>`);
}

// A tile of faint diagonal watermark text.
function watermark(text, ink, opacity, size = 20) {
  const w = Math.round(text.length * size * 0.8 + 120), h = Math.round(size * 5);
  return svgUrl(`<svg xmlns='http://www.w3.org/2000/svg' width='${w}' height='${h}'>` +
    `<text x='${w / 2}' y='${Math.round(h * 0.6)}' text-anchor='middle' transform='rotate(-8 ${w / 2} ${h / 2})' font-family='Gentium Plus,serif' ` +
    `font-size='${size}' font-weight='bold' fill='${ink}' fill-opacity='${opacity}'>${esc(text)}</text></svg>`);
}

// A line rosette: ellipses turned about one centre.
function rosette(size, ink, opacity) {
  let e = '';
  for (let k = 0; k < 36; ++k) {
    e += `<ellipse cx='${size / 2}' cy='${size / 2}' rx='${size * 0.47}' ry='${size * 0.16}' transform='rotate(${k * 5} ${size / 2} ${size / 2})' ` +
      `fill='none' stroke='${ink}' stroke-opacity='${opacity}' stroke-width='0.8'/>`;
  }
  for (let k = 1; k <= 4; ++k) e += `<circle cx='${size / 2}' cy='${size / 2}' r='${size * 0.1 * k}' fill='none' stroke='${ink}' stroke-opacity='${opacity}' stroke-width='0.7'/>`;
  return svgUrl(`<svg xmlns='http://www.w3.org/2000/svg' width='${size}' height='${size}'>${e}</svg>`);
}

// [iris colours (3), wave ink, caption ink]
const PALETTES = [
  [['#e2ecf8', '#f6e3ee', '#f7f1d9'], '#3d64a8', '#6a7fa6'],
  [['#e4f2ec', '#eef0f8', '#f8ebe0'], '#2f7a62', '#5f8a7d'],
  [['#f3e6f1', '#e4eef6', '#eef5e0'], '#8a3f7a', '#8a6f8e'],
  [['#f6efe0', '#e6eef6', '#f3e4e8'], '#9a6a2a', '#7d7463'],
];
// The background of a card: waves, watermark rows and the iris under them.
const security = ([iris, ink], mark = 'RÉPUBLIQUE FRANÇAISE') =>
  `background:${waves(ink, 0.22)},${watermark(mark, ink, 0.07)},linear-gradient(100deg,${iris[0]},${iris[1]} 50%,${iris[2]})`;
const rosetteLayer = (size, ink, left, top) =>
  `<div style="position:absolute;left:${left}px;top:${top}px;width:${size}px;height:${size}px;background:${rosette(size, ink, 0.2)}"></div>`;

function mrzBlock(lines, widthPx, color = '#111') {
  if (!lines.length) return '';
  const n = lines[0].length;
  const size = (widthPx / (n * 0.6)).toFixed(2);
  return `<div class="mrz" data-width="${widthPx}" style="display:inline-block;font-family:'OCR B';font-size:${size}px;line-height:1.4;` +
    `white-space:pre;color:${color};padding:0px;">` + lines.map(esc).join('<br>') + '</div>';
}

function portrait(w, h, { grey = true, round = 6 } = {}) {
  return `<div style="width:${w}px;height:${h}px;flex:none;position:relative;overflow:hidden;background:linear-gradient(180deg,#eef1f4,#d0d6dc);` +
    `border-radius:${round}px;${grey ? 'filter:grayscale(1) contrast(0.9);' : ''}">` +
    `<div style="position:absolute;left:${w * 0.3}px;top:${h * 0.16}px;width:${w * 0.4}px;height:${h * 0.42}px;border-radius:46%;background:#b08b74"></div>` +
    `<div style="position:absolute;left:${w * 0.26}px;top:${h * 0.09}px;width:${w * 0.48}px;height:${h * 0.2}px;border-radius:50% 50% 25% 25%;background:#3b2b20"></div>` +
    `<div style="position:absolute;left:${w * 0.05}px;top:${h * 0.64}px;width:${w * 0.9}px;height:${h * 0.5}px;border-radius:45% 45% 0 0;background:#44505e"></div></div>`;
}

const AUTHORITIES = ['Préfecture de la Vienne', 'Préfecture du Morbihan', 'Sous-préfecture de Lorient',
  'Préfecture de la Haute-Garonne', 'Préfecture du Bas-Rhin', 'Sous-préfecture de Bayonne'];
const givenCommas = (g) => upper(g).split(' ').join(', ');
const givenMixedCommas = (g) => g.split(' ').join(', ');
const height = (r) => `1,${r.int(52, 93)} m`;

// Small-caps caption (lower-case wording drawn as small capitals).
const SC = (color, size, font = "'Gentium Plus'") =>
  `font-family:${font};font-variant:small-caps;font-size:${size}px;color:${color};letter-spacing:0.4px;white-space:nowrap;line-height:1.1`;

// A form grid: cells with thin rules, the caption inside each cell at its top left.
function formGrid(rows, { capColor, capSize, valFont, valSize, rule, colWidths, pad = 4 }) {
  const tr = rows.map((row) => `<tr>${row.map(([cap, val, span = 1]) =>
    `<td colspan="${span}" style="border:1px solid ${rule};padding:${pad}px 10px ${pad + 1}px 10px;vertical-align:top">` +
    `<div style="${SC(capColor, capSize)}">${cap}</div>` +
    `<div style="font-family:${valFont};font-weight:700;font-size:${valSize}px;color:#15181d;white-space:nowrap;line-height:1.2">${(Array.isArray(val) ? val.map(esc).join('<br>') : esc(val)) || '&nbsp;'}</div></td>`).join('')}</tr>`).join('');
  const colgroup = colWidths ? `<colgroup>${colWidths.map((w) => `<col style="width:${w}px">`).join('')}</colgroup>` : '';
  return `<table style="border-collapse:collapse;table-layout:${colWidths ? 'fixed' : 'auto'};background:#ffffff38">${colgroup}${tr}</table>`;
}
const bi = (fr, en) => `${esc(fr)} / <i>${esc(en)}</i>`;

// ----- 2021 card front --------------------------------------------------------------------
function cardFront(doc, r) {
  const f = doc.fields;
  const w = 1011, h = 638;
  const pal = r.pick(PALETTES);
  const date = dateStyle(doc, 'f');
  const design = variant(doc, 2, 'front') === 0 ? 'form' : 'colon';
  const valFont = r.pick(["'Dosis'", "'Gentium Book Plus'"]);
  const nat = r.pick(['FRA', 'FRA', 'Française']);
  let fields;
  if (design === 'form') {
    const given = r.chance(0.5) ? givenCommas(f.given_names) : upper(f.given_names);
    fields = formGrid([
      [[bi('Nom', 'Surname'), upper(f.surname), 3]],
      [[bi('Prénoms', 'Given names'), given, 3]],
      [[bi('Sexe', 'Sex'), f.sex], [bi('Nationalité', 'Nationality'), nat], [bi('Date de naissance', 'Date of birth'), date(f.birth_date)]],
      [[bi('Lieu de naissance', 'Place of birth'), f.birth_place, 2], [bi('N° du document', 'Document No'), f.document_number]],
      [[bi("Date d'expiration", 'Expiry date'), date(f.expiry_date), 2], [bi("Nom d'usage", 'Alternate name'), '']],
    ], { capColor: pal[2], capSize: 15, valFont, valSize: 31, rule: `${pal[1]}66`, colWidths: [150, 190, 300], pad: 8 });
  } else {
    // Caption with its colon left, the value at the far right of the row.
    const given = r.chance(0.5) ? givenMixedCommas(f.given_names) : upper(f.given_names);
    const lab = (t) => `<span style="${SC(pal[2], 19)}">${esc(t)} :</span>`;
    const val = (v) => `<span style="font-family:${valFont};font-weight:700;font-size:30px;color:#15181d;white-space:nowrap">${esc(v)}</span>`;
    const row = (l, v) => `<div style="display:flex;justify-content:space-between;align-items:baseline;padding:10px 0;border-bottom:1px dotted ${pal[1]}55">${lab(l)}${val(v)}</div>`;
    const pairs = (...p) => `<div style="display:flex;justify-content:space-between;align-items:baseline;padding:10px 0;border-bottom:1px dotted ${pal[1]}55">` +
      p.map(([l, v]) => `<span style="white-space:nowrap">${lab(l)} ${val(v)}</span>`).join('') + '</div>';
    fields = `<div style="width:620px">` + row('Nom', upper(f.surname)) + row('Prénoms', given) +
      pairs(['Sexe', f.sex], ['Nationalité', nat], ['Né(e) le', date(f.birth_date)]) +
      row('Lieu de naissance', f.birth_place) + row('N° du document', f.document_number) +
      row("Date d'expiration", date(f.expiry_date)) + '</div>';
  }
  const body = `<div style="padding:18px 30px 0 30px;display:flex;justify-content:space-between;align-items:center;color:${pal[1]}">` +
    `<div style="font-family:'Gentium Plus'"><div style="font-size:23px;font-weight:700;letter-spacing:2px">RÉPUBLIQUE FRANÇAISE</div>` +
    `<div style="font-size:15px;font-variant:small-caps">Carte nationale d'identité / <i>Identity card</i></div></div>` +
    `<div style="width:58px;height:40px;border-radius:7px;background:linear-gradient(135deg,#e0c97e,#b79a48)"></div></div>` +
    `<div style="display:flex;gap:24px;padding:16px 30px 0 30px;position:relative">${portrait(200, 262)}${fields}</div>` +
    `<div style="position:absolute;left:30px;top:392px;${SC(pal[2], 14)}">signature du titulaire<div style="width:180px;height:22px;border-bottom:2px solid #2a2a2a;transform:skewX(-24deg)"></div></div>`;
  const css = `<style>.jf{box-sizing:border-box;position:relative;overflow:hidden;border-radius:28px;color:#15181d;${security(pal)}}</style>`;
  return { width: w, height: h, html: `<div class="jf" style="width:${w}px;height:${h}px">${css}${rosetteLayer(380, pal[1], 560, 150)}<div style="position:relative">${body}</div></div>` };
}

// ----- 2021 card back ---------------------------------------------------------------------
function cardBack(doc, r) {
  const f = doc.fields;
  const w = 1011, h = 638;
  const pal = r.pick(PALETTES);
  const date = dateStyle(doc, 'b');
  const m = f.address.match(/^(.*) (\d{5}) (.*)$/);
  const [street, town] = m ? [m[1], `${m[2]} ${m[3]}`] : [f.address, ''];
  const valFont = r.pick(["'Dosis'", "'Gentium Book Plus'"]);
  const authority = r.pick(AUTHORITIES);
  let fields;
  if (variant(doc, 2, 'back') === 0) {
    const issue = r.pick([bi('Date de délivrance', 'Date of issue'), esc('Délivrée le')]);
    fields = formGrid([
      [[bi('Adresse', 'Address'), [street, town], 3]],
      [[bi('Taille', 'Height'), height(r)], [issue, date(f.issue_date)], [bi('Autorité', 'Authority'), authority]],
    ], { capColor: pal[2], capSize: 16, valFont, valSize: 30, rule: `${pal[1]}66`, colWidths: [150, 270, 400], pad: 9 });
  } else {
    const lab = (t) => `<span style="${SC(pal[2], 19)}">${esc(t)} :</span>`;
    const val = (v) => `<span style="font-family:${valFont};font-weight:700;font-size:30px;color:#15181d;white-space:nowrap">${esc(v)}</span>`;
    fields = `<div style="width:800px">` +
      `<div style="display:flex;gap:18px;align-items:baseline">${lab('Adresse')}<div style="line-height:1.3">${val(street)}<br>${val(town)}</div></div>` +
      `<div style="display:flex;gap:40px;align-items:baseline;margin-top:30px">` +
      `<span>${lab('Taille')} ${val(height(r))}</span><span>${lab('Délivrée le')} ${val(date(f.issue_date))}</span></div>` +
      `<div style="margin-top:24px">${lab('Par')} ${val(authority)}</div></div>`;
  }
  const mrzW = Math.round(w * 0.88);
  const body = `<div style="padding:34px 36px 0 36px;position:relative">${fields}</div>` +
    `<div style="position:absolute;left:0;right:0;bottom:0;height:${Math.round(h * 0.3)}px;background:#fbfbf9;display:flex;align-items:center;justify-content:center">` +
    `${mrzBlock(doc.mrz_lines, mrzW)}</div>`;
  const css = `<style>.jb{box-sizing:border-box;position:relative;overflow:hidden;border-radius:28px;color:#15181d;${security(pal)}}</style>`;
  return { width: w, height: h, html: `<div class="jb" style="width:${w}px;height:${h}px">${css}${rosetteLayer(300, pal[1], 680, 40)}${body}</div>` };
}

// ----- passport ---------------------------------------------------------------------------
function passport(doc, r) {
  const f = doc.fields;
  f.nationality = 'FRA'; // printed on every passport
  const w = 1476, h = 1039;
  const pal = r.pick(PALETTES);
  const date = dateStyle(doc, 'p');
  const valFont = r.pick(["'Dosis'", "'Gentium Book Plus'"]);
  const grid = formGrid([
    [[bi('Nom', 'Surname'), upper(f.surname), 3]],
    [[bi('Prénoms', 'Given names'), givenCommas(f.given_names), 3]],
    [[bi('Nationalité', 'Nationality'), r.pick(['Française', 'FRANÇAISE'])], [bi('Sexe', 'Sex'), f.sex], [bi('Date de naissance', 'Date of birth'), date(f.birth_date)]],
    [[bi('Lieu de naissance', 'Place of birth'), f.birth_place, 2], [bi('Taille', 'Height'), height(r)]],
    [[bi('Date de délivrance', 'Date of issue'), date(f.issue_date), 2], [bi("Date d'expiration", 'Date of expiry'), date(f.expiry_date)]],
    [[bi('Autorité', 'Authority'), r.pick(AUTHORITIES), 3]],
  ], { capColor: pal[2], capSize: 19, valFont, valSize: 40, rule: `${pal[1]}66`, colWidths: [310, 230, 420], pad: 9 });
  const head = `<div style="display:flex;justify-content:space-between;align-items:flex-start;padding:30px 50px 0 50px;color:${pal[1]};font-family:'Gentium Plus'">` +
    `<div><div style="font-size:28px;font-weight:700;letter-spacing:3px">RÉPUBLIQUE FRANÇAISE</div><div style="font-size:20px;font-variant:small-caps">Passeport / <i>Passport</i></div></div>` +
    `<div style="display:flex;gap:30px">` +
    `<div><div style="${SC(pal[2], 16)}">${bi('Type', 'Type')}</div><div style="font-family:${valFont};font-size:30px;font-weight:700;color:#15181d">P</div></div>` +
    `<div><div style="${SC(pal[2], 16)}">${bi('Code du pays', 'Country code')}</div><div style="font-family:${valFont};font-size:30px;font-weight:700;color:#15181d">FRA</div></div>` +
    `<div><div style="${SC(pal[2], 16)}">${bi('Passeport n°', 'Passport No.')}</div><div style="font-family:'Inconsolata';font-size:36px;font-weight:700;color:#a1202f;letter-spacing:1px">${esc(f.document_number)}</div></div></div></div>`;
  const body = head + `<div style="display:flex;gap:40px;padding:22px 50px 0 50px">${portrait(300, 400, { grey: false })}${grid}</div>`;
  const mrzW = Math.round(w * 0.9);
  const mrz = `<div style="position:absolute;left:0;right:0;bottom:0;height:${Math.round(h * 0.17)}px;background:#fbfbf9;display:flex;align-items:center;justify-content:center">${mrzBlock(doc.mrz_lines, mrzW)}</div>`;
  const css = `<style>.jp{box-sizing:border-box;position:relative;overflow:hidden;color:#15181d;${security(pal)}}</style>`;
  return { width: w, height: h, html: `<div class="jp" style="width:${w}px;height:${h}px">${css}${rosetteLayer(520, pal[1], 880, 200)}<div style="position:relative">${body}</div>${mrz}</div>` };
}

// ----- 1988 card --------------------------------------------------------------------------
function card1988(doc, r) {
  const f = doc.fields;
  f.nationality = 'FRA'; // "Nationalité : Française" printed on every juniper 1988 card
  const w = 1011, h = 638;
  const pal = r.pick(PALETTES);
  const date = dateStyle(doc, '88');
  const valFont = r.pick(["'Dosis'", "'Inconsolata'"]);
  const lab = (t) => `<span style="${SC(pal[2], 22)};margin-right:10px">${esc(t)} :</span>`;
  const val = (v) => `<span style="font-family:${valFont};font-weight:700;font-size:30px;color:#17191c;white-space:nowrap;margin-right:22px">${esc(v)}</span>`;
  const line = (...p) => `<div style="white-space:nowrap;margin-bottom:22px">${p.map(([l, v]) => lab(l) + val(v)).join('')}</div>`;
  const given = r.chance(0.5) ? givenMixedCommas(f.given_names) : givenCommas(f.given_names);
  const rows = line(['Nom', upper(f.surname)]) + line(['Prénom(s)', given]) +
    line(['Sexe', f.sex], ['Taille', height(r)], ['Nationalité', 'Française']) +
    line(['Né(e) le', date(f.birth_date)]) + line(['à', f.birth_place]);
  const body = `<div style="padding:20px 30px 0 30px;display:flex;justify-content:space-between;align-items:baseline;color:${pal[1]};font-family:'Gentium Plus'">` +
    `<span style="font-size:22px;letter-spacing:2px">RÉPUBLIQUE FRANÇAISE</span>` +
    `<span style="font-size:18px;font-variant:small-caps">Carte nationale d'identité n° <span style="font-family:'Inconsolata';font-variant:normal;font-size:26px;color:#17191c;font-weight:700">${esc(f.document_number)}</span></span></div>` +
    `<div style="display:flex;gap:30px;padding:20px 30px 0 30px">${portrait(190, 246, { round: 0 })}<div>${rows}` +
    `<div style="${SC(pal[2], 15)}">signature du titulaire</div></div></div>`;
  const mrzW = Math.round(w * 0.93);
  const mrz = `<div style="position:absolute;left:${Math.round((w - mrzW) / 2)}px;bottom:14px;background:#fbfbf9cc">${mrzBlock(doc.mrz_lines, mrzW)}</div>`;
  const css = `<style>.j8{box-sizing:border-box;position:relative;overflow:hidden;border-radius:22px;${security(pal, 'RF')}}</style>`;
  return { width: w, height: h, html: `<div class="j8" style="width:${w}px;height:${h}px">${css}${rosetteLayer(340, pal[1], 600, 110)}<div style="position:relative">${body}</div>${mrz}</div>` };
}

// ----- residence permit -------------------------------------------------------------------
function residence(doc, r) {
  const f = doc.fields;
  const w = 1011, h = 638;
  const pal = r.pick(PALETTES);
  const date = dateStyle(doc, 'r');
  const valFont = r.pick(["'Dosis'", "'Gentium Book Plus'"]);
  const grid = formGrid([
    [[bi('Nom', 'Surname'), upper(f.surname), 3]],
    [[bi('Prénoms', 'Given names'), upper(f.given_names), 3]],
    [[bi('Sexe', 'Sex'), f.sex], [bi('Nationalité', 'Nationality'), f.nationality], [bi('Date de naissance', 'Date of birth'), date(f.birth_date)]],
    [[bi('Type de titre', 'Type of permit'), r.pick(['CARTE DE RÉSIDENT', 'CARTE DE SÉJOUR', 'CARTE PLURIANNUELLE']), 2], [bi("Valable jusqu'au", 'Valid until'), date(f.expiry_date)]],
    [[bi('Mentions', 'Remarks'), r.pick(['VIE PRIVÉE ET FAMILIALE', 'SALARIÉ', 'ÉTUDIANT']), 3]],
  ], { capColor: pal[2], capSize: 14, valFont, valSize: 25, rule: `${pal[1]}66`, colWidths: [140, 230, 390], pad: 5 });
  const body = `<div style="padding:12px 28px;display:flex;justify-content:space-between;align-items:center;color:${pal[1]};font-family:'Gentium Plus';border-bottom:2px solid ${pal[1]}55">` +
    `<b style="font-size:21px;letter-spacing:2px">RÉPUBLIQUE FRANÇAISE</b><span style="font-size:18px;font-variant:small-caps">Titre de séjour / <i>Residence permit</i></span></div>` +
    `<div style="display:flex;gap:22px;padding:12px 28px 0 28px">${portrait(150, 196)}${grid}</div>`;
  const mrzW = Math.round(w * 0.9);
  const mrz = `<div style="position:absolute;left:${Math.round((w - mrzW) / 2)}px;bottom:8px">${mrzBlock(doc.mrz_lines, mrzW)}</div>`;
  const css = `<style>.jr{box-sizing:border-box;position:relative;overflow:hidden;border-radius:26px;color:#15181d;${security(pal)}}</style>`;
  return { width: w, height: h, html: `<div class="jr" style="width:${w}px;height:${h}px">${css}${rosetteLayer(300, pal[1], 660, 60)}<div style="position:relative">${body}</div>${mrz}</div>` };
}

// ----- FFT licence --------------------------------------------------------------------------
const seasonText = (f, r) => (r.chance(0.6) ? `Saison ${Number(f.season) - 1}-${f.season}` : `Saison ${f.season}`);
const ACCENTS = ['#1b5e8c', '#b5461d', '#256b45', '#4b3a8f'];
const logo = (size, accent) => `<div style="width:${size}px;height:${size}px;flex:none;border-radius:${size * 0.18}px;background:${accent};color:#fff;` +
  `display:flex;flex-direction:column;align-items:center;justify-content:center;font-family:'Quicksand';font-weight:700;line-height:1">` +
  `<div style="width:${size * 0.3}px;height:${size * 0.3}px;border-radius:50%;background:#d8e84a;margin-bottom:${size * 0.06}px"></div>` +
  `<div style="font-size:${size * 0.28}px;letter-spacing:1px">FFT</div></div>`;
const rankBadge = (text, accent, size) => `<div style="width:${size}px;height:${size}px;border-radius:50%;background:${accent};color:#fff;flex:none;display:flex;` +
  `align-items:center;justify-content:center;font-family:'Quicksand';font-weight:700;font-size:${Math.round(size / (text.length > 3 ? 3.5 : 2.6))}px;box-shadow:0 0 0 ${Math.round(size / 22)}px #fff, 0 0 0 ${Math.round(size / 12)}px ${accent}55">${esc(text)}</div>`;

// A plastic member card (ID-1), light, rounded: logo block, name surname first in mixed case.
function plasticCard(doc, r) {
  const f = doc.fields;
  const w = 1011, h = 638;
  const accent = r.pick(ACCENTS);
  const date = r.chance(0.5) ? DATES.words : DATES.hyphen;
  const name = r.chance(0.6) ? `${mixed(f.surname)} ${f.given_names}` : `${f.given_names} ${upper(f.surname)}`;
  const cell = (l, v, size = 30) => `<div><div style="font-size:17px;color:#6b7380;font-variant:small-caps;letter-spacing:0.5px">${esc(l)}</div>` +
    `<div style="font-size:${size}px;font-weight:700;white-space:nowrap;color:#14171b">${esc(v)}</div></div>`;
  const html = `<div style="width:${w}px;height:${h}px;box-sizing:border-box;border-radius:36px;overflow:hidden;position:relative;font-family:'Quicksand';` +
    `background:${waves(accent, 0.12, { w: 300, h: 60 })},${watermark('FFT', accent, 0.05, 34)},linear-gradient(135deg,#ffffff,#eef3f6 60%,#e4ecef)">` +
    `<div style="display:flex;align-items:center;gap:22px;padding:28px 36px 0 36px">${logo(92, accent)}` +
    `<div style="flex:1"><div style="font-size:19px;letter-spacing:2px;color:${accent};font-weight:700">FÉDÉRATION FRANÇAISE DE TENNIS</div>` +
    `<div style="font-size:24px;color:#3a4048">Carte de licencié</div></div>` +
    `<div style="font-size:26px;font-weight:700;color:#fff;background:${accent};border-radius:22px;padding:8px 20px">${esc(seasonText(f, r))}</div></div>` +
    `<div style="padding:22px 36px 0 36px;font-size:42px;font-weight:700;color:#14171b;white-space:nowrap">${esc(name)}</div>` +
    `<div style="display:flex;justify-content:space-between;padding:14px 36px 0 36px">` +
    `<div style="display:grid;grid-template-columns:300px 330px;row-gap:14px;column-gap:20px">` +
    cell('Licence n°', f.licence_number, 34) + cell('Né(e) le', date(f.birth_date)) +
    cell('Sexe', f.sex === 'F' ? 'Femme' : 'Homme') + cell('N° club', f.club_number) +
    `<div style="grid-column:span 2">${cell('Club', f.club_name, 28)}</div></div>` +
    `<div style="text-align:center;padding-top:6px">${rankBadge(f.ranking, accent, 170)}<div style="margin-top:14px;font-size:20px;color:#6b7380;font-variant:small-caps">Classement</div></div></div>` +
    `<div style="position:absolute;left:0;right:0;bottom:0;height:70px;background:${accent};color:#fff;display:flex;justify-content:space-between;align-items:center;padding:0 36px;box-sizing:border-box;font-size:21px">` +
    `<span>● Licence valide</span><span style="opacity:0.85">Carte personnelle · à présenter au juge-arbitre</span></div></div>`;
  return { width: w, height: h, html };
}

// An A4 attestation: logo block, then a 4-column bordered table of two pairs a row.
function attestation(doc, r) {
  const f = doc.fields;
  const w = 1240, h = 1754;
  const accent = r.pick(ACCENTS);
  const font = r.pick(["'Gentium Plus'", "'Gentium Book Plus'", "'Dosis'"]);
  const date = r.chance(0.5) ? DATES.words : DATES.hyphen;
  const surname = r.chance(0.6) ? mixed(f.surname) : upper(f.surname);
  const a = Number(f.season) - 1;
  const season = r.pick([`${a}-${f.season}`, f.season]);
  const L = (t) => `<td style="border:1px solid #9aa3ad;background:${accent}12;padding:17px 16px;font-variant:small-caps;color:#4d5560;font-size:26px;white-space:nowrap">${esc(t)}</td>`;
  const V = (t, span = 1) => `<td colspan="${span}" style="border:1px solid #9aa3ad;padding:17px 16px;font-weight:700;font-size:30px;white-space:nowrap">${esc(t)}</td>`;
  const rows = [
    [L('Nom'), V(surname), L('Prénom(s)'), V(f.given_names)],
    [L('Né(e) le'), V(date(f.birth_date)), L('Sexe'), V(f.sex === 'F' ? 'Féminin' : 'Masculin')],
    [L('Licence n°'), V(f.licence_number), L('Classement'), V(f.ranking)],
    [L('Club'), V(f.club_name, 3)],
    [L('N° de club'), V(f.club_number), L('Saison'), V(season)],
    [L('Ligue'), V(r.pick(['Bretagne', 'Occitanie', 'Grand Est', 'Normandie', 'Hauts-de-France'])), L('Type'), V(r.pick(['Compétition', 'Loisir', 'Club']))],
  ];
  const table = `<table style="border-collapse:collapse;width:100%;table-layout:fixed"><colgroup><col style="width:190px"><col style="width:320px"><col style="width:180px"><col></colgroup>` +
    rows.map((c) => `<tr>${c.join('')}</tr>`).join('') + '</table>';
  const html = `<div style="width:${w}px;height:${h}px;box-sizing:border-box;padding:90px 100px;font-family:${font};color:#16191d;position:relative;` +
    `background:${watermark('FÉDÉRATION FRANÇAISE DE TENNIS', accent, 0.035, 26)},#fff">` +
    `<div style="display:flex;gap:28px;align-items:center;border-bottom:3px solid ${accent};padding-bottom:26px">${logo(130, accent)}` +
    `<div><div style="font-size:32px;font-weight:700;color:${accent};letter-spacing:1px">FÉDÉRATION FRANÇAISE DE TENNIS</div>` +
    `<div style="font-size:21px;color:#5a616a;margin-top:4px">Service des licences · 2 avenue Gordon Bennett · 75016 Paris</div></div></div>` +
    `<div style="margin-top:90px;font-size:46px;font-weight:700;text-align:center;font-variant:small-caps;letter-spacing:1px">Attestation de licence</div>` +
    `<div style="margin-top:12px;text-align:center;font-size:28px;color:${accent}">${esc(seasonText(f, r))}</div>` +
    `<div style="margin-top:70px">${table}</div>` +
    `<div style="margin-top:60px;font-size:23px;color:#4f565e;line-height:1.6">La Fédération Française de Tennis atteste que la personne désignée ci-dessus est titulaire ` +
    `d'une licence en cours de validité. Attestation établie pour servir et valoir ce que de droit.</div>` +
    `<div style="position:absolute;right:100px;bottom:110px;text-align:right;font-size:22px;color:#4f565e">Le service des licences` +
    `<div style="margin-top:16px;width:220px;height:110px;margin-left:auto;border-radius:50%;border:3px solid ${accent}88;color:${accent}99;display:flex;align-items:center;justify-content:center;font-size:24px;transform:rotate(-10deg)">FFT · PARIS</div></div></div>`;
  return { width: w, height: h, html };
}

// The age category of the season ("Senior +45", "17-18 ans").
function category(f) {
  const age = Number(f.season) - Number(f.birth_date.slice(0, 4));
  if (age < 19) return `${Math.max(age - 1, 11)}-${Math.max(age, 12)} ans`;
  return age < 35 ? 'Senior' : `Senior +${Math.min(75, Math.floor(age / 5) * 5)}`;
}

// A Ten'Up-like screen: a stack of rounded cards at another phone's size.
const DEVICES = [[1170, 2532, true], [720, 1600, false], [1080, 2400, false]];
function app(doc, r) {
  const f = doc.fields;
  const [W, H, island] = r.pick(DEVICES);
  const s = W / 390, h = Math.floor(H / s);
  const dark = r.chance(0.4);
  const bg = dark ? '#101317' : '#eef1f5', card = dark ? '#1b2027' : '#ffffff', ink = dark ? '#f2f4f7' : '#111418', muted = dark ? '#9aa3ae' : '#68707b';
  const accent = r.pick(['#2456d6', '#e0572b', '#129c6b', '#7a3fd0']);
  const date = r.chance(0.5) ? DATES.short : DATES.slash;
  const season = r.pick([`Saison ${Number(f.season) - 1}-${f.season}`, f.season, `Saison ${f.season}`]);
  const name = r.chance(0.5) ? `${f.given_names} ${mixed(f.surname)}` : `${mixed(f.surname)} ${f.given_names}`;
  const initials = (f.given_names[0] + f.surname[0]).toUpperCase();
  const sex = f.sex === 'F' ? 'Femme' : 'Homme';
  const dames = f.sex === 'F' ? 'Dames' : 'Messieurs';
  const ne = f.sex === 'F' ? 'Née le' : 'Né le';
  const cardBox = (inner, extra = '') => `<div style="position:relative;background:${card};border-radius:22px;padding:14px 18px;margin:0 16px 12px 16px;box-shadow:0 2px 8px #0000001a;${extra}">${inner}</div>`;
  const kv = (l, v) => `<div style="padding:5px 0"><div style="font-size:12px;color:${muted}">${esc(l)}</div><div style="font-size:17px;font-weight:700;white-space:nowrap">${esc(v)}</div></div>`;
  const time = `${r.int(7, 22)}:${String(r.int(0, 59)).padStart(2, '0')}`;
  const status = `<div style="height:40px;display:flex;justify-content:space-between;align-items:center;padding:0 24px;font-size:14px;font-weight:700;position:relative">` +
    `<span>${time}</span>${island ? '<div style="position:absolute;left:140px;top:9px;width:110px;height:28px;border-radius:14px;background:#000"></div>' : ''}` +
    `<span>▂▄▆ ${r.pick(['5G', '4G', 'Wi-Fi'])} ${r.int(12, 99)}%</span></div>`;
  // The holder's card on top of a stack: two cards peek out under it.
  const holder = `<div style="position:relative;margin:0 16px 14px 16px;height:132px">` +
    `<div style="position:absolute;left:24px;right:24px;top:14px;height:124px;border-radius:22px;background:${accent}44"></div>` +
    `<div style="position:absolute;left:12px;right:12px;top:7px;height:124px;border-radius:22px;background:${accent}88"></div>` +
    `<div style="position:absolute;left:0;right:0;top:0;height:124px;border-radius:22px;background:linear-gradient(135deg,${accent},${accent}cc);color:#fff;padding:16px 18px;box-sizing:border-box;display:flex;gap:14px;align-items:center">` +
    `<div style="width:58px;height:58px;border-radius:50%;background:#ffffff33;border:2px solid #fff;display:flex;align-items:center;justify-content:center;font-size:22px;font-weight:700;flex:none">${esc(initials)}</div>` +
    `<div style="min-width:0"><div style="font-size:21px;font-weight:700;white-space:nowrap">${esc(name)}</div>` +
    `<div style="font-size:14px;opacity:0.92;margin-top:4px">${esc(ne)} ${esc(date(f.birth_date))}</div></div></div></div>`;
  const ranking = cardBox(`<div style="display:flex;align-items:center;gap:16px">${rankBadge(f.ranking, accent, 78)}` +
    `<div><div style="font-size:13px;color:${muted}">Classement</div><div style="font-size:16px;font-weight:700;margin-top:3px">${esc(r.chance(0.5) ? dames : sex)} · ${esc(category(f))}</div>` +
    `<div style="font-size:12px;color:${muted};margin-top:3px">Calcul mensuel</div></div></div>`);
  const licence = cardBox(`<div style="display:flex;justify-content:space-between;align-items:center">` +
    `<div>${kv('Licence n°', f.licence_number)}${kv('Sexe', sex)}</div>` +
    `<div style="padding:8px;background:#fff;border-radius:10px">${qrCode(96, r)}</div></div>` +
    `<div style="margin-top:6px;font-size:13px;color:#1a9d5a;font-weight:700">● Licence active</div>`);
  const club = cardBox(`${kv('Club', f.club_name)}${kv('N° club', f.club_number)}`);
  const tabs = `<div style="position:absolute;left:0;right:0;bottom:0;height:64px;background:${card};display:flex;justify-content:space-around;align-items:center;font-size:11px;color:${muted};border-top:1px solid ${muted}33">` +
    ['Accueil', 'Tournois', 'Licence', 'Profil'].map((t) => `<div style="text-align:center;${t === 'Licence' ? `color:${accent};font-weight:700` : ''}"><div style="font-size:18px">●</div>${t}</div>`).join('') + '</div>';
  const header = `<div style="display:flex;justify-content:space-between;align-items:center;padding:10px 20px 14px 20px">` +
    `<div style="font-size:28px;font-weight:700">Ma licence</div>` +
    `<div style="font-size:14px;font-weight:700;border:2px solid ${accent};color:${dark ? ink : accent};border-radius:16px;padding:5px 12px">${esc(season)}</div></div>`;
  const inner = `<div style="position:relative;width:390px;height:${h}px;overflow:hidden;background:${bg};color:${ink};font-family:'Quicksand'">` +
    status + header + holder + ranking + licence + club + tabs + '</div>';
  const html = `<div style="width:${W}px;height:${H}px;overflow:hidden;background:${bg}"><div style="zoom:${s}">${inner}</div></div>`;
  return { width: W, height: H, html, screenshot: true };
}

export function juniper(doc, r, condition) {
  switch (doc.kind) {
    case 'fr_passport': return passport(doc, r);
    case 'fr_id_1988': return card1988(doc, r);
    case 'fr_id_2021_front': return cardFront(doc, r);
    case 'fr_id_2021_back': return cardBack(doc, r);
    case 'fr_residence': return residence(doc, r);
    case 'fft_licence':
      if (condition === 'app') return app(doc, r);
      if (condition === 'pdf' || condition === 'pdfscan') return attestation(doc, r);
      return variant(doc, 5, 'lic') < 3 ? plasticCard(doc, r) : attestation(doc, r);
  }
  throw new Error(`juniper: unknown kind ${doc.kind} (${condition})`);
}
juniper.app = true;

export const JUNIPER_FAMILIES = { juniper };
