// The `kestrel` family of the independent set (seen): conventions of real documents, real copies
// and real screens that civic, ribbon, atlas, harbor, lantern, orchard, quarry, willow, summit and
// juniper lack (from public knowledge of the real documents and of how people hand in copies;
// its author did not open the held-out family):
//
//   - a FILIGRANE FACILE overlay ON TOP of the identity documents (3 in 5): the grey, translucent,
//     diagonal text that the French state's watermarking service (and the advice to mark every
//     copy handed in) repeats across the whole copy, over the fields and the MRZ, with a purpose
//     and a DATE ("Document destiné exclusivement à un dossier de location — 30/11/2026"): a
//     distractor date and text crossing every value;
//   - a HOLOGRAPHIC LAMINATE stripe ON TOP of the text of the 2021 card, the passport, the 1988
//     card and the residence permit (iridescent translucent band with "RF" outlines, slanted),
//     as the real laminates and OVDs lie over printed data;
//   - passport: the document number LASER-PERFORATED VERTICALLY along the page edge (a 5 x 7
//     dot matrix of holes, reading bottom to top) besides the red number at the top, as on the
//     real French passport; numbered-free bilingual captions above values, dates "13.07.1990";
//   - REDACTION: on some copies the holder has blacked out what a copy need not show (the
//     signature, the height, the CAN on the 2021 card) with a marker-like black bar; never a field;
//   - FFT licence (scan, photo, hard, pdf, pdfscan): a LANDSCAPE A5 page (210 x 148 mm) with the
//     player's PHOTO ON THE RIGHT above a QR code, either fields in TWO COLUMNS (caption above
//     value) with a closing sentence, or a LETTER addressed to the player ("Madame Camille
//     MARCHAND", "Objet : attestation de licence", the facts in one running sentence); the
//     letter's text in EB Garamond with OLD-STYLE (text) FIGURES (dates, licence and club
//     numbers with descending 3/4/5/7/9) and the SURNAME IN SMALL CAPITALS, as French
//     typography sets names in letters;
//   - `app`: NOT a portrait phone: a TABLET in landscape (2360 x 1640, 2048 x 1536) or a phone
//     turned to LANDSCAPE (2532 x 1170), a SPLIT VIEW (sidebar menu left, detail pane right), a
//     push NOTIFICATION banner over the top right (2 in 5), the holder as "MARCHAND, Camille
//     Inès" (surname, comma, given names) or "Camille Inès MARCHAND", the ranking and season in
//     CHIPS ("Classement 15/4", "2026-2027"), dates in ISO 8601 ("1990-07-13", as raw web
//     screens print them) or "13.07.1990".
//
// The truth: the passport's nationality is ADDED (FRA, printed "FRANÇAISE" on every one), as
// juniper and summit do; every other field is identity.mjs's, and every truth field is printed.
//
// Fonts (none used by another family): Oxygen-Sans, Oxygen Mono (fonts-oxygen), EB Garamond
// (fonts-ebgaramond), Junction (fonts-junction); scripts/install-deps.sh --test. The MRZ stays
// in OCR-B.
//
// kestrel(doc, r, condition) returns {html, width, height[, screenshot]}; kestrel.app marks that
// it draws the `app` condition.

import { qrCode } from './templates_willow.mjs';

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const upper = (s) => s.toLocaleUpperCase('fr-FR');
const mixed = (s) => s.toLocaleLowerCase('fr-FR').replace(/(^|[\s'-])(\p{L})/gu, (m, a, b) => a + b.toLocaleUpperCase('fr-FR'));
const dot = (x) => `${x.slice(8, 10)}.${x.slice(5, 7)}.${x.slice(0, 4)}`;
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre',
  'octobre', 'novembre', 'décembre'];
const words = (x) => { const d = Number(x.slice(8, 10)); return `${d === 1 ? '1er' : d} ${MONTHS[Number(x.slice(5, 7)) - 1]} ${x.slice(0, 4)}`; };

const SANS = "'Oxygen-Sans'", MONO = "'Oxygen Mono'", SERIF = "'EB Garamond'", HEAD = "'Junction'";

// A design among n from the document's own values (the first draws of r vary little by index).
function variant(doc, n, salt = '') {
  let h = 0x811c9dc5;
  for (const c of salt + JSON.stringify(doc.fields)) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) % n;
}
const svgUrl = (svg) => `url('data:image/svg+xml,${encodeURIComponent(svg).replace(/'/g, '%27')}')`;

// ----- overlays on top of the document ------------------------------------------------------
const PURPOSES = ['Document destiné exclusivement à un dossier de location', 'Copie remise pour inscription au club',
  'Usage unique : ouverture de compte', 'Transmis à l\'agence immobilière uniquement', 'Copie pour dossier de licence'];
// The watermark a holder adds to a copy: translucent grey text, diagonal, repeated all over.
function filigrane(r) {
  const text = `${r.pick(PURPOSES)} — ${String(r.int(1, 28)).padStart(2, '0')}/${String(r.int(1, 12)).padStart(2, '0')}/${r.int(2025, 2026)}`;
  const size = r.int(17, 22), w = Math.round(text.length * size * 0.62 + 70), h = size * 4;
  const alpha = r.range(0.22, 0.32).toFixed(2);
  // Two rows a tile, the second shifted by half a tile (drawn twice so that it wraps).
  const t = (x, y) => `<text x='${x}' y='${y}' font-family='Oxygen-Sans,sans-serif' font-size='${size}' fill='#555' fill-opacity='${alpha}'>${esc(text)}</text>`;
  const tile = `<svg xmlns='http://www.w3.org/2000/svg' width='${w}' height='${h}'>` +
    t(0, size * 1.4) + t(Math.round(w / 2), size * 3.4) + t(Math.round(w / 2) - w, size * 3.4) + '</svg>';
  const turn = r.pick([-30, -24, -35, 28]);
  return `<div style="position:absolute;left:-60%;top:-60%;width:220%;height:220%;pointer-events:none;transform:rotate(${turn}deg);background:${svgUrl(tile)}"></div>`;
}
// An iridescent laminate stripe with "RF" outlines, slanted, over the fields.
function hologram(left, width, r) {
  const tile = svgUrl(`<svg xmlns='http://www.w3.org/2000/svg' width='70' height='70'><text x='8' y='46' font-family='Junction,serif' font-size='34' ` +
    `fill='none' stroke='#6a5acd' stroke-opacity='0.25' stroke-width='1'>RF</text><circle cx='35' cy='35' r='31' fill='none' stroke='#3cb0c0' stroke-opacity='0.18'/></svg>`);
  const a = r.range(0.1, 0.17).toFixed(2);
  return `<div style="position:absolute;left:${left}px;top:-40px;bottom:-40px;width:${width}px;transform:skewX(${r.int(-24, -12)}deg);pointer-events:none;mix-blend-mode:multiply;` +
    `background:${tile},linear-gradient(90deg,rgba(255,80,180,${a}),rgba(80,200,255,${a}) 35%,rgba(255,235,60,${a}) 65%,rgba(120,240,140,${a}))"></div>`;
}
const redaction = (left, top, w, h, r) => `<div style="position:absolute;left:${left}px;top:${top}px;width:${w}px;height:${h}px;background:#111;` +
  `border-radius:${r.int(3, 9)}px;transform:rotate(${r.range(-2, 2).toFixed(1)}deg);opacity:0.94"></div>`;
// The copy's overlays: the laminate (if asked), a redaction (1 in 3), the watermark (3 in 5).
function overlays(doc, r, { holo, redact }) {
  let s = holo ? hologram(holo[0], holo[1], r) : '';
  if (redact && variant(doc, 3, 'red') === 0) s += redaction(...redact, r);
  if (variant(doc, 5, 'fil') < 3) s += filigrane(r);
  return s;
}

// ----- perforated number (5 x 7 dot matrix) --------------------------------------------------
const DOTS = {
  0: '01110 10001 10011 10101 11001 10001 01110', 1: '00100 01100 00100 00100 00100 00100 01110',
  2: '01110 10001 00001 00010 00100 01000 11111', 3: '11111 00010 00100 00010 00001 10001 01110',
  4: '00010 00110 01010 10010 11111 00010 00010', 5: '11111 10000 11110 00001 00001 10001 01110',
  6: '00110 01000 10000 11110 10001 10001 01110', 7: '11111 00001 00010 00100 01000 01000 01000',
  8: '01110 10001 10001 01110 10001 10001 01110', 9: '01110 10001 10001 01111 00001 00010 01100',
  A: '01110 10001 10001 11111 10001 10001 10001', B: '11110 10001 10001 11110 10001 10001 11110',
  C: '01110 10001 10000 10000 10000 10001 01110', D: '11110 10001 10001 10001 10001 10001 11110',
  E: '11111 10000 10000 11110 10000 10000 11111', F: '11111 10000 10000 11110 10000 10000 10000',
  G: '01110 10001 10000 10111 10001 10001 01111', H: '10001 10001 10001 11111 10001 10001 10001',
  K: '10001 10010 10100 11000 10100 10010 10001', L: '10000 10000 10000 10000 10000 10000 11111',
  M: '10001 11011 10101 10101 10001 10001 10001',
};
// Holes (a dark rim, the page behind), laid out horizontally then turned to read bottom to top.
function perforated(text, pitch) {
  let holes = '';
  [...text].forEach((ch, k) => (DOTS[ch] ?? DOTS[0]).split(' ').forEach((row, y) => [...row].forEach((b, x) => {
    if (b === '1') holes += `<div style="position:absolute;left:${(k * 6 + x) * pitch}px;top:${y * pitch}px;width:${pitch * 0.7}px;height:${pitch * 0.7}px;border-radius:50%;background:#e9e4d8;box-shadow:inset 1px 1px 2px #3d342a,0 0 0 0.6px #8a7e6c"></div>`;
  })));
  const len = (text.length * 6 - 1) * pitch;
  return { len, html: `<div style="position:relative;width:${len}px;height:${7 * pitch}px">${holes}</div>` };
}

// ----- shared pieces --------------------------------------------------------------------------
function mrzBlock(lines, widthPx) {
  if (!lines.length) return '';
  const size = (widthPx / (lines[0].length * 0.6)).toFixed(2);
  return `<div class="mrz" data-width="${widthPx}" style="display:inline-block;font-family:'OCR B';font-size:${size}px;line-height:1.4;` +
    `white-space:pre;color:#111;padding:0px;">` + lines.map(esc).join('<br>') + '</div>';
}
function portrait(w, h, grey = true) {
  return `<div style="width:${w}px;height:${h}px;flex:none;position:relative;overflow:hidden;background:linear-gradient(180deg,#e9edf0,#cfd6db);${grey ? 'filter:grayscale(1);' : ''}">` +
    `<div style="position:absolute;left:${w * 0.3}px;top:${h * 0.17}px;width:${w * 0.4}px;height:${h * 0.42}px;border-radius:46%;background:#b58f77"></div>` +
    `<div style="position:absolute;left:${w * 0.27}px;top:${h * 0.1}px;width:${w * 0.46}px;height:${h * 0.19}px;border-radius:50% 50% 25% 25%;background:#4a3426"></div>` +
    `<div style="position:absolute;left:${w * 0.05}px;top:${h * 0.65}px;width:${w * 0.9}px;height:${h * 0.5}px;border-radius:45% 45% 0 0;background:#3d4a57"></div></div>`;
}
const PAPERS = [['#eaf1f7', '#f7eef2', '#2c4f86', '#5b6f8c'], ['#eef5ee', '#f3efe4', '#2f6a4e', '#5d7a6a'],
  ['#f4eef6', '#eaf0f6', '#6a3d7d', '#7a6a86']];
// [background, title ink, caption ink]
const paper = (r) => { const p = r.pick(PAPERS); return [`linear-gradient(120deg,${p[0]},${p[1]})`, p[2], p[3]]; };
const cap = (fr, en, ink) => `<div style="font-family:${SANS};font-size:14px;color:${ink};white-space:nowrap;line-height:1.15">${esc(fr)}${en ? ` / <i>${esc(en)}</i>` : ''}</div>`;
const val = (v, size = 29, font = SANS) => `<div style="font-family:${font};font-weight:700;font-size:${size}px;color:#14171b;white-space:nowrap;line-height:1.2">${esc(v) || '&nbsp;'}</div>`;
const field = (fr, en, v, ink, size, font) => `<div>${cap(fr, en, ink)}${val(v, size, font)}</div>`;
const title = (l1, l2, ink) => `<div style="font-family:${HEAD};color:${ink}"><div style="font-size:22px;letter-spacing:3px;font-weight:700">${esc(l1)}</div>` +
  `<div style="font-size:16px;letter-spacing:1px">${esc(l2)}</div></div>`;
const AUTHORITIES = ['Préfecture de la Sarthe', 'Préfecture du Finistère', 'Sous-préfecture de Brive-la-Gaillarde',
  'Préfecture de l\'Isère', 'Préfecture de la Moselle'];
const givenComma = (g) => upper(g).split(' ').join(', ');
function card(w, h, bg, inner, over) {
  return { width: w, height: h, html: `<div style="width:${w}px;height:${h}px;box-sizing:border-box;position:relative;overflow:hidden;border-radius:30px;background:${bg}">` +
    `<div style="position:relative">${inner}</div>${over}</div>` };
}

// ----- 2021 card front ------------------------------------------------------------------------
function cardFront(doc, r) {
  const f = doc.fields;
  const [bg, ink, capInk] = paper(r);
  const given = variant(doc, 2, 'g') ? givenComma(f.given_names) : upper(f.given_names);
  const row = (...c) => `<div style="display:flex;gap:34px;margin-bottom:12px">${c.join('')}</div>`;
  const inner = `<div style="display:flex;justify-content:space-between;padding:22px 34px 0 34px">${title('RÉPUBLIQUE FRANÇAISE', "CARTE NATIONALE D'IDENTITÉ / IDENTITY CARD", ink)}` +
    `<div style="display:flex;height:30px;margin-top:6px"><div style="width:20px;background:#2b4ea2"></div><div style="width:20px;background:#fff"></div><div style="width:20px;background:#d0343a"></div></div></div>` +
    `<div style="display:flex;gap:30px;padding:18px 34px 0 34px">${portrait(230, 300)}<div>` +
    row(field('NOM', 'Surname', upper(f.surname), capInk)) + row(field('PRÉNOMS', 'Given names', given, capInk)) +
    row(field('SEXE', 'Sex', f.sex, capInk), field('NATIONALITÉ', 'Nationality', f.nationality, capInk), field('DATE DE NAISS.', 'Date of birth', dot(f.birth_date), capInk)) +
    row(field('LIEU DE NAISSANCE', 'Place of birth', f.birth_place, capInk)) +
    row(field('N° DU DOCUMENT', 'Document No', f.document_number, capInk), field("DATE D'EXPIR.", 'Expiry date', dot(f.expiry_date), capInk)) + '</div></div>' +
    `<div style="position:absolute;left:294px;top:470px;font-family:${SANS};font-size:14px;color:${capInk}">SIGNATURE DU TITULAIRE / <i>Holder's signature</i>` +
    `<div style="width:210px;height:26px;border-bottom:2px solid #333;border-radius:0 0 60% 40%;transform:skewX(-28deg)"></div></div>` +
    `<div style="position:absolute;left:34px;top:540px;font-family:${SANS};font-size:14px;color:${capInk}">CAN <b style="font-family:${MONO};font-size:20px;color:#222">${r.int(100000, 999999)}</b></div>`;
  return card(1011, 638, bg, inner, overlays(doc, r, { holo: [r.int(420, 640), 170], redact: [24, 528, 170, 40] }));
}

// ----- 2021 card back -------------------------------------------------------------------------
function cardBack(doc, r) {
  const f = doc.fields;
  const [bg, , capInk] = paper(r);
  const m = f.address.match(/^(.*) (\d{5}) (.*)$/);
  const lines = m ? [m[1], `${m[2]} ${m[3]}`] : [f.address];
  const inner = `<div style="padding:34px 40px 0 40px">${cap('ADRESSE', 'Address', capInk)}` +
    `<div style="margin-bottom:22px">${lines.map((l) => val(l, 30)).join('')}</div>` +
    `<div style="display:flex;gap:46px">${field('TAILLE', 'Height', `1,${r.int(52, 93)} m`, capInk)}` +
    `${field('DATE DE DÉLIVRANCE', 'Date of issue', dot(f.issue_date), capInk)}${field('AUTORITÉ', 'Authority', r.pick(AUTHORITIES), capInk, 24)}</div></div>` +
    `<div style="position:absolute;left:0;right:0;top:${Math.round(638 * 0.68)}px;height:${Math.round(638 * 0.32)}px;background:#fbfbf8;display:flex;align-items:center;justify-content:center">${mrzBlock(doc.mrz_lines, 900)}</div>`;
  return card(1011, 638, bg, inner, overlays(doc, r, { redact: [28, 140, 150, 64] }));
}

// ----- passport -------------------------------------------------------------------------------
function passport(doc, r) {
  const f = doc.fields;
  f.nationality = 'FRA'; // printed "FRANÇAISE" on every kestrel passport
  const w = 1476, h = 1039;
  const [bg, ink, capInk] = paper(r);
  const S = 37;
  const row = (...c) => `<div style="display:flex;gap:50px;margin-bottom:24px">${c.join('')}</div>`;
  const head = `<div style="display:flex;justify-content:space-between;padding:30px 110px 0 50px">${title('RÉPUBLIQUE FRANÇAISE', 'PASSEPORT / PASSPORT', ink)}` +
    `<div style="display:flex;gap:40px">${field('TYPE', 'Type', 'P', capInk, 30)}${field('CODE', 'Code', 'FRA', capInk, 30)}` +
    `<div>${cap('PASSEPORT N°', 'Passport No', capInk)}<div style="font-family:${MONO};font-size:38px;color:#b0202c;font-weight:700;letter-spacing:2px">${esc(f.document_number)}</div></div></div></div>`;
  const body = `<div style="display:flex;gap:44px;padding:20px 50px 0 50px">${portrait(320, 420, false)}<div>` +
    row(field('NOM', 'Surname', upper(f.surname), capInk, S)) + row(field('PRÉNOMS', 'Given names', givenComma(f.given_names), capInk, S)) +
    row(field('NATIONALITÉ', 'Nationality', 'FRANÇAISE', capInk, S), field('SEXE', 'Sex', f.sex, capInk, S)) +
    row(field('DATE DE NAISSANCE', 'Date of birth', dot(f.birth_date), capInk, S), field('LIEU DE NAISSANCE', 'Place of birth', f.birth_place, capInk, S)) +
    row(field('DATE DE DÉLIVRANCE', 'Date of issue', dot(f.issue_date), capInk, S), field("DATE D'EXPIRATION", 'Date of expiry', dot(f.expiry_date), capInk, S)) +
    row(field('AUTORITÉ', 'Authority', r.pick(AUTHORITIES), capInk, 28)) + '</div></div>';
  const perf = perforated(f.document_number, 12);
  const perfHtml = `<div style="position:absolute;left:${w - 34 - 7 * 12}px;top:${Math.round(h * 0.42 + perf.len / 2)}px;transform-origin:0 0;transform:rotate(-90deg)">${perf.html}</div>`;
  const mrz = `<div style="position:absolute;left:0;right:0;bottom:0;height:${Math.round(h * 0.17)}px;background:#fbfbf8;display:flex;align-items:center;justify-content:center">${mrzBlock(doc.mrz_lines, Math.round(w * 0.9))}</div>`;
  const over = overlays(doc, r, { holo: [r.int(560, 900), 220] });
  return { width: w, height: h, html: `<div style="width:${w}px;height:${h}px;position:relative;overflow:hidden;background:${bg}">` +
    `<div style="position:relative">${head}${body}</div>${mrz}${perfHtml}${over}</div>` };
}

// ----- 1988 card ------------------------------------------------------------------------------
function card1988(doc, r) {
  const f = doc.fields;
  const [bg, ink, capInk] = paper(r);
  const lab = (t) => `<span style="font-family:${SANS};font-size:21px;color:${capInk};margin-right:12px">${esc(t)} :</span>`;
  const v = (t) => `<span style="font-family:${MONO};font-size:30px;color:#16181b;margin-right:30px;white-space:nowrap">${esc(t)}</span>`;
  const line = (...p) => `<div style="white-space:nowrap;margin-bottom:20px">${p.map(([l, x]) => lab(l) + v(x)).join('')}</div>`;
  const inner = `<div style="display:flex;justify-content:space-between;align-items:baseline;padding:22px 30px 0 30px">` +
    `<span style="font-family:${HEAD};font-size:22px;letter-spacing:3px;color:${ink}">RÉPUBLIQUE FRANÇAISE</span>` +
    `<span style="font-family:${SANS};font-size:18px;color:${ink}">CARTE NATIONALE D'IDENTITÉ N° <b style="font-family:${MONO};font-size:27px;color:#16181b">${esc(f.document_number)}</b></span></div>` +
    `<div style="display:flex;gap:30px;padding:24px 30px 0 30px">${portrait(190, 246)}<div>` +
    line(['Nom', upper(f.surname)]) + line(['Prénom(s)', givenComma(f.given_names)]) + line(['Sexe', f.sex], ['Né(e) le', dot(f.birth_date)]) +
    line(['à', f.birth_place]) + line(['Taille', `1,${r.int(52, 93)} m`]) +
    `<div style="font-family:${SANS};font-size:15px;color:${capInk}">Signature du titulaire</div>` +
    `<div style="width:230px;height:34px;border-bottom:2px solid #333;border-radius:0 0 70% 30%;transform:skewX(-30deg)"></div></div></div>` +
    `<div style="position:absolute;left:${Math.round(1011 * 0.035)}px;top:${638 - 110}px;background:#fbfbf8cc">${mrzBlock(doc.mrz_lines, Math.round(1011 * 0.93))}</div>`;
  return card(1011, 638, bg, inner, overlays(doc, r, { holo: [r.int(260, 520), 150], redact: [244, 352, 270, 50] }));
}

// ----- residence permit -----------------------------------------------------------------------
function residence(doc, r) {
  const f = doc.fields;
  const [bg, ink, capInk] = paper(r);
  const row = (...c) => `<div style="display:flex;gap:30px;margin-bottom:10px">${c.join('')}</div>`;
  const inner = `<div style="display:flex;justify-content:space-between;padding:18px 30px 0 30px">${title('RÉPUBLIQUE FRANÇAISE', 'TITRE DE SÉJOUR / RESIDENCE PERMIT', ink)}` +
    `<div style="font-family:${MONO};font-size:22px;color:#444;margin-top:6px">N° ${esc(doc.number)}</div></div>` +
    `<div style="display:flex;gap:28px;padding:14px 30px 0 30px">${portrait(170, 220)}<div>` +
    row(field('NOM', 'Surname', upper(f.surname), capInk, 27)) + row(field('PRÉNOMS', 'Given names', givenComma(f.given_names), capInk, 27)) +
    row(field('SEXE', 'Sex', f.sex, capInk, 27), field('NATIONALITÉ', 'Nationality', f.nationality, capInk, 27), field('DATE DE NAISS.', 'Date of birth', dot(f.birth_date), capInk, 27)) +
    row(field('TYPE DE TITRE', 'Type of permit', r.pick(['CARTE DE SÉJOUR', 'CARTE DE RÉSIDENT']), capInk, 22), field("VALABLE JUSQU'AU", 'Valid until', dot(f.expiry_date), capInk, 27)) +
    '</div></div>' +
    `<div style="position:absolute;left:${Math.round(1011 * 0.05)}px;top:${638 - 224}px">${mrzBlock(doc.mrz_lines, Math.round(1011 * 0.9))}</div>`;
  return card(1011, 638, bg, inner, overlays(doc, r, { holo: [r.int(380, 640), 160] }));
}

// ----- FFT licence: landscape A5 page ----------------------------------------------------------
const ACCENTS = ['#1d5c8f', '#a8431f', '#22704a', '#53408f'];
const logo = (size, accent) => `<div style="width:${size}px;height:${size}px;flex:none;border-radius:50%;border:4px solid ${accent};display:flex;flex-direction:column;` +
  `align-items:center;justify-content:center;font-family:${HEAD};color:${accent};font-weight:700;box-sizing:border-box">` +
  `<div style="width:${size * 0.26}px;height:${size * 0.26}px;border-radius:50%;background:#cfe03c;margin-bottom:4px"></div><div style="font-size:${size * 0.24}px;line-height:1">FFT</div></div>`;
const seasonSpan = (f) => `${Number(f.season) - 1}-${f.season}`;
const civ = (f) => (f.sex === 'F' ? 'Madame' : 'Monsieur');
// Old-style figures and small-caps surname: how a letter set in Garamond prints them.
const OS = 'font-variant-numeric:oldstyle-nums proportional-nums';
const nb = (s) => esc(s).replace(/ /g, '&nbsp;');
const sc = (s) => `<span style="font-variant:small-caps">${esc(mixed(s))}</span>`;

function a5(doc, r) {
  const f = doc.fields;
  const w = 1240, h = 874;
  const accent = r.pick(ACCENTS);
  const season = r.chance(0.6) ? `Saison ${seasonSpan(f)}` : `Millésime ${f.season}`;
  const ne = f.sex === 'F' ? 'née' : 'né';
  const sentence = `Nous certifions que ${f.sex === 'F' ? 'Mme' : 'M.'} ${esc(f.given_names)} ${sc(f.surname)}, ${ne} le ${esc(words(f.birth_date))}, ` +
    `est titulaire de la licence n°&nbsp;${nb(f.licence_number)} pour la saison ${seasonSpan(f)} au club ${esc(f.club_name)} (n°&nbsp;${esc(f.club_number)}), classement ${esc(f.ranking)}.`;
  const head = `<div style="display:flex;align-items:center;gap:22px;border-bottom:3px solid ${accent};padding-bottom:16px">${logo(92, accent)}` +
    `<div style="flex:1"><div style="font-family:${HEAD};font-size:27px;font-weight:700;letter-spacing:2px;color:${accent}">FÉDÉRATION FRANÇAISE DE TENNIS</div>` +
    `<div style="font-family:${SANS};font-size:17px;color:#59616b;margin-top:4px">Service des licences · 2 avenue Gordon Bennett · 75016 Paris</div></div>` +
    `<div style="text-align:right;font-family:${SANS}"><div style="font-size:25px;font-weight:700">Attestation de licence</div><div style="font-size:21px;color:${accent};margin-top:4px">${esc(season)}</div></div></div>`;
  let main;
  if (variant(doc, 2, 'a5') === 0) {
    // Two columns of caption-over-value pairs, a closing sentence under them.
    const c = (l, v, span = 1) => `<div style="grid-column:span ${span}"><div style="font-family:${HEAD};font-size:16px;color:#6a727c;letter-spacing:1px">${esc(l)}</div>` +
      `<div style="font-family:${SANS};font-weight:700;font-size:27px;white-space:nowrap;color:#15181c">${esc(v)}</div></div>`;
    main = `<div style="display:grid;grid-template-columns:420px 380px;row-gap:18px;column-gap:28px">` +
      c('NOM', upper(f.surname)) + c('PRÉNOM(S)', f.given_names) + c('DATE DE NAISSANCE', dot(f.birth_date)) + c('SEXE', f.sex === 'F' ? 'Féminin' : 'Masculin') +
      c('N° DE LICENCE', f.licence_number) + c('CLASSEMENT', f.ranking) + c('CLUB', f.club_name, 2) + c('N° DU CLUB', f.club_number) + c('TYPE', r.pick(['Licence club', 'Compétition'])) + '</div>' +
      `<div style="margin-top:26px;font-family:${SERIF};font-size:21px;line-height:1.45;color:#3b4047;${OS}">La présente attestation est délivrée pour servir et valoir ce que de droit, ` +
      `notamment auprès du juge-arbitre des compétitions de la saison ${seasonSpan(f)}.</div>`;
  } else {
    // A letter: the addressee, the subject, the facts in one sentence.
    main = `<div style="font-family:${SERIF};font-size:25px;line-height:1.5;color:#1d2126;${OS}">` +
      `<div style="margin-left:340px">${civ(f)} ${esc(f.given_names)} ${sc(f.surname)}<br>${esc(f.club_name)}</div>` +
      `<div style="margin-top:20px"><b>Objet :</b> attestation de licence</div>` +
      `<div style="margin-top:16px">${civ(f)},</div><div style="margin-top:8px;text-align:justify">${sentence}</div>` +
      `<div style="margin-top:14px">Veuillez agréer, ${civ(f)}, l'expression de nos salutations sportives.</div></div>`;
  }
  const side = `<div style="width:230px;flex:none;text-align:center">${portrait(210, 270, false)}` +
    `<div style="margin:16px auto 0 auto;width:130px;height:130px;position:relative">${qrCode(130, r)}</div>` +
    `<div style="font-family:${SANS};font-size:14px;color:#6a727c;margin-top:8px">Vérifier la licence</div></div>`;
  const foot = `<div style="position:absolute;left:56px;right:56px;bottom:26px;display:flex;justify-content:space-between;font-family:${SANS};font-size:15px;color:#7a828c">` +
    `<span>Document édité le ${dot(`${f.season}-0${r.int(1, 8)}-${String(r.int(10, 28))}`)}</span><span>Le service des licences</span></div>`;
  const html = `<div style="width:${w}px;height:${h}px;box-sizing:border-box;padding:40px 56px;position:relative;background:#fff;color:#15181c">${head}` +
    `<div style="display:flex;gap:40px;margin-top:30px"><div style="flex:1;min-width:0">${main}</div>${side}</div>${foot}</div>`;
  return { width: w, height: h, html };
}

// ----- FFT licence: landscape tablet / phone split view ------------------------------------------
const DEVICES = [[2360, 1640, 2], [2048, 1536, 2], [2532, 1170, 3]];
function app(doc, r) {
  const f = doc.fields;
  const [W, H, s] = r.pick(DEVICES);
  const w = W / s, h = H / s, phone = s === 3;
  const accent = r.pick(['#2a5bd7', '#d4572a', '#15906a', '#7440c9']);
  const date = r.chance(0.5) ? f.birth_date : dot(f.birth_date);
  const name = r.chance(0.6) ? `${upper(f.surname)}, ${f.given_names}` : `${f.given_names} ${upper(f.surname)}`;
  const time = `${r.int(7, 22)}:${String(r.int(0, 59)).padStart(2, '0')}`;
  const side = phone ? 170 : 250;
  const menu = ['Accueil', 'Tournois', 'Ma licence', 'Classement', 'Palmarès', 'Réglages'].map((t) =>
    `<div style="padding:${phone ? 7 : 11}px 16px;margin:2px 10px;border-radius:10px;font-size:${phone ? 14 : 16}px;${t === 'Ma licence' ? `background:${accent};color:#fff;font-weight:700` : 'color:#3d434b'}">${t}</div>`).join('');
  const sidebar = `<div style="width:${side}px;flex:none;background:#f1f2f5;border-right:1px solid #d9dce1;padding-top:${phone ? 8 : 16}px">` +
    `<div style="font-family:${HEAD};font-weight:700;font-size:${phone ? 17 : 21}px;padding:4px 24px 14px 24px;color:${accent}">Mon espace tennis</div>${menu}</div>`;
  const chip = (t, fill) => `<span style="display:inline-block;padding:5px 14px;border-radius:16px;font-size:15px;font-weight:700;margin-right:8px;${fill ? `background:${accent};color:#fff` : `border:1.5px solid ${accent};color:${accent}`}">${esc(t)}</span>`;
  const kv = (l, v) => `<tr><td style="padding:${phone ? 5 : 9}px 18px 5px 0;color:#6b727c;font-size:15px;white-space:nowrap">${esc(l)}</td><td style="padding:${phone ? 5 : 9}px 0 5px 0;font-size:17px;font-weight:700;white-space:nowrap">${esc(v)}</td></tr>`;
  const detail = `<div style="flex:1;min-width:0;padding:${phone ? 10 : 24}px ${phone ? 20 : 34}px;position:relative">` +
    `<div style="font-size:${phone ? 24 : 32}px;font-weight:700">Ma licence</div>` +
    `<div style="display:flex;gap:${phone ? 18 : 30}px;margin-top:${phone ? 8 : 18}px;background:#fff;border-radius:18px;padding:${phone ? 12 : 22}px;box-shadow:0 1px 6px #0000001c">` +
    `<div style="flex:1;min-width:0"><div style="font-size:${phone ? 20 : 24}px;font-weight:700;white-space:nowrap">${esc(name)}</div>` +
    `<div style="margin:${phone ? 6 : 12}px 0">${chip(`Classement ${f.ranking}`, true)}${chip(seasonSpan(f), false)}${chip('Licence active', false)}</div>` +
    `<table style="border-collapse:collapse">${kv('N° de licence', f.licence_number)}${kv('Date de naissance', date)}${kv('Sexe', f.sex === 'F' ? 'Femme' : 'Homme')}` +
    `${kv('Club', f.club_name)}${kv('N° de club', f.club_number)}</table></div>` +
    `<div style="flex:none;text-align:center"><div style="position:relative;width:${phone ? 120 : 170}px;height:${phone ? 120 : 170}px">${qrCode(phone ? 120 : 170, r)}</div>` +
    `<div style="font-size:13px;color:#6b727c;margin-top:18px">À présenter au juge-arbitre</div></div></div>` +
    (phone ? '' : `<div style="margin-top:20px;background:#fff;border-radius:18px;padding:${phone ? 10 : 18}px ${phone ? 12 : 22}px;box-shadow:0 1px 6px #0000001c;font-size:15px;color:#3d434b">` +
    `<div style="font-weight:700;font-size:17px;color:#14171b;margin-bottom:6px">Documents</div>` +
    `<div style="padding:6px 0;border-bottom:1px solid #e6e8ec">Attestation de licence (PDF) <span style="float:right;color:${accent}">Télécharger</span></div>` +
    `<div style="padding:6px 0">Questionnaire de santé <span style="float:right;color:#6b727c">Non requis</span></div></div>`) + '</div>';
  const note = variant(doc, 5, 'note') < 2
    ? `<div style="position:absolute;right:18px;top:${phone ? 4 : 30}px;width:${phone ? 330 : 380}px;background:#2b2e33ee;color:#fff;border-radius:16px;padding:10px 14px;font-size:13px;box-shadow:0 4px 16px #0005">` +
      `<div style="opacity:0.75">Mon espace tennis · maintenant</div><div style="font-weight:700;margin-top:2px">Nouveau classement mensuel</div>` +
      `<div>Votre classement du mois est disponible.</div></div>` : '';
  const status = phone ? '' : `<div style="height:24px;display:flex;justify-content:space-between;padding:0 20px;font-size:13px;font-weight:700;align-items:center;background:#f1f2f5"><span>${time}</span><span>Wi-Fi ${r.int(20, 99)} %</span></div>`;
  const inner = `<div style="width:${w}px;height:${h}px;overflow:hidden;position:relative;background:#f7f8fa;color:#14171b;font-family:${SANS}">${status}` +
    `<div style="display:flex;height:${h - (phone ? 0 : 24)}px">${sidebar}${detail}</div>${note}</div>`;
  return { width: W, height: H, html: `<div style="width:${W}px;height:${H}px;overflow:hidden"><div style="zoom:${s}">${inner}</div></div>`, screenshot: true };
}

export function kestrel(doc, r, condition) {
  switch (doc.kind) {
    case 'fr_passport': return passport(doc, r);
    case 'fr_id_1988': return card1988(doc, r);
    case 'fr_id_2021_front': return cardFront(doc, r);
    case 'fr_id_2021_back': return cardBack(doc, r);
    case 'fr_residence': return residence(doc, r);
    case 'fft_licence': return condition === 'app' ? app(doc, r) : a5(doc, r);
  }
  throw new Error(`kestrel: unknown kind ${doc.kind} (${condition})`);
}
kestrel.app = true;

export const KESTREL_FAMILIES = { kestrel };
