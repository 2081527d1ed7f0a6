// The `linden` family of the independent set (seen): conventions of real documents, real copies
// and real screens that civic, ribbon, atlas, harbor, lantern, orchard, quarry, willow, summit,
// juniper and kestrel lack (from public knowledge of the real documents and of how people hand in
// copies; its author did not open the held-out family). Its weight is on CLEAN SCANS of the
// identity documents and PHONE SCREENSHOTS of the licence:
//
//   - a FORM layout: captions RIGHT-ALIGNED in a narrow left column, a thin vertical rule, values
//     LEFT-ALIGNED in the right column (2021 card both sides, passport, residence permit, licence
//     attestation), as prefecture and federation forms print them;
//   - values in a CONDENSED MONOSPACED face (League Mono Condensed), captions in a literacy sans
//     (Andika); given names in TITLE CASE separated by SPACES ("Camille Inès"), birth places in
//     title case ("Saint-Étienne", "Clermont-Ferrand"), surnames in capitals;
//   - 1988 card: captions INLINE IN RUNNING TEXT, pairs joined by long dashes and wrapping as a
//     paragraph ("Nom : MARCHAND — Prénoms : Camille Inès — Sexe : F — Né(e) le : 13/07/1990
//     — à : Nîmes"), the values in a TYPEWRITER face (GNU Typewriter);
//   - issue and expiry worded "Délivrée le" / "Délivré le" and "Expire le", dates "13/07/1990";
//   - `scan`: 2 in 5 identity scans are a BLACK-AND-WHITE PHOTOCOPY (grey, high contrast, toner
//     SPECKLE, a DARK BAND along one edge where the copier lid stood open); the 2021 card is then
//     copied with BOTH SIDES SIDE BY SIDE on one landscape half-A4 page (recto left, verso right,
//     whichever kind is asked: the other side is a distractor); the other scans are clean;
//   - FFT licence (scan, photo, hard, pdf, pdfscan): an A4 attestation with the HOLDER'S NAME AS
//     A BIG TITLE ("Camille Inès MARCHAND"), "Licence n° 1234567 A" under it, then the form rows,
//     "Fait à Paris, le ..." (a distractor date) beside a round stamp;
//   - `app`: a LIGHT portrait phone screenshot (1179 x 2556 or 1080 x 2340) with an iOS-style
//     status bar and a bottom HOME INDICATOR; either a PASS (the name in the top bar "Licence de
//     Camille MARCHAND", a LARGE QR code at the TOP, then rows of icon + label on the left and
//     value on the right with thin separators), or a list of SEASON CARDS, the current season's
//     card expanded and the previous seasons collapsed with their own older rankings (distractors);
//     cream, terracotta, teal or raspberry colours.
//
// The truth: the passport's nationality is ADDED (FRA, printed "Française" on every one), as
// kestrel and juniper do; every other field is identity.mjs's, and every truth field is printed
// (given names and birth places in title case count as the caps truth: the evaluator folds case).
// A 2021 card front copied with its back beside it records the back's MRZ, which the page
// then shows.
//
// Fonts (none used by another family): Andika (fonts-sil-andika), League Mono (fonts-league-mono),
// GNU Typewriter (fonts-gnutypewriter), Vollkorn (fonts-vollkorn), M PLUS 1 (fonts-mplus);
// scripts/install-deps.sh --test. The MRZ stays in OCR-B.
//
// linden(doc, r, condition) returns {html, width, height[, screenshot]}; linden.app marks that it
// draws the `app` condition.

import { qrCode } from './templates_willow.mjs';
import { td1 } from './mrz.mjs';

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const upper = (s) => s.toLocaleUpperCase('fr-FR');
const title = (s) => s.toLocaleLowerCase('fr-FR').replace(/(^|[\s'-])(\p{L})/gu, (m, a, b) => a + b.toLocaleUpperCase('fr-FR'));
const slash = (x) => `${x.slice(8, 10)}/${x.slice(5, 7)}/${x.slice(0, 4)}`;
const seasonSpan = (f) => `${Number(f.season) - 1}-${f.season}`;

const LABEL = "'Andika'", VALUE = "'League Mono Condensed','League Mono'", TYPE = "'GNUTypewriter'", SERIF = "'Vollkorn'", UI = "'M PLUS 1'";
const CONDENSED = 'font-stretch:condensed'; // League Mono Condensed

// A design among n from the document's own values.
function variant(doc, n, salt = '') {
  let h = 0x811c9dc5;
  for (const c of salt + JSON.stringify(doc.fields)) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) % n;
}

// ----- shared pieces --------------------------------------------------------------------------
function mrzBlock(lines, widthPx) {
  const size = (widthPx / (lines[0].length * 0.6)).toFixed(2);
  return `<div class="mrz" data-width="${widthPx}" style="display:inline-block;font-family:'OCR B';font-size:${size}px;line-height:1.25;` +
    `white-space:pre;color:#111;padding:0px;">` + lines.map(esc).join('<br>') + '</div>';
}
// The MRZ anchored to the card's bottom edge (it grows upwards: never clipped).
const mrzZone = (lines, widthPx, bottom, band) => `<div style="position:absolute;left:0;right:0;bottom:${bottom}px;display:flex;justify-content:center">` +
  `<div style="${band ? 'background:#fdfdfb;padding:8px 14px;border-radius:6px;' : ''}">${mrzBlock(lines, widthPx)}</div></div>`;

function portrait(w, h) {
  return `<div style="width:${w}px;height:${h}px;flex:none;position:relative;overflow:hidden;background:linear-gradient(160deg,#eef0ea,#c9d0c8);filter:grayscale(0.85)">` +
    `<div style="position:absolute;left:${w * 0.31}px;top:${h * 0.18}px;width:${w * 0.38}px;height:${h * 0.4}px;border-radius:44%;background:#b88d73"></div>` +
    `<div style="position:absolute;left:${w * 0.26}px;top:${h * 0.11}px;width:${w * 0.48}px;height:${h * 0.2}px;border-radius:50% 50% 30% 30%;background:#3e2c22"></div>` +
    `<div style="position:absolute;left:${w * 0.06}px;top:${h * 0.64}px;width:${w * 0.88}px;height:${h * 0.5}px;border-radius:44% 44% 0 0;background:#44505a"></div></div>`;
}

// Form rows: caption right-aligned in a narrow column, a rule, the value left-aligned.
function form(rows, { capW, capSize, valSize, rowGap, capInk, rule }) {
  return `<table style="border-collapse:collapse">` + rows.map(([c, v, font]) =>
    `<tr><td style="width:${capW}px;text-align:right;vertical-align:baseline;padding:${rowGap / 2}px 14px ${rowGap / 2}px 0;border-right:1.5px solid ${rule};` +
    `font-family:${LABEL};font-size:${capSize}px;color:${capInk};white-space:nowrap">${esc(c)}</td>` +
    `<td style="vertical-align:baseline;padding:${rowGap / 2}px 0 ${rowGap / 2}px 16px;font-family:${font ?? VALUE};${font ? '' : CONDENSED + ';'}font-weight:600;` +
    `font-size:${valSize}px;color:#15181b;white-space:nowrap">${v}</td></tr>`).join('') + '</table>';
}
const lines = (xs) => xs.map(esc).join('<br>');
const PALETTES = [['#f4f1ea', '#e3ebef', '#284b63', '#5f6f7a'], ['#f1f3ec', '#ece6f1', '#3e5a3a', '#6b7466'],
  ['#f6efe9', '#e8eef3', '#7a3b2e', '#7c6a62']];
const AUTHORITIES = ['Préfecture du Gard', 'Préfecture de la Loire', 'Sous-préfecture de Morlaix',
  'Préfecture du Puy-de-Dôme', 'Préfecture de Maine-et-Loire'];
function card(w, h, pal, inner) {
  return { width: w, height: h, html: `<div style="width:${w}px;height:${h}px;position:relative;overflow:hidden;border-radius:28px;` +
    `background:linear-gradient(115deg,${pal[0]},${pal[1]});box-shadow:inset 0 0 0 2px #00000018">${inner}</div>` };
}
const head = (l1, l2, ink, right = '') => `<div style="display:flex;justify-content:space-between;align-items:flex-start;padding:22px 34px 0 34px">` +
  `<div style="font-family:${LABEL};color:${ink}"><div style="font-size:23px;font-weight:700;letter-spacing:2px">${esc(l1)}</div>` +
  `<div style="font-size:17px;letter-spacing:1px">${esc(l2)}</div></div>${right}</div>`;
const flag = '<div style="display:flex;height:28px;margin-top:4px"><div style="width:18px;background:#28469a"></div><div style="width:18px;background:#fff"></div><div style="width:18px;background:#cf3038"></div></div>';

// ----- 2021 card front ------------------------------------------------------------------------
function cardFront(doc, r) {
  const f = doc.fields;
  const pal = r.pick(PALETTES);
  const rows = [['Nom', esc(upper(f.surname))], ['Prénoms', esc(title(f.given_names))], ['Sexe', esc(f.sex)],
    ['Nationalité', esc(f.nationality)], ['Date de naissance', slash(f.birth_date)], ['Lieu de naissance', esc(title(f.birth_place))],
    ['N° du document', esc(f.document_number)], ['Expire le', slash(f.expiry_date)]];
  const inner = head('RÉPUBLIQUE FRANÇAISE', "CARTE NATIONALE D'IDENTITÉ", pal[2], flag) +
    `<div style="display:flex;gap:26px;padding:22px 34px 0 34px">${portrait(224, 292)}` +
    form(rows, { capW: 190, capSize: 18, valSize: 30, rowGap: 10, capInk: pal[3], rule: pal[2] + '66' }) + '</div>' +
    `<div style="position:absolute;left:34px;top:560px;font-family:${LABEL};font-size:16px;color:${pal[3]}">Signature<div style="width:200px;height:24px;border-bottom:2px solid #333;border-radius:0 0 60% 40%;transform:skewX(-25deg)"></div></div>` +
    `<div style="position:absolute;right:34px;bottom:24px;font-family:${LABEL};font-size:16px;color:${pal[3]}">CAN <span style="font-family:${VALUE};${CONDENSED};font-size:22px;color:#222">${r.int(100000, 999999)}</span></div>`;
  return card(1011, 638, pal, inner);
}

// ----- 2021 card back -------------------------------------------------------------------------
function cardBack(doc, r) {
  const f = doc.fields;
  const pal = r.pick(PALETTES);
  const m = f.address.match(/^(.*) (\d{5}) (.*)$/);
  const addr = m ? [m[1], `${m[2]} ${m[3]}`] : [f.address];
  const rows = [['Adresse', lines(addr)], ['Taille', `1,${r.int(52, 93)} m`], ['Délivrée le', slash(f.issue_date)],
    ['Par', esc(r.pick(AUTHORITIES)), LABEL]];
  const inner = `<div style="padding:34px 40px 0 40px">${form(rows, { capW: 150, capSize: 18, valSize: 29, rowGap: 12, capInk: pal[3], rule: pal[2] + '66' })}</div>` +
    `<div style="position:absolute;right:40px;top:40px;width:96px;height:96px;background:repeating-conic-gradient(#333 0 25%,#0000 0 50%) 0 0/12px 12px;opacity:0.7"></div>` +
    mrzZone(doc.mrz_lines, 880, 22, true);
  return card(1011, 638, pal, inner);
}

// ----- passport -------------------------------------------------------------------------------
function passport(doc, r) {
  const f = doc.fields;
  f.nationality = 'FRA'; // printed "Française" on every linden passport
  const pal = r.pick(PALETTES);
  const w = 1476, h = 1039;
  const num = `<div style="text-align:right;font-family:${LABEL};font-size:17px;color:${pal[3]}">Type P · Code FRA · Passeport n°` +
    `<div style="font-family:${VALUE};${CONDENSED};font-size:42px;font-weight:700;color:#b3212d;letter-spacing:2px">${esc(f.document_number)}</div></div>`;
  const rows = [['Nom', esc(upper(f.surname))], ['Prénoms', esc(title(f.given_names))], ['Nationalité', 'Française'], ['Sexe', esc(f.sex)],
    ['Date de naissance', slash(f.birth_date)], ['Lieu de naissance', esc(title(f.birth_place))], ['Délivré le', slash(f.issue_date)],
    ['Expire le', slash(f.expiry_date)], ['Autorité', esc(r.pick(AUTHORITIES)), LABEL]];
  const inner = head('RÉPUBLIQUE FRANÇAISE', 'PASSEPORT', pal[2], num) +
    `<div style="display:flex;gap:40px;padding:20px 50px 0 50px">${portrait(320, 420)}` +
    form(rows, { capW: 240, capSize: 22, valSize: 36, rowGap: 12, capInk: pal[3], rule: pal[2] + '66' }) + '</div>' +
    `<div style="position:absolute;left:0;right:0;bottom:0;height:190px;background:#fbfbf8"></div>` + mrzZone(doc.mrz_lines, 1340, 30, false);
  return { width: w, height: h, html: `<div style="width:${w}px;height:${h}px;position:relative;overflow:hidden;background:linear-gradient(115deg,${pal[0]},${pal[1]})">${inner}</div>` };
}

// ----- 1988 card: captions inline in running text, typewriter values ----------------------------
function card1988(doc, r) {
  const f = doc.fields;
  const pal = r.pick(PALETTES);
  const pair = (c, v) => `<span style="white-space:nowrap"><span style="font-family:${LABEL};font-size:21px;color:${pal[3]}">${esc(c)} :</span> ` +
    `<span style="font-family:${TYPE};font-size:27px;color:#1b1d20">${esc(v)}</span></span>`;
  const text = [pair('Nom', upper(f.surname)), pair('Prénoms', title(f.given_names)), pair('Sexe', f.sex), pair('Né(e) le', slash(f.birth_date)),
    pair('à', title(f.birth_place)), pair('Taille', `1,${r.int(52, 93)} m`)].join(`<span style="color:${pal[3]}"> — </span>`);
  const right = `<div style="font-family:${LABEL};font-size:18px;color:${pal[2]};margin-top:4px">N° <span style="font-family:${TYPE};font-size:28px;color:#1b1d20">${esc(f.document_number)}</span></div>`;
  const inner = head('RÉPUBLIQUE FRANÇAISE', "CARTE NATIONALE D'IDENTITÉ", pal[2], right) +
    `<div style="display:flex;gap:30px;padding:20px 34px 0 34px">${portrait(180, 236)}` +
    `<div style="width:700px;line-height:1.75">${text}<div style="margin-top:8px;font-family:${LABEL};font-size:15px;color:${pal[3]}">Signature du titulaire</div></div></div>` +
    mrzZone(doc.mrz_lines, 940, 18, true);
  return card(1011, 638, pal, inner);
}

// ----- residence permit -----------------------------------------------------------------------
function residence(doc, r) {
  const f = doc.fields;
  const pal = r.pick(PALETTES);
  const rows = [['Nom', esc(upper(f.surname))], ['Prénoms', esc(title(f.given_names))], ['Sexe', esc(f.sex)], ['Nationalité', esc(f.nationality)],
    ['Date de naissance', slash(f.birth_date)], ['Expire le', slash(f.expiry_date)]];
  const right = `<div style="font-family:${VALUE};${CONDENSED};font-size:24px;color:#333;margin-top:4px">${esc(doc.number)}</div>`;
  const inner = head('RÉPUBLIQUE FRANÇAISE', `TITRE DE SÉJOUR — ${r.pick(['Carte de séjour pluriannuelle', 'Carte de résident', 'Carte de séjour temporaire'])}`, pal[2], right) +
    `<div style="display:flex;gap:24px;padding:12px 34px 0 34px">${portrait(150, 196)}` +
    form(rows, { capW: 180, capSize: 16, valSize: 24, rowGap: 4, capInk: pal[3], rule: pal[2] + '66' }) + '</div>' +
    mrzZone(doc.mrz_lines, 880, 18, true);
  return card(1011, 638, pal, inner);
}

// ----- black-and-white photocopy of one or two documents ----------------------------------------
function photocopy(designs, r) {
  const m = 70, gap = 60;
  const cw = designs.reduce((a, d) => a + d.width, 0) + gap * (designs.length - 1);
  const ch = Math.max(...designs.map((d) => d.height));
  const band = r.int(50, 90), side = r.pick(['right', 'bottom']);
  const w = cw + 2 * m + (side === 'right' ? band : 0), h = ch + 2 * m + (side === 'bottom' ? band : 0);
  let x = m, docs = '';
  for (const d of designs) {
    docs += `<div style="position:absolute;left:${x}px;top:${m}px">${d.html}</div>`;
    x += d.width + gap;
  }
  // The lid left open: a dark band with a soft inner edge along one side of the glass.
  const lid = side === 'right'
    ? `<div style="position:absolute;top:0;bottom:0;right:0;width:${band}px;background:linear-gradient(90deg,#0000,#2a2a2a 30%,#111)"></div>`
    : `<div style="position:absolute;left:0;right:0;bottom:0;height:${band}px;background:linear-gradient(180deg,#0000,#2a2a2a 30%,#111)"></div>`;
  let speck = '';
  for (let i = 0; i < 260; ++i) {
    const s = r.range(0.8, 2.6).toFixed(1);
    speck += `<div style="position:absolute;left:${r.int(0, w)}px;top:${r.int(0, h)}px;width:${s}px;height:${s}px;border-radius:50%;background:#000;opacity:${r.range(0.25, 0.7).toFixed(2)}"></div>`;
  }
  return { width: w, height: h, html: `<div style="width:${w}px;height:${h}px;position:relative;overflow:hidden;background:#fcfcfa;` +
    `filter:grayscale(1) contrast(${r.range(1.35, 1.6).toFixed(2)}) brightness(${r.range(1.03, 1.1).toFixed(2)})">${docs}${lid}${speck}</div>` };
}
// The other side of a 2021 card, for a copy of both sides (a distractor of the kind asked).
function otherSide(doc, r) {
  const p = doc.p;
  if (doc.kind === 'fr_id_2021_front') {
    // The page now shows the card's MRZ: the truth records it (a reader that proves the
    // front's fields by it is right, not a false proof).
    doc.mrz_lines = td1({ code: 'ID', country: 'FRA', number: doc.number, nationality: 'FRA', birth: p.birth, sex: p.sex,
      expiry: doc.expiry, surname: p.surname, given: p.given });
    return cardBack({ ...doc, fields: { address: doc.address, issue_date: doc.issue }, mrz_lines: doc.mrz_lines }, r);
  }
  return cardFront({ ...doc, fields: { surname: p.surname, given_names: p.given.join(' '), birth_date: p.birth,
    birth_place: p.birth_place, sex: p.sex, nationality: 'FRA', document_number: doc.number, expiry_date: doc.expiry } }, r);
}

// ----- FFT licence: A4 attestation with the name as a title ----------------------------------------
const ACCENTS = ['#a0522d', '#0e7490', '#be185d', '#4d7c0f'];
function attestation(doc, r) {
  const f = doc.fields;
  const w = 1240, h = 1754;
  const accent = r.pick(ACCENTS);
  const given = title(f.given_names);
  const logo = `<div style="width:110px;height:110px;border-radius:22px;background:${accent};color:#fff;display:flex;flex-direction:column;align-items:center;justify-content:center;font-family:${LABEL};font-weight:700">` +
    `<div style="width:30px;height:30px;border-radius:50%;background:#d9e84a;margin-bottom:6px"></div><div style="font-size:28px">FFT</div></div>`;
  const rows = [['Nom', esc(upper(f.surname))], ['Prénom(s)', esc(given)], ['Né(e) le', slash(f.birth_date)], ['Sexe', f.sex === 'F' ? 'Féminin' : 'Masculin'],
    ['N° de licence', esc(f.licence_number)], ['Classement', esc(f.ranking)], ['Club', esc(f.club_name)], ['N° du club', esc(f.club_number)],
    ['Saison', `Saison ${seasonSpan(f)}`], ['Type', r.pick(['Licence club', 'Licence compétition', 'Licence adulte'])]];
  const made = `${r.int(10, 28)}/${String(r.int(1, 12)).padStart(2, '0')}/${Number(f.season) - 1}`;
  const html = `<div style="width:${w}px;height:${h}px;box-sizing:border-box;padding:80px 100px;position:relative;background:#fff;color:#15181c">` +
    `<div style="display:flex;align-items:center;gap:30px;border-bottom:2px solid ${accent};padding-bottom:26px">${logo}<div>` +
    `<div style="font-family:${LABEL};font-size:30px;font-weight:700;letter-spacing:1px;color:${accent}">Fédération Française de Tennis</div>` +
    `<div style="font-family:${LABEL};font-size:20px;color:#5b636c;margin-top:4px">Attestation de licence · Saison sportive ${seasonSpan(f)}</div></div></div>` +
    `<div style="margin-top:80px;font-family:${SERIF};font-size:66px;font-weight:700;line-height:1.1">${esc(given)} ${esc(upper(f.surname))}</div>` +
    `<div style="margin-top:14px;font-family:${SERIF};font-size:34px;color:${accent}">Licence n° ${esc(f.licence_number)}</div>` +
    `<div style="margin-top:60px">${form(rows, { capW: 240, capSize: 24, valSize: 33, rowGap: 22, capInk: '#5b636c', rule: accent })}</div>` +
    `<div style="margin-top:70px;font-family:${SERIF};font-size:25px;line-height:1.5;color:#30353b">La Fédération Française de Tennis atteste que la personne désignée ci-dessus ` +
    `est titulaire d'une licence en cours de validité pour la saison sportive indiquée.</div>` +
    `<div style="position:absolute;left:100px;right:100px;bottom:130px;display:flex;justify-content:space-between;align-items:center">` +
    `<div style="font-family:${SERIF};font-size:25px">Fait à Paris, le ${made}<br><span style="color:#5b636c">Le service des licences</span></div>` +
    `<div style="width:170px;height:170px;border-radius:50%;border:4px solid ${accent};opacity:0.6;transform:rotate(-12deg);display:flex;align-items:center;justify-content:center;` +
    `text-align:center;font-family:${LABEL};font-size:17px;color:${accent}">FÉDÉRATION<br>FRANÇAISE<br>DE TENNIS</div></div>` +
    `<div style="position:absolute;left:100px;right:100px;bottom:60px;font-family:${LABEL};font-size:16px;color:#8a9096;border-top:1px solid #ddd;padding-top:12px">` +
    `2 avenue Gordon Bennett · 75016 Paris · Document généré électroniquement</div></div>`;
  return { width: w, height: h, html };
}

// ----- FFT licence: light portrait phone ---------------------------------------------------------
const DEVICES = [[1179, 2556, 3], [1080, 2340, 2.75]];
const THEMES = [['#fbf7f1', '#a0522d', '#f3e6da'], ['#f5f9f9', '#0e7490', '#dcedf0'], ['#fcf6f8', '#be185d', '#f6dde8']];
function statusBar(r, w, iphone) {
  const time = `${r.int(7, 22)}:${String(r.int(0, 59)).padStart(2, '0')}`;
  const bars = [4, 7, 10, 13].map((hh, i) => `<div style="width:3.5px;height:${hh}px;border-radius:1px;background:${i < 3 ? '#111' : '#bbb'}"></div>`).join('');
  const level = r.int(25, 95);
  return `<div style="height:52px;position:relative;display:flex;justify-content:space-between;align-items:center;padding:0 30px 0 36px;font-weight:700;font-size:16px">` +
    `<span>${time}</span>${iphone ? `<div style="position:absolute;left:${w / 2 - 62}px;top:11px;width:124px;height:34px;border-radius:18px;background:#000"></div>`
    : `<div style="position:absolute;left:${w / 2 - 8}px;top:16px;width:16px;height:16px;border-radius:50%;background:#000"></div>`}` +
    `<span style="display:flex;align-items:flex-end;gap:2px">${bars}<span style="margin:0 6px 0 5px;font-size:13px">5G</span>` +
    `<span style="display:inline-block;width:24px;height:11px;border:1.5px solid #888;border-radius:3px;padding:1px;position:relative;top:-1px">` +
    `<span style="display:block;height:100%;width:${level}%;background:#111;border-radius:1px"></span></span></span></div>`;
}
const ICONS = { Nom: '●', 'Prénom(s)': '○', 'Né(e) le': '◷', Sexe: '⚥', 'N° de licence': '#', Classement: '★', Club: '⌂', 'N° du club': '№', Saison: '◫' };
function appRows(rows, accent, tint, pad) {
  return rows.map(([l, v], i) => `<div style="display:flex;align-items:center;gap:12px;padding:${pad}px 0;${i ? 'border-top:1px solid #e5e1db;' : ''}">` +
    `<div style="width:30px;height:30px;flex:none;border-radius:9px;background:${tint};color:${accent};display:flex;align-items:center;justify-content:center;font-family:'DejaVu Sans';font-size:15px">${ICONS[l] ?? '•'}</div>` +
    `<div style="color:#6a6e73;font-size:15px;white-space:nowrap">${esc(l)}</div>` +
    `<div style="flex:1;min-width:0;text-align:right;font-size:16px;font-weight:700;color:#17191c;line-height:1.3">${esc(v)}</div></div>`).join('');
}
function app(doc, r) {
  const f = doc.fields;
  const [W, H, s] = r.pick(DEVICES);
  const w = W / s, h = H / s;
  const [bg, accent, tint] = r.pick(THEMES);
  const first = f.given_names.split(' ')[0];
  const sexe = f.sex === 'F' ? 'Femme' : 'Homme';
  const rows = [['Nom', upper(f.surname)], ['Prénom(s)', f.given_names], ['Né(e) le', slash(f.birth_date)], ['Sexe', sexe],
    ['N° de licence', f.licence_number], ['Classement', f.ranking], ['Club', f.club_name], ['N° du club', f.club_number]];
  const back = `<span style="font-size:30px;line-height:1;color:${accent};font-weight:400">‹</span>`;
  let body;
  if (variant(doc, 2, 'app') === 0) {
    // A pass: the name in the top bar, a large QR code at the top, rows below.
    body = `<div style="display:flex;align-items:center;gap:10px;padding:4px 16px 10px 14px;border-bottom:1px solid #e5e1db">${back}` +
      `<div style="flex:1;text-align:center;font-size:17px;font-weight:700;padding-right:20px">Licence de ${esc(first)} ${esc(upper(f.surname))}</div></div>` +
      `<div style="margin:18px 16px 0 16px;background:#fff;border-radius:20px;box-shadow:0 1px 8px #00000014;padding:18px 18px 4px 18px">` +
      `<div style="display:flex;justify-content:center"><div style="position:relative;width:184px;height:184px">${qrCode(184, r)}</div></div>` +
      `<div style="text-align:center;margin:14px 0 6px 0"><span style="display:inline-block;padding:5px 14px;border-radius:14px;background:${tint};color:${accent};font-weight:700;font-size:14px">Saison ${seasonSpan(f)} · Licence valide</span></div>` +
      appRows(rows, accent, tint, 7) + '</div>';
  } else {
    // Season cards: the current one expanded, the previous ones collapsed (older rankings).
    const RANKS = ['NC', '40', '30/5', '30/4', '30/3', '30/2', '30/1', '30', '15/5', '15/4', '15/3', '15/2'];
    const past = [1, 2].map((k) => `<div style="margin:12px 16px 0 16px;background:#fff;border-radius:16px;box-shadow:0 1px 6px #00000012;padding:14px 16px;display:flex;justify-content:space-between;align-items:center">` +
      `<div><div style="font-weight:700;font-size:16px">Saison ${Number(f.season) - 1 - k}-${Number(f.season) - k}</div><div style="color:#6a6e73;font-size:14px;margin-top:2px">Classement ${r.pick(RANKS)} · terminée</div></div>` +
      `<span style="color:#9a9ea3;font-size:20px">⌄</span></div>`).join('');
    body = `<div style="display:flex;align-items:center;gap:10px;padding:4px 16px 8px 14px">${back}<div style="font-size:28px;font-weight:800">Mes licences</div></div>` +
      `<div style="padding:0 22px;font-size:15px;color:#55595e">${esc(f.given_names)} ${esc(upper(f.surname))}</div>` +
      `<div style="margin:14px 16px 0 16px;background:#fff;border-radius:20px;box-shadow:0 1px 8px #00000016;padding:16px 18px 6px 18px;border:2px solid ${accent}">` +
      `<div style="display:flex;justify-content:space-between;align-items:flex-start"><div><div style="font-size:13px;color:${accent};font-weight:700;letter-spacing:1px">EN COURS</div>` +
      `<div style="font-size:21px;font-weight:800;margin-top:2px">Saison ${seasonSpan(f)}</div></div>` +
      `<div style="position:relative;width:92px;height:92px">${qrCode(92, r)}</div></div>` +
      `<div style="margin-top:10px">${appRows(rows, accent, tint, 8)}</div></div>${past}`;
  }
  const tabs = ['Accueil', 'Licence', 'Tournois', 'Profil'].map((t) => `<div style="flex:1;text-align:center;font-size:12px;color:${t === 'Licence' ? accent : '#8a8e93'};font-weight:${t === 'Licence' ? 700 : 400}">` +
    `<div style="width:22px;height:22px;margin:0 auto 3px auto;border-radius:7px;background:${t === 'Licence' ? accent : '#d5d3cf'}"></div>${t}</div>`).join('');
  const bottom = `<div style="position:absolute;left:0;right:0;bottom:0;height:84px;background:#fff;border-top:1px solid #e5e1db">` +
    `<div style="display:flex;padding-top:9px">${tabs}</div>` +
    `<div style="position:absolute;left:${w / 2 - 67}px;bottom:8px;width:134px;height:5px;border-radius:3px;background:#111"></div></div>`;
  const inner = `<div style="width:${w}px;height:${h}px;overflow:hidden;position:relative;background:${bg};color:#17191c;font-family:${UI}">` +
    `${statusBar(r, w, s === 3)}${body}${bottom}</div>`;
  return { width: W, height: H, html: `<div style="width:${W}px;height:${H}px;overflow:hidden"><div style="zoom:${s}">${inner}</div></div>`, screenshot: true };
}

export function linden(doc, r, condition) {
  const copy = condition === 'scan' && doc.kind !== 'fft_licence' && variant(doc, 5, 'copy') < 2;
  let d;
  switch (doc.kind) {
    case 'fr_passport': d = passport(doc, r); break;
    case 'fr_id_1988': d = card1988(doc, r); break;
    case 'fr_id_2021_front': d = cardFront(doc, r); break;
    case 'fr_id_2021_back': d = cardBack(doc, r); break;
    case 'fr_residence': d = residence(doc, r); break;
    case 'fft_licence': return condition === 'app' ? app(doc, r) : attestation(doc, r);
    default: throw new Error(`linden: unknown kind ${doc.kind} (${condition})`);
  }
  if (!copy) return d;
  if (doc.kind === 'fr_id_2021_front') return photocopy([d, otherSide(doc, r)], r);
  if (doc.kind === 'fr_id_2021_back') return photocopy([otherSide(doc, r), d], r);
  return photocopy([d], r);
}
linden.app = true;

export const LINDEN_FAMILIES = { linden };
