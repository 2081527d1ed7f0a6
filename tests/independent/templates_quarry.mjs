// The `quarry` family of the independent set (seen): conventions of real documents that civic,
// ribbon, atlas, harbor, lantern and orchard lack (modelled on /work/shared/reference and on what
// real French documents print; its author did not open the held-out family):
//
//   - birth places in their real variety, on every kind that prints one: Paris, Lyon and
//     Marseille arrondissements ("PARIS 15E ARRONDISSEMENT", "LYON 3E"), compound towns
//     ("SAINT-ÉTIENNE", "VILLENEUVE-D'ASCQ", "LE HAVRE"), the department in brackets
//     ("MARSEILLE (13)", "SAINT-DENIS (974)") and foreign births with their country
//     ("CASABLANCA (MAROC)", "TUNIS"). The truth is the place without a department number (as
//     the other families count "NANTES (44)"), a country in brackets kept;
//   - 2021 card numbers rich in letters that look like digits (S/5, B/8, Z/2, G/6; the
//     generator's alphabet has no I, O or Q and the reference only says "9 alphanumerics"),
//     the back's TD1 MRZ recomputed for them;
//   - 2021 card front, three designs: `cnie` close to the real card (TINY bilingual captions
//     "NOM / Surname", "DATE DE NAISS. / Date of birth", "DATE D'EXPIR. / Expiry date" over
//     large values, the document number in the HEADER beside the title, the expiry beside
//     the signature at the bottom, a CAN); `paired` with other real wordings ("Nom de
//     famille", "Prénom(s)", "Né(e) le" and "à" on one line, "N° de carte", "Valable
//     jusqu'au"); `ruled` a form whose values sit on a thin rule with the caption UNDER the
//     rule in tiny caps;
//   - 2021 card back: real-like (tiny captions "ADRESSE / Address", "DATE DE DÉLIVRANCE /
//     Date of issue", "AUTORITÉ / Authority", seal top right) or the issue as a sentence
//     ("Carte délivrée le 12 03 2022 par la PRÉFECTURE DU VAR") with "Domicile" on one line;
//   - passport: captions in a small accent colour over values in a two-column grid, birth
//     date and place side by side ("Date de naiss. / Date of birth" | "Lieu de naiss. / Place
//     of birth"), "Délivré le / Date of issue", or French-only "Né(e) à";
//   - 1988 card: the real card's "Nom :" / "Prénom(s) :" / "Sexe :  Né(e) le :" / "à :" lines
//     in a light blue roman label font with values in caps, the number as "N° :" top;
//   - residence permit: "Caption / English : VALUE" on one line, birth place and "Délivré le
//     / Date of issue" printed (and counted in the truth);
//   - FFT licence: an invoice-like attestation (labels left, values RIGHT-ALIGNED at the page
//     edge, thin rules, sections), the licence number in comb boxes, "Licencié(e) depuis
//     2015" and an edition date as distractors, ranking "15/4 (calcul mensuel)"; as `pdf` a
//     page whose labels and values are two absolutely placed columns (the text layer lists
//     all labels before all values); as `app` a settings-list screen (light or dark): status
//     bar, "Ma licence" title, a season chip ("Saison en cours 2026 - 2027", "Saison
//     2026/2027" or "2027"), rows with the label left and the value right on the same row,
//     the club with its number in brackets, sex "Homme"/"Femme", a bottom navigation bar.
//
// Fonts (none used by another family): Clear Sans (fonts-clear-sans), Cabin (fonts-cabin),
// Manrope (fonts-manrope), Linux Libertine O (fonts-linuxlibertine), Hack (fonts-hack);
// scripts/install-deps.sh --test.
//
// quarry(doc, r, condition) returns {html, width, height[, screenshot]}; quarry.app marks that
// it draws the `app` condition. It rewrites doc.fields (birth place, 2021 card number, the
// residence permit's printed birth place and issue date) and the 2021 back's MRZ.
import { td1 } from './mrz.mjs';

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const upper = (s) => s.toLocaleUpperCase('fr-FR');
const dmy = (iso, sep) => `${iso.slice(8, 10)}${sep}${iso.slice(5, 7)}${sep}${iso.slice(0, 4)}`;

function variant(doc, n, salt = '') {
  let h = 0x811c9dc5;
  for (const c of salt + JSON.stringify(doc.fields)) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h % n;
}

// [printed, truth]
const PLACES = [
  ['PARIS 15E ARRONDISSEMENT', 'PARIS 15E ARRONDISSEMENT'],
  ['PARIS 15E ARRONDISSEMENT (75)', 'PARIS 15E ARRONDISSEMENT'],
  ['PARIS 8E', 'PARIS 8E'],
  ['LYON 3E', 'LYON 3E'],
  ['LYON 3E ARRONDISSEMENT', 'LYON 3E ARRONDISSEMENT'],
  ['MARSEILLE 12E ARRONDISSEMENT', 'MARSEILLE 12E ARRONDISSEMENT'],
  ['MARSEILLE (13)', 'MARSEILLE'],
  ['SAINT-ÉTIENNE', 'SAINT-ÉTIENNE'],
  ['SAINT-ÉTIENNE (42)', 'SAINT-ÉTIENNE'],
  ["VILLENEUVE-D'ASCQ", "VILLENEUVE-D'ASCQ"],
  ['LE HAVRE', 'LE HAVRE'],
  ['AIX-EN-PROVENCE (13)', 'AIX-EN-PROVENCE'],
  ['BOULOGNE-BILLANCOURT', 'BOULOGNE-BILLANCOURT'],
  ['SAINT-DENIS (974)', 'SAINT-DENIS'],
  ['CASABLANCA (MAROC)', 'CASABLANCA (MAROC)'],
  ['TUNIS', 'TUNIS'],
  ['ALGER (ALGÉRIE)', 'ALGER (ALGÉRIE)'],
  ['DAKAR (SÉNÉGAL)', 'DAKAR (SÉNÉGAL)'],
  ['PORTO (PORTUGAL)', 'PORTO (PORTUGAL)'],
];
// Chooses the birth place and sets the truth; returns the printed form.
function birthPlace(doc) {
  const [printed, truth] = PLACES[variant(doc, PLACES.length, 'place')];
  doc.fields.birth_place = truth;
  return printed;
}

// 2021 card numbers rich in digit look-alikes (letters of the generator's alphabet only).
const LOOKALIKE = 'SB5Z8G2610ABSZ';
function lookalikeNumber(r) {
  const ALNUM = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
  return Array.from({ length: 9 }, () => (r.chance(0.6) ? r.pick(LOOKALIKE.split('')) : r.pick(ALNUM.split('')))).join('');
}

const AUTHORITIES = ['PRÉFECTURE DU VAR', 'PRÉFECTURE DE LA GIRONDE', 'PRÉFECTURE DU RHÔNE',
  'PRÉFECTURE DE POLICE DE PARIS', 'SOUS-PRÉFECTURE DE BAYONNE', 'PRÉFECTURE DE LA MOSELLE'];

function mrzBlock(lines, widthPx, color = '#111') {
  if (!lines.length) return '';
  const n = lines[0].length;
  const size = (widthPx / (n * 0.6)).toFixed(2);
  return `<div class="mrz" data-width="${widthPx}" style="display:inline-block;font-family:'OCR B';font-size:${size}px;line-height:1.4;` +
    `white-space:pre;color:${color};padding:0px;">` + lines.map(esc).join('<br>') + '</div>';
}

function portrait(w, h, { bg = 'linear-gradient(180deg,#eef0f2,#d5dadf)', grey = true, round = 6 } = {}) {
  return `<div style="width:${w}px;height:${h}px;flex:none;position:relative;overflow:hidden;background:${bg};` +
    `border-radius:${round}px;${grey ? 'filter:grayscale(1) contrast(0.9);' : ''}">` +
    `<div style="position:absolute;left:${w * 0.3}px;top:${h * 0.15}px;width:${w * 0.4}px;height:${h * 0.43}px;border-radius:48%;background:#b08b74"></div>` +
    `<div style="position:absolute;left:${w * 0.26}px;top:${h * 0.1}px;width:${w * 0.48}px;height:${h * 0.2}px;border-radius:50% 50% 25% 25%;background:#3b2a20"></div>` +
    `<div style="position:absolute;left:${w * 0.05}px;top:${h * 0.63}px;width:${w * 0.9}px;height:${h * 0.5}px;border-radius:45% 45% 0 0;background:#2e3a48"></div></div>`;
}

function seal(size, r) {
  const n = 18, c = size / n;
  let cells = '';
  for (let y = 0; y < n; ++y) {
    for (let x = 0; x < n; ++x) {
      const border = x === 0 || y === n - 1 || (y === 0 && x % 2 === 0) || (x === n - 1 && y % 2 === 1);
      if (border || r.chance(0.45)) {
        cells += `<div style="position:absolute;left:${(x * c).toFixed(1)}px;top:${(y * c).toFixed(1)}px;width:${(c + 0.2).toFixed(1)}px;height:${(c + 0.2).toFixed(1)}px;background:#222"></div>`;
      }
    }
  }
  return `<div style="position:relative;width:${size}px;height:${size}px;flex:none;background:#fff;outline:5px solid #fff">${cells}</div>`;
}

// The real card's pastel: pink to blue with fine waves.
const pastel = (a, b) => `background:repeating-linear-gradient(172deg,#0000 0 9px,#6f86b512 9px 10px),` +
  `repeating-linear-gradient(8deg,#0000 0 13px,#b56f9312 13px 14px),linear-gradient(115deg,${a},${b})`;
const PASTELS = [['#f7e4ea', '#dfe9f6'], ['#f3e9f1', '#e0eef3'], ['#fbe9e2', '#e4e6f7']];
const givenCommas = (g) => upper(g).split(' ').join(', ');

// ----- 2021 card, front -------------------------------------------------------------------
function cardFront(doc, r) {
  const f = doc.fields;
  f.document_number = lookalikeNumber(r);
  const place = birthPlace(doc);
  const d = ['cnie', 'paired', 'ruled'][variant(doc, 3, 'front')];
  const w = 1011, h = 638;
  const date = r.chance(0.75) ? (x) => dmy(x, ' ') : (x) => dmy(x, '.');
  const valFont = r.pick(["'Clear Sans'", "'Cabin'"]);
  const [pa, pb] = r.pick(PASTELS);
  const capColor = r.pick(['#4a5a78', '#6a4a68', '#3f5f6a']);
  const alt = r.chance(0.3) ? `ÉP. ${r.pick(['LAMBERT', 'GIRARD', 'ROBIN'])}` : '';
  const can = String(r.int(100000, 999999));
  let body;
  if (d === 'cnie') {
    const capSize = r.pick([10, 11, 12]);
    const cap = (fr, en) => `<div style="font-family:'Cabin';font-size:${capSize}px;color:${capColor};white-space:nowrap;line-height:1.1">` +
      `${esc(fr)} / <i>${esc(en)}</i></div>`;
    const cell = (fr, en, v, width) => `<div style="flex:0 0 ${width}px;margin-bottom:9px">${cap(fr, en)}` +
      `<div style="font-family:${valFont};font-weight:700;font-size:${r.pick([27, 29])}px;white-space:nowrap;line-height:1.2">${esc(v) || '&nbsp;'}</div></div>`;
    const row = (...c) => `<div style="display:flex;gap:14px">${c.join('')}</div>`;
    const fields = row(cell('NOM', 'Surname', upper(f.surname), 560)) +
      row(cell("NOM D'USAGE", 'Alternate name', alt, 560)) +
      row(cell('Prénoms', 'Given names', givenCommas(f.given_names), 560)) +
      row(cell('SEXE', 'Sex', f.sex, 80), cell('NATIONALITÉ', 'Nationality', 'FRA', 130),
        cell('DATE DE NAISS.', 'Date of birth', date(f.birth_date), 200)) +
      row(cell('LIEU DE NAISSANCE', 'Place of birth', place, 560));
    body = `<div style="display:flex;justify-content:space-between;align-items:flex-start;padding:18px 30px 4px 30px">` +
      `<div style="font-family:'Cabin';color:#1f2f5c"><div style="font-size:21px;font-weight:700;letter-spacing:1.5px">RÉPUBLIQUE FRANÇAISE</div>` +
      `<div style="font-size:14px">CARTE NATIONALE D'IDENTITÉ / <i>IDENTITY CARD</i></div></div>` +
      `<div style="text-align:right">${cap('N° DU DOCUMENT', 'Document No')}` +
      `<div style="font-family:${valFont};font-weight:700;font-size:28px;letter-spacing:2px">${esc(f.document_number)}</div></div></div>` +
      `<div style="display:flex;gap:26px;padding:6px 30px 0 30px">${portrait(205, 268)}<div>${fields}</div></div>` +
      `<div style="position:absolute;left:30px;right:30px;bottom:18px;display:flex;justify-content:space-between;align-items:flex-end">` +
      `<div>${cap('SIGNATURE', 'Signature')}<div style="width:180px;height:26px;border-bottom:2px solid #334;transform:skewX(-28deg)"></div></div>` +
      `<div>${cap("DATE D'EXPIR.", 'Expiry date')}<div style="font-family:${valFont};font-weight:700;font-size:27px">${esc(date(f.expiry_date))}</div></div>` +
      `<div style="font-family:'Hack';font-size:20px;color:${capColor};letter-spacing:2px">${can}</div></div>`;
  } else if (d === 'paired') {
    const label = (t) => `<span style="font-family:'Cabin';font-size:${r.pick([12, 13])}px;color:${capColor};margin-right:10px;white-space:nowrap">${esc(t)}</span>`;
    const val = (v) => `<span style="font-family:${valFont};font-weight:700;font-size:27px;white-space:nowrap;margin-right:26px">${esc(v)}</span>`;
    const line = (...p) => `<div style="display:flex;align-items:baseline;margin-bottom:14px">${p.map(([l, v]) => label(l) + val(v)).join('')}</div>`;
    const fields = line(['Nom de famille', upper(f.surname)]) +
      (alt ? line(["Nom d'usage", alt]) : '') +
      line(['Prénom(s)', givenCommas(f.given_names)]) +
      line(['Sexe', f.sex], ['Nationalité', 'Française']) +
      line(['Né(e) le', date(f.birth_date)], ['à', place]) +
      line(['N° de carte', f.document_number]) +
      line(["Valable jusqu'au", date(f.expiry_date)]);
    body = `<div style="background:#1f2f5ccc;color:#fff;padding:14px 30px;font-family:'Cabin';display:flex;justify-content:space-between;align-items:center">` +
      `<b style="font-size:20px;letter-spacing:2px">RÉPUBLIQUE FRANÇAISE</b><span style="font-size:15px">Carte nationale d'identité</span></div>` +
      `<div style="display:flex;gap:26px;padding:26px 30px 0 30px">${portrait(190, 250, { round: 14 })}<div>${fields}</div></div>` +
      `<div style="position:absolute;right:30px;bottom:16px;font-family:'Hack';font-size:18px;color:${capColor}">${can}</div>`;
  } else {
    const cell = (fr, en, v, width) => `<div style="flex:0 0 ${width}px;margin-bottom:12px">` +
      `<div style="font-family:${valFont};font-weight:700;font-size:27px;white-space:nowrap;line-height:1.15;padding-left:2px">${esc(v) || '&nbsp;'}</div>` +
      `<div style="border-top:1px solid ${capColor};font-family:'Cabin';font-size:10px;letter-spacing:1px;color:${capColor};padding-top:2px;white-space:nowrap">` +
      `${esc(upper(fr))} · ${esc(upper(en))}</div></div>`;
    const row = (...c) => `<div style="display:flex;gap:16px">${c.join('')}</div>`;
    const fields = row(cell('Nom', 'Surname', upper(f.surname), 360), cell('N° du document', 'Document No', f.document_number, 200)) +
      row(cell('Prénoms', 'Given names', givenCommas(f.given_names), 576)) +
      row(cell('Sexe', 'Sex', f.sex, 70), cell('Nationalité', 'Nationality', 'FRA', 110), cell('Date de naissance', 'Date of birth', date(f.birth_date), 200),
        cell("Date d'expiration", 'Expiry date', date(f.expiry_date), 164)) +
      row(cell('Lieu de naissance', 'Place of birth', place, 576));
    body = `<div style="padding:20px 30px 8px 30px;font-family:'Cabin';color:#1f2f5c;display:flex;gap:14px;align-items:center">` +
      `<div style="width:46px;height:30px;background:linear-gradient(90deg,#21468b 33%,#fff 33% 66%,#cf2d3a 66%)"></div>` +
      `<div><b style="font-size:19px;letter-spacing:1px">RÉPUBLIQUE FRANÇAISE</b><div style="font-size:13px">CARTE NATIONALE D'IDENTITÉ · IDENTITY CARD</div></div></div>` +
      `<div style="display:flex;gap:24px;padding:14px 30px 0 30px">${portrait(200, 262)}<div>${fields}</div></div>`;
  }
  const style = `<style>.d{color:#101318;box-sizing:border-box;position:relative;overflow:hidden;border-radius:28px;${pastel(pa, pb)}}</style>`;
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px">${body}</div>` };
}

// ----- 2021 card, back --------------------------------------------------------------------
function cardBack(doc, r) {
  const f = doc.fields;
  doc.number = lookalikeNumber(r);
  const p = doc.p;
  doc.mrz_lines = td1({ code: 'ID', country: 'FRA', number: doc.number, nationality: 'FRA', birth: p.birth,
    sex: p.sex, expiry: doc.expiry, surname: p.surname, given: p.given });
  const w = 1011, h = 638;
  const date = r.chance(0.7) ? (x) => dmy(x, ' ') : (x) => dmy(x, '.');
  const m = f.address.match(/^(.*) (\d{5}) (.*)$/);
  const [street, town] = m ? [m[1], `${m[2]} ${m[3]}`] : [f.address, ''];
  const authority = r.pick(AUTHORITIES);
  const capColor = r.pick(['#4a5a78', '#6a4a68', '#3f5f6a']);
  const valFont = r.pick(["'Clear Sans'", "'Cabin'"]);
  const [pa, pb] = r.pick(PASTELS);
  let fields;
  if (variant(doc, 2, 'back') === 0) {
    const cap = (fr, en) => `<div style="font-family:'Cabin';font-size:${r.pick([10, 11, 12])}px;color:${capColor};white-space:nowrap">${esc(fr)} / <i>${esc(en)}</i></div>`;
    const cell = (fr, en, v, mb = 14) => `<div style="margin-bottom:${mb}px">${cap(fr, en)}` +
      `<div style="font-family:${valFont};font-weight:700;font-size:26px;line-height:1.2;white-space:nowrap">${v}</div></div>`;
    fields = `<div>` + cell('ADRESSE', 'Address', `${esc(street)}<br>${esc(town)}`) +
      `<div style="display:flex;gap:40px">${cell('DATE DE DÉLIVRANCE', 'Date of issue', esc(date(f.issue_date)))}` +
      `${cell('TAILLE', 'Height', `1,${r.int(52, 94)} m`)}</div>` +
      cell('AUTORITÉ', 'Authority', esc(authority), 0) + '</div>';
  } else {
    const sent = r.chance(0.5)
      ? `Carte délivrée le <b>${esc(date(f.issue_date))}</b> par la <b>${esc(authority)}</b>`
      : `Délivrée le <b>${esc(date(f.issue_date))}</b><br>par ${esc(authority)}`;
    fields = `<div style="font-family:${valFont};font-size:25px;line-height:1.5;max-width:700px">` +
      `<div style="white-space:nowrap"><span style="font-family:'Cabin';font-size:15px;color:${capColor}">Domicile :</span> <b>${esc(street)}, ${esc(town)}</b></div>` +
      `<div style="margin-top:26px">${sent}</div>` +
      `<div style="margin-top:16px;font-size:18px;color:${capColor}">Taille : 1,${r.int(52, 94)} m</div></div>`;
  }
  const mrzW = Math.round(w * 0.88);
  const body = `<div style="display:flex;justify-content:space-between;padding:30px 36px 0 36px">${fields}<div>${seal(160, r)}</div></div>` +
    `<div style="position:absolute;left:0;right:0;bottom:0;height:${Math.round(h * 0.31)}px;background:#fdfcf9;display:flex;align-items:center;justify-content:center">` +
    `${mrzBlock(doc.mrz_lines, mrzW)}</div>`;
  const style = `<style>.d{color:#111;box-sizing:border-box;position:relative;overflow:hidden;border-radius:28px;${pastel(pa, pb)}}</style>`;
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px">${body}</div>` };
}

// ----- passport ---------------------------------------------------------------------------
function passport(doc, r) {
  const f = doc.fields;
  const place = birthPlace(doc);
  const w = 1476, h = 1039;
  const date = r.pick([(x) => dmy(x, ' '), (x) => dmy(x, '/')]);
  const accent = r.pick(['#7a2a48', '#1f4f7a', '#4b5a1f']);
  const valFont = r.pick(["'Clear Sans'", "'Linux Libertine O'"]);
  const french = variant(doc, 2, 'pass') === 0;
  const cell = (cap, v, span = 1) => `<div style="grid-column:span ${span}">` +
    `<div style="font-family:'Cabin';font-size:17px;color:${accent};white-space:nowrap">${cap}</div>` +
    `<div style="font-family:${valFont};font-size:36px;font-weight:700;white-space:nowrap;line-height:1.2">${esc(v)}</div></div>`;
  const c = (fr, en) => (french ? esc(fr) : `${esc(fr)} / <i>${esc(en)}</i>`);
  const grid = `<div style="display:grid;grid-template-columns:repeat(2,380px);column-gap:36px;row-gap:20px">` +
    cell(c('Nom', 'Surname'), upper(f.surname), 2) + cell(c('Prénoms', 'Given names'), givenCommas(f.given_names), 2) +
    cell(c('Nationalité', 'Nationality'), 'FRANÇAISE') + cell(c('Sexe', 'Sex'), f.sex) +
    cell(french ? 'Né(e) le' : c('Date de naiss.', 'Date of birth'), date(f.birth_date)) +
    cell(french ? 'Né(e) à' : c('Lieu de naiss.', 'Place of birth'), place) +
    cell(french ? 'Délivré le' : c('Date de délivrance', 'Date of issue'), date(f.issue_date)) +
    cell(french ? "Valable jusqu'au" : c("Date d'expiration", 'Date of expiry'), date(f.expiry_date)) +
    cell(c('Autorité', 'Authority'), r.pick(AUTHORITIES), 2) + '</div>';
  const body = `<div style="display:flex;justify-content:space-between;align-items:flex-start;padding:30px 50px 0 50px;font-family:'Cabin';color:${accent}">` +
    `<div style="font-size:26px;font-weight:700;letter-spacing:2px">RÉPUBLIQUE FRANÇAISE<div style="font-size:19px;font-weight:400;letter-spacing:0">PASSEPORT / <i>PASSPORT</i></div></div>` +
    `<div style="display:flex;gap:40px;font-size:16px"><div>Type<div style="font-size:28px;color:#111;font-weight:700">P</div></div>` +
    `<div>Code / <i>Code</i><div style="font-size:28px;color:#111;font-weight:700">FRA</div></div>` +
    `<div>N° du passeport / <i>Passport No</i><div style="font-family:'Hack';font-size:32px;color:#111;font-weight:700">${esc(f.document_number)}</div></div></div></div>` +
    `<div style="display:flex;gap:46px;padding:26px 50px">${portrait(320, 420, { grey: false })}${grid}</div>`;
  const mrzW = Math.round(w * 0.9);
  const mrz = `<div style="position:absolute;left:${Math.round((w - mrzW) / 2)}px;bottom:${Math.round(h * 0.04)}px">${mrzBlock(doc.mrz_lines, mrzW)}</div>`;
  const style = `<style>.d{box-sizing:border-box;position:relative;overflow:hidden;color:#141414;${pastel('#f4efe6', '#e5eef0')}}</style>`;
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px">${body}${mrz}</div>` };
}

// ----- 1988 card: the real card's lines --------------------------------------------------
function card1988(doc, r) {
  const f = doc.fields;
  const place = birthPlace(doc);
  const w = 1011, h = 638;
  const date = r.pick([(x) => dmy(x, '.'), (x) => dmy(x, ' ')]);
  const lab = (t) => `<span style="font-family:'Linux Libertine O';font-size:19px;color:#5d86b0;margin-right:12px">${esc(t)}</span>`;
  const val = (v) => `<span style="font-family:'Clear Sans';font-weight:500;font-size:27px;color:#15181c;margin-right:34px;white-space:nowrap">${esc(v)}</span>`;
  const line = (...p) => `<div style="white-space:nowrap;margin-bottom:17px">${p.map(([l, v]) => lab(l) + val(v)).join('')}</div>`;
  const split = variant(doc, 2, '88') === 0;
  const rows = line(['Nom :', upper(f.surname)]) + line(['Prénom(s) :', givenCommas(f.given_names)]) +
    (split
      ? line(['Sexe :', f.sex], ['Né(e) le :', date(f.birth_date)]) + line(['à :', place])
      : line(['Sexe :', f.sex], ['Nationalité :', 'Française']) + line(['Date de naissance :', date(f.birth_date)]) +
        line(['Lieu de naissance :', place])) +
    line(['Taille :', `1,${r.int(50, 95)}m`]);
  const body = `<div style="padding:18px 30px 0 30px;display:flex;justify-content:space-between;align-items:baseline;font-family:'Linux Libertine O';color:#5d86b0">` +
    `<span style="font-size:22px;letter-spacing:1px">RÉPUBLIQUE FRANÇAISE</span>` +
    `<span style="font-size:19px">CARTE NATIONALE D'IDENTITÉ N° : <span style="font-family:'Hack';font-size:25px;color:#15181c">${esc(f.document_number)}</span></span></div>` +
    `<div style="display:flex;gap:30px;padding:20px 30px 0 30px">${portrait(196, 252, { bg: '#e6e1d8', round: 0 })}<div>${rows}` +
    `<div style="font-family:'Linux Libertine O';font-size:15px;color:#5d86b0">Signature du titulaire :</div></div></div>`;
  const mrzW = Math.round(w * 0.93);
  const mrz = `<div style="position:absolute;left:${Math.round((w - mrzW) / 2)}px;bottom:16px">${mrzBlock(doc.mrz_lines, mrzW)}</div>`;
  const style = `<style>.d{box-sizing:border-box;position:relative;overflow:hidden;border-radius:22px;` +
    `background:repeating-radial-gradient(circle at 70% 40%,#0000 0 6px,#8fb1d31a 6px 7px),linear-gradient(160deg,#eef3f8,#f5ecef)}</style>`;
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px">${body}${mrz}</div>` };
}

// ----- residence permit: "Caption / English : VALUE" on one line ------------------------
function residence(doc, r) {
  const f = doc.fields;
  const place = birthPlace(doc);
  f.issue_date = doc.issue;
  const w = 1011, h = 638;
  const date = r.pick([(x) => dmy(x, '/'), (x) => dmy(x, ' ')]);
  const accent = r.pick(['#1d5e57', '#5a2f7a', '#7a4a1d']);
  const valFont = r.pick(["'Clear Sans'", "'Cabin'"]);
  const line = (fr, en, v) => `<div style="white-space:nowrap;margin-bottom:9px;display:flex;align-items:baseline">` +
    `<span style="font-family:'Cabin';font-size:13px;color:${accent}">${esc(fr)} / <i>${esc(en)}</i> :</span>` +
    `<span style="font-family:${valFont};font-weight:700;font-size:23px;margin-left:10px">${esc(v)}</span></div>`;
  const issueCap = r.pick([['Délivré le', 'Date of issue'], ['Date de délivrance', 'Date of issue']]);
  const fields = line('Nom', 'Surname', upper(f.surname)) + line('Prénoms', 'Given names', givenCommas(f.given_names)) +
    line('Sexe', 'Sex', f.sex) + line('Nationalité', 'Nationality', f.nationality) +
    line('Date de naissance', 'Date of birth', date(f.birth_date)) + line('Lieu de naissance', 'Place of birth', place) +
    line(issueCap[0], issueCap[1], date(f.issue_date)) + line("Valable jusqu'au", 'Valid until', date(f.expiry_date)) +
    line('Type de titre', 'Type of permit', r.pick(['CARTE DE SÉJOUR PLURIANNUELLE', 'CARTE DE RÉSIDENT', 'CARTE DE SÉJOUR TEMPORAIRE']));
  const body = `<div style="padding:14px 28px;display:flex;justify-content:space-between;align-items:center;font-family:'Cabin';color:${accent};border-bottom:2px solid ${accent}">` +
    `<b style="font-size:21px;letter-spacing:2px">RÉPUBLIQUE FRANÇAISE</b><span style="font-size:16px">TITRE DE SÉJOUR / <i>RESIDENCE PERMIT</i></span></div>` +
    `<div style="display:flex;gap:26px;padding:14px 28px 0 28px">${portrait(160, 210)}<div>${fields}</div></div>`;
  const mrzW = Math.round(w * 0.9);
  const mrz = `<div style="position:absolute;left:${Math.round((w - mrzW) / 2)}px;bottom:10px">${mrzBlock(doc.mrz_lines, mrzW)}</div>`;
  const style = `<style>.d{color:#121212;box-sizing:border-box;position:relative;overflow:hidden;border-radius:26px;${pastel('#eef4ec', '#efe8f4')}}</style>`;
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px">${body}${mrz}</div>` };
}

// ----- FFT licence ------------------------------------------------------------------------
const seasonText = (f, r) => {
  const a = Number(f.season) - 1;
  return r.pick([`Saison en cours ${a} - ${f.season}`, `Saison ${a}/${f.season}`, `Saison ${f.season}`, `${a}/${f.season}`]);
};
const rankingText = (f, r) => (r.chance(0.5) ? `${f.ranking} (calcul mensuel)` : f.ranking);
const sexWord = (f) => (f.sex === 'F' ? 'Femme' : 'Homme');
const since = (f, r) => String(Math.max(Number(f.birth_date.slice(0, 4)) + 6, r.int(2005, 2022)));

// Invoice-like attestation: labels left, values right-aligned, licence number in comb boxes.
function attestation(doc, r) {
  const f = doc.fields;
  const w = 1240, h = 1754;
  const font = r.pick(["'Cabin'", "'Clear Sans'", "'Linux Libertine O'"]);
  const accent = r.pick(['#0b4f6c', '#8c2f39', '#3d5a1e']);
  const comb = r.chance(0.6);
  const licence = comb
    ? `<span style="display:inline-flex;gap:4px">${f.licence_number.replace(' ', '').split('').map((c) =>
      `<span style="display:inline-block;width:34px;height:44px;border:1.5px solid #555;text-align:center;line-height:44px;font-family:'Hack'">${esc(c)}</span>`).join('')}</span>`
    : esc(f.licence_number);
  const row = (label, value) => `<div style="display:flex;justify-content:space-between;align-items:center;padding:14px 0;border-bottom:1px solid #d5d8dc">` +
    `<span style="color:#555;font-size:25px">${esc(label)}</span><span style="font-weight:700;font-size:28px;text-align:right">${value}</span></div>`;
  const section = (t) => `<div style="margin:44px 0 6px 0;font-size:22px;font-weight:700;letter-spacing:2px;color:${accent}">${esc(t)}</div>`;
  const html = `<div style="width:${w}px;height:${h}px;box-sizing:border-box;padding:80px 100px;background:#fff;font-family:${font};color:#1a1c1f;position:relative">` +
    `<div style="display:flex;justify-content:space-between;align-items:flex-start">` +
    `<div style="font-size:30px;font-weight:700;color:${accent}">Fédération Française de Tennis<div style="font-size:20px;font-weight:400;color:#666">Ligue ${esc(r.pick(['de Normandie', 'Auvergne-Rhône-Alpes', 'Nouvelle-Aquitaine', 'Centre-Val de Loire']))}</div></div>` +
    `<div style="font-size:20px;color:#666;text-align:right">Édité le ${dmy(`${Number(f.season) - 1}-${String(r.int(9, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`, '/')}<br>Réf. ${r.int(100000, 999999)}</div></div>` +
    `<div style="margin-top:90px;font-size:44px;font-weight:700;text-align:center">ATTESTATION DE LICENCE</div>` +
    `<div style="font-size:28px;text-align:center;color:#444;margin-top:10px">${esc(seasonText(f, r))}</div>` +
    section('LICENCIÉ(E)') +
    row('Nom', esc(upper(f.surname))) + row('Prénom', esc(f.given_names)) + row('Date de naissance', esc(dmy(f.birth_date, '/'))) +
    row('Sexe', sexWord(f)) + row('Numéro de licence', licence) + row('Licencié(e) depuis', since(f, r)) +
    section('CLASSEMENT') + row('Classement simple', esc(rankingText(f, r))) +
    section('CLUB') + row('Club', esc(f.club_name)) + row('N° d\'affiliation', esc(f.club_number)) +
    section('LICENCE') + row('Type', r.pick(['Licence Club FFT', 'Licence C/Multi-raquettes'])) + row('Compétition', 'Autorisée') +
    `<div style="position:absolute;left:100px;right:100px;bottom:80px;font-size:19px;color:#777;line-height:1.5;border-top:1px solid #ccc;padding-top:14px">` +
    `Document à présenter au juge-arbitre avec une pièce d'identité. Attestation générée depuis l'espace licencié.</div></div>`;
  return { width: w, height: h, html };
}

// PDF: labels and values as two absolutely placed columns; the text layer lists the labels
// first, then the values.
function pdfColumns(doc, r) {
  const f = doc.fields;
  const w = 1240, h = 1754;
  const font = r.pick(["'Cabin'", "'Clear Sans'"]);
  const accent = r.pick(['#124e78', '#6b2d5c']);
  const items = [
    ['Nom', upper(f.surname)], ['Prénom', f.given_names], ['Né(e) le', dmy(f.birth_date, '/')], ['Sexe', sexWord(f)],
    ['N° de licence', f.licence_number], ['Classement', rankingText(f, r)], ['Club', `${f.club_name} (${f.club_number})`],
    ['Licencié(e) depuis', since(f, r)],
  ];
  const top = 520, step = 78;
  const labels = items.map(([l], i) => `<div style="position:absolute;left:110px;top:${top + i * step}px;font-size:25px;color:#666">${esc(l)}</div>`).join('');
  const values = items.map(([, v], i) => `<div style="position:absolute;left:470px;top:${top + i * step - 2}px;font-size:28px;font-weight:700;white-space:nowrap">${esc(v)}</div>`).join('');
  const html = `<div style="width:${w}px;height:${h}px;position:relative;background:#fff;font-family:${font};color:#16181b">` +
    `<div style="position:absolute;left:0;right:0;top:0;height:220px;background:${accent}"></div>` +
    `<div style="position:absolute;left:110px;top:70px;font-size:46px;font-weight:700;color:#fff">Ma licence FFT</div>` +
    `<div style="position:absolute;left:110px;top:140px;font-size:28px;color:#ffffffcc">${esc(seasonText(f, r))}</div>` +
    `<div style="position:absolute;left:110px;top:300px;font-size:30px;font-weight:700">Informations du licencié</div>` +
    `<div style="position:absolute;left:110px;top:360px;font-size:22px;color:#777;width:1000px;line-height:1.5">Ces informations sont extraites de la base fédérale au ` +
    `${dmy(`${Number(f.season) - 1}-10-0${r.int(1, 9)}`, '/')}.</div>` +
    labels + values + '</div>';
  return { width: w, height: h, html };
}

const NAV_ICONS = ['⌂', '◎', '▣', '☰'];
// A settings-list app screen: label left, value right on the same row.
function appList(doc, r) {
  const f = doc.fields;
  const dark = r.chance(0.4);
  const bg = dark ? '#111315' : '#f2f2f7', card = dark ? '#1c1f22' : '#ffffff', ink = dark ? '#f1f1f1' : '#111', muted = dark ? '#8e949a' : '#7a7f85';
  const accent = r.pick(['#1a8f5a', '#d9541e', '#2f6fd6']);
  const font = r.pick(["'Manrope'", "'Cabin'", "'Clear Sans'"]);
  const season = seasonText(f, r);
  const nameStyle = r.pick(['upper-first', 'given-first']);
  const name = nameStyle === 'upper-first' ? `${upper(f.surname)} ${f.given_names}` : `${f.given_names} ${upper(f.surname)}`;
  const row = (l, v) => `<div style="display:flex;justify-content:space-between;align-items:center;padding:34px 40px;border-bottom:2px solid ${dark ? '#2a2e33' : '#e6e6ea'}">` +
    `<span style="font-size:38px;color:${muted}">${esc(l)}</span><span style="font-size:40px;font-weight:700;text-align:right;white-space:nowrap">${esc(v)}</span></div>`;
  const group = (title, rows) => `<div style="margin:36px 44px 0 44px"><div style="font-size:30px;color:${muted};letter-spacing:2px;margin:0 0 14px 16px">${esc(title)}</div>` +
    `<div style="background:${card};border-radius:30px;overflow:hidden">${rows}</div></div>`;
  const clubInline = r.chance(0.6);
  const html = `<div style="position:relative;width:1080px;height:2340px;background:${bg};color:${ink};font-family:${font};box-sizing:border-box">` +
    `<div style="height:96px;display:flex;justify-content:space-between;align-items:center;padding:0 54px;font-size:34px;font-weight:600">` +
    `<span>${r.int(7, 22)}:${String(r.int(0, 59)).padStart(2, '0')}</span><span>◢ 5G ▮▮▮▯ ${r.int(12, 99)} %</span></div>` +
    `<div style="display:flex;justify-content:space-between;align-items:center;padding:30px 54px 0 54px">` +
    `<span style="font-size:40px;color:${accent}">‹ Retour</span><span style="font-size:40px;color:${accent}">Partager</span></div>` +
    `<div style="padding:30px 54px 0 54px;font-size:76px;font-weight:800">Ma licence</div>` +
    `<div style="padding:26px 54px 0 54px;display:flex;gap:20px;flex-wrap:wrap">` +
    `<span style="background:${accent};color:#fff;border-radius:40px;padding:14px 34px;font-size:34px;font-weight:700">${esc(season)}</span>` +
    `<span style="border:2px solid ${muted};color:${muted};border-radius:40px;padding:12px 30px;font-size:32px">Licencié(e) depuis ${since(f, r)}</span></div>` +
    group('TITULAIRE', row('Nom', name.length > 26 ? upper(f.surname) : name) +
      (name.length > 26 ? row('Prénom', f.given_names) : '') +
      row('Né(e) le', dmy(f.birth_date, '/')) + row('Sexe', sexWord(f)) + row('N° de licence', f.licence_number)) +
    group('TENNIS', row('Classement', rankingText(f, r)) + row('Meilleur classement', r.pick(['15/1', '30/2', '4/6', '15/3']))) +
    group('CLUB', clubInline
      ? `<div style="padding:34px 40px;font-size:40px;font-weight:700">${esc(f.club_name)} (${esc(f.club_number)})</div>`
      : row('Club', f.club_name) + row('N° du club', f.club_number)) +
    `<div style="position:absolute;bottom:0;left:0;width:1080px;height:190px;background:${card};border-top:2px solid ${dark ? '#2a2e33' : '#ddd'};display:flex;justify-content:space-around;align-items:center;font-size:28px;color:${muted}">` +
    ['Accueil', 'Réserver', 'Licence', 'Profil'].map((t, i) => `<div style="text-align:center;${t === 'Licence' ? `color:${accent};font-weight:700` : ''}">` +
      `<div style="font-size:54px">${NAV_ICONS[i]}</div>${t}</div>`).join('') + '</div></div>';
  return { width: 1080, height: 2340, html, screenshot: true };
}

export function quarry(doc, r, condition) {
  switch (doc.kind) {
    case 'fr_passport': return passport(doc, r);
    case 'fr_id_1988': return card1988(doc, r);
    case 'fr_id_2021_front': return cardFront(doc, r);
    case 'fr_id_2021_back': return cardBack(doc, r);
    case 'fr_residence': return residence(doc, r);
    case 'fft_licence':
      if (condition === 'app') return appList(doc, r);
      if (condition === 'pdf') return pdfColumns(doc, r);
      return attestation(doc, r);
  }
  throw new Error(`quarry: unknown kind ${doc.kind}`);
}
quarry.app = true;

export const QUARRY_FAMILIES = { quarry };
