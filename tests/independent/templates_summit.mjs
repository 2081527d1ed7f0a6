// The `summit` family of the independent set (seen): conventions of real documents that civic,
// ribbon, atlas, harbor, lantern, orchard, quarry and willow lack (from public knowledge of the
// real documents; its author did not open the held-out family):
//
//   - NUMBERED captions, as ICAO passports and EU permits number their zones: "1. Nom /
//     Surname", "2. Prénoms / Given names", "3. Nationalité / Nationality", "4. Date de
//     naissance / Date of birth" ..., or the number after the caption ("Nom / Surname (1)");
//     small captions above their values;
//   - ENGLISH-FIRST bilingual captions ("Surname / Nom", "Place of birth / Lieu de naissance"),
//     numbered or not;
//   - a COMBINED birth caption: "Date et lieu de naissance / Date and place of birth" over
//     "13.07.1990 NANTES" or "13 07 1990 à NANTES", or "Lieu et date de naissance / Place and
//     date of birth" over "NANTES, le 13.07.1990";
//   - issue dates under other real wordings: "Délivrance / Issued", "Date d'émission / Date of
//     issue", "Date de délivrance / Date of issue", the 1988 card's "Délivrée le :";
//   - nationality as "FRANÇAISE / FRENCH", "FRANÇAISE", "Française" or "FRA" (the evaluator maps
//     the words to FRA; the truth stays FRA);
//   - dates with the month in words: "13 JUIL. 1990" or bilingual "13 JUIL/JUL 1990", besides
//     "13.07.1990", "13 07 1990" and "13/07/1990";
//   - 2021 card back: the address on TWO lines (street, then postcode and town) under "Adresse
//     du titulaire / Holder's address" or after "Demeurant :" (the second line under the first
//     value); the truth is the identity's one-line address (the two lines joined by a space);
//   - FFT licence: "Licence FFT", "Année sportive 2026/2027" or "Millésime 2027", "N° licence",
//     "Club d'appartenance" with "N° affiliation", "Classement", "Né(e) le", "Sexe : Masculin" /
//     "Féminin"; labels LEFT of values with DOTTED LEADERS ("Nom ........ MARCHAND") on a
//     `leaders` attestation, labels ABOVE values on a `tiles` card page. pdf and pdfscan draw the
//     same designs.
//
// It ADDS to the truth what it prints and identity.mjs leaves out: the passport's nationality
// (always printed: FRA), the 1988 card's nationality (printed "Française" on some: FRA), the
// residence permit's birth place and issue date (printed on every one).
//
// Fonts (none used by another family): PT Sans, PT Sans Narrow, PT Sans Caption, PT Serif,
// PT Mono (fonts-paratype), Karla (fonts-karla), Charis SIL (fonts-sil-charis);
// scripts/install-deps.sh --test.
//
// summit(doc, r, condition) returns {html, width, height}; it draws no `app` screen.

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const upper = (s) => s.toLocaleUpperCase('fr-FR');
const dmy = (iso, sep) => `${iso.slice(8, 10)}${sep}${iso.slice(5, 7)}${sep}${iso.slice(0, 4)}`;

function variant(doc, n, salt = '') {
  let h = 0x811c9dc5;
  for (const c of salt + JSON.stringify(doc.fields)) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  // FNV-1a's low bits follow the characters' parities: mixed before the modulo.
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  return h % n;
}

// Abbreviated months as French documents print them ("JUIL.", no dot on a whole word).
const MONTHS_FR = ['JANV.', 'FÉVR.', 'MARS', 'AVR.', 'MAI', 'JUIN', 'JUIL.', 'AOÛT', 'SEPT.', 'OCT.', 'NOV.', 'DÉC.'];
const MONTHS_EN = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const month = (iso) => Number(iso.slice(5, 7)) - 1;
const DATES = {
  dots: (x) => dmy(x, '.'),
  spaces: (x) => dmy(x, ' '),
  slash: (x) => dmy(x, '/'),
  word: (x) => `${x.slice(8, 10)} ${MONTHS_FR[month(x)]} ${x.slice(0, 4)}`,
  // "13 JUIL/JUL 1990": the passport's bilingual month, without the dot.
  wordBi: (x) => `${x.slice(8, 10)} ${MONTHS_FR[month(x)].replace('.', '')}/${MONTHS_EN[month(x)]} ${x.slice(0, 4)}`,
};
// One date style per document, words 2 times in 5.
const dateStyle = (doc, salt) => DATES[['dots', 'spaces', 'word', 'wordBi', 'slash'][variant(doc, 5, `date${salt}`)]];

// Caption styles: number first, number after, English first (numbered half the time).
const CAPTION_STYLES = ['numPre', 'numPost', 'enFirst', 'enFirstNum'];
function captioner(style, color, font, size) {
  return (n, fr, en) => {
    const frS = esc(fr), enS = `<i>${esc(en)}</i>`;
    let t;
    if (style === 'numPre') t = `${n}. ${frS} / ${enS}`;
    else if (style === 'numPost') t = `${frS} / ${enS} (${n})`;
    else if (style === 'enFirst') t = `${esc(en)} / <i>${frS}</i>`;
    else t = `${n}. ${esc(en)} / <i>${frS}</i>`;
    return `<div style="font-family:${font};font-size:${size}px;color:${color};white-space:nowrap;line-height:1.15">${t}</div>`;
  };
}

// The birth: separate fields, or one combined caption and value.
const BIRTH_STYLES = ['separate', 'datePlace', 'placeDate'];
function birthCombined(style, date, place, r) {
  if (style === 'datePlace') {
    return { fr: 'Date et lieu de naissance', en: 'Date and place of birth',
      value: r.chance(0.5) ? `${date} ${place}` : `${date} à ${place}` };
  }
  return { fr: 'Lieu et date de naissance', en: 'Place and date of birth', value: `${place}, le ${date}` };
}

const NATIONALITY_WORDS = ['FRANÇAISE / FRENCH', 'FRANÇAISE', 'Française', 'FRA'];

const AUTHORITIES = ['PRÉFECTURE DE LA SARTHE', 'PRÉFECTURE DU FINISTÈRE', 'PRÉFECTURE DES HAUTS-DE-SEINE',
  'SOUS-PRÉFECTURE DE CHOLET', 'PRÉFECTURE DE LA CÔTE-D\'OR', 'PRÉFECTURE DE L\'HÉRAULT'];

function mrzBlock(lines, widthPx, color = '#111') {
  if (!lines.length) return '';
  const n = lines[0].length;
  const size = (widthPx / (n * 0.6)).toFixed(2);
  return `<div class="mrz" data-width="${widthPx}" style="display:inline-block;font-family:'OCR B';font-size:${size}px;line-height:1.4;` +
    `white-space:pre;color:${color};padding:0px;">` + lines.map(esc).join('<br>') + '</div>';
}

function portrait(w, h, { bg = 'linear-gradient(180deg,#edf0ee,#d3d9d6)', grey = true, round = 3 } = {}) {
  return `<div style="width:${w}px;height:${h}px;flex:none;position:relative;overflow:hidden;background:${bg};` +
    `border-radius:${round}px;${grey ? 'filter:grayscale(1) contrast(0.9);' : ''}">` +
    `<div style="position:absolute;left:${w * 0.31}px;top:${h * 0.16}px;width:${w * 0.38}px;height:${h * 0.42}px;border-radius:47%;background:#b3907a"></div>` +
    `<div style="position:absolute;left:${w * 0.27}px;top:${h * 0.1}px;width:${w * 0.46}px;height:${h * 0.19}px;border-radius:50% 50% 30% 30%;background:#2f241d"></div>` +
    `<div style="position:absolute;left:${w * 0.06}px;top:${h * 0.64}px;width:${w * 0.88}px;height:${h * 0.5}px;border-radius:44% 44% 0 0;background:#3a4452"></div></div>`;
}

// A DataMatrix-like seal (not decodable).
function seal(size, r) {
  const n = 16, c = size / n;
  let cells = '';
  for (let y = 0; y < n; ++y) {
    for (let x = 0; x < n; ++x) {
      const border = x === 0 || y === n - 1 || (y === 0 && x % 2 === 0) || (x === n - 1 && y % 2 === 1);
      if (border || r.chance(0.45)) {
        cells += `<div style="position:absolute;left:${(x * c).toFixed(1)}px;top:${(y * c).toFixed(1)}px;width:${(c + 0.2).toFixed(1)}px;height:${(c + 0.2).toFixed(1)}px;background:#1e1e1e"></div>`;
      }
    }
  }
  return `<div style="position:relative;width:${size}px;height:${size}px;flex:none;background:#fff;outline:5px solid #fff">${cells}</div>`;
}

// A light guilloche: two families of fine rings and a rosette over a pale tint.
const TINTS = [['#eef4f0', '#f4efe4', '#2f6b5a'], ['#eef1f7', '#f6eef0', '#3b5588'], ['#f5f1e6', '#eaf2f4', '#7a5a2a'],
  ['#f3eef6', '#eef5ef', '#5d3f7a']];
const guilloche = ([a, b, ink]) => `background:` +
  `repeating-radial-gradient(circle at 18% 28%,#0000 0 10px,${ink}14 10px 11px),` +
  `repeating-radial-gradient(circle at 82% 72%,#0000 0 12px,${ink}12 12px 13px),` +
  `repeating-conic-gradient(from 0deg at 62% 38%,#0000 0 4deg,${ink}0c 4deg 5deg),` +
  `linear-gradient(125deg,${a},${b})`;

const givenCommas = (g) => upper(g).split(' ').join(', ');

// ----- passport: the ICAO data page, numbered zones ---------------------------------------
function passport(doc, r) {
  const f = doc.fields;
  f.nationality = 'FRA'; // printed on every passport
  const style = CAPTION_STYLES[variant(doc, 4, 'pcap')];
  const birth = BIRTH_STYLES[variant(doc, 3, 'pbirth')];
  const date = dateStyle(doc, 'p');
  const tint = r.pick(TINTS);
  const w = 1476, h = 1039;
  const capFont = r.pick(["'PT Sans Caption'", "'Karla'"]);
  const valFont = r.pick(["'PT Sans Narrow'", "'PT Sans'"]);
  const cap = captioner(style, tint[2], capFont, 17);
  const nat = r.pick(['FRANÇAISE / FRENCH', 'FRANÇAISE']);
  const cell = (capHtml, v, span = 1) => `<div style="grid-column:span ${span}">${capHtml}` +
    `<div style="font-family:${valFont};font-size:38px;font-weight:700;white-space:nowrap;line-height:1.2">${esc(v)}</div></div>`;
  let n = 0;
  const c = (fr, en) => cap(++n, fr, en);
  let cells = cell(c('Nom', 'Surname'), upper(f.surname), 2) + cell(c('Prénoms', 'Given names'), givenCommas(f.given_names), 2) +
    cell(c('Nationalité', 'Nationality'), nat);
  if (birth === 'separate') {
    cells += cell(c('Date de naissance', 'Date of birth'), date(f.birth_date)) +
      cell(c('Sexe', 'Sex'), f.sex) + cell(c('Lieu de naissance', 'Place of birth'), f.birth_place);
  } else {
    cells += cell(c('Sexe', 'Sex'), f.sex);
    const b = birthCombined(birth, date(f.birth_date), f.birth_place, r);
    cells += cell(c(b.fr, b.en), b.value, 2);
  }
  cells += cell(c('Date de délivrance', 'Date of issue'), date(f.issue_date)) +
    cell(c("Date d'expiration", 'Date of expiry'), date(f.expiry_date)) +
    cell(c('Autorité', 'Authority'), r.pick(AUTHORITIES), 2);
  const grid = `<div style="display:grid;grid-template-columns:repeat(2,440px);column-gap:34px;row-gap:24px">${cells}</div>`;
  const head = (fr, en) => captioner(style.startsWith('en') ? 'enFirst' : 'numPost', tint[2], capFont, 15)(0, fr, en).replace(' (0)', '');
  const body = `<div style="display:flex;justify-content:space-between;align-items:flex-start;padding:28px 50px 0 50px;color:${tint[2]};font-family:${capFont}">` +
    `<div style="font-size:27px;font-weight:700;letter-spacing:3px">RÉPUBLIQUE FRANÇAISE<div style="font-size:19px;font-weight:400;letter-spacing:1px">PASSEPORT · <i>PASSPORT</i></div></div>` +
    `<div style="display:flex;gap:38px"><div>${head('Type', 'Type')}<div style="font-family:${valFont};font-size:28px;color:#111;font-weight:700">P</div></div>` +
    `<div>${head('Code du pays', 'Country code')}<div style="font-family:${valFont};font-size:28px;color:#111;font-weight:700">FRA</div></div>` +
    `<div>${head('Passeport n°', 'Passport No.')}<div style="font-family:'PT Mono';font-size:33px;color:#8a1c2b;font-weight:700;letter-spacing:1px">${esc(f.document_number)}</div></div></div></div>` +
    `<div style="display:flex;gap:44px;padding:24px 50px">${portrait(310, 410, { grey: false })}${grid}</div>`;
  const mrzW = Math.round(w * 0.9);
  const mrz = `<div style="position:absolute;left:${Math.round((w - mrzW) / 2)}px;bottom:${Math.round(h * 0.035)}px">${mrzBlock(doc.mrz_lines, mrzW)}</div>`;
  const css = `<style>.d{box-sizing:border-box;position:relative;overflow:hidden;color:#141414;${guilloche(tint)}}</style>`;
  return { width: w, height: h, html: `${css}<div class="d" style="width:${w}px;height:${h}px">${body}${mrz}</div>` };
}

// ----- 1988 card: the real card's lines, birth combined or not ----------------------------
function card1988(doc, r) {
  const f = doc.fields;
  const w = 1011, h = 638;
  const birth = BIRTH_STYLES[variant(doc, 3, '88birth')];
  const date = dateStyle(doc, '88');
  const showNat = variant(doc, 3, '88nat') !== 0;
  if (showNat) f.nationality = 'FRA';
  const labFont = "'Charis SIL'";
  const valFont = r.pick(["'PT Mono'", "'PT Sans Narrow'"]);
  const labColor = r.pick(['#4f7a9e', '#6b7f4a', '#7a5f86']);
  const lab = (t) => `<span style="font-family:${labFont};font-style:italic;font-size:19px;color:${labColor};margin-right:12px">${esc(t)}</span>`;
  const val = (v) => `<span style="font-family:${valFont};font-weight:700;font-size:27px;color:#16181b;margin-right:30px;white-space:nowrap">${esc(v)}</span>`;
  const line = (...p) => `<div style="white-space:nowrap;margin-bottom:16px">${p.map(([l, v]) => lab(l) + val(v)).join('')}</div>`;
  let rows = line(['Nom :', upper(f.surname)]) + line(['Prénom(s) :', givenCommas(f.given_names)]);
  if (birth === 'separate') {
    rows += line(['Sexe :', f.sex], ['Né(e) le :', date(f.birth_date)]) + line(['à :', f.birth_place]);
  } else {
    const b = birthCombined(birth, date(f.birth_date), f.birth_place, r);
    rows += line(['Sexe :', f.sex]) + line([`${b.fr} :`, b.value]);
  }
  if (showNat) rows += line(['Nationalité :', 'Française']);
  rows += line(['Taille :', `1,${r.int(50, 95)} m`]);
  const body = `<div style="padding:18px 30px 0 30px;display:flex;justify-content:space-between;align-items:baseline;font-family:${labFont};color:${labColor}">` +
    `<span style="font-size:22px;letter-spacing:2px">RÉPUBLIQUE FRANÇAISE</span>` +
    `<span style="font-size:18px">CARTE NATIONALE D'IDENTITÉ N° <span style="font-family:'PT Mono';font-size:25px;color:#16181b;font-weight:700">${esc(f.document_number)}</span></span></div>` +
    `<div style="display:flex;gap:30px;padding:18px 30px 0 30px">${portrait(192, 248, { bg: '#e4e2da', round: 0 })}<div>${rows}` +
    `<div style="font-family:${labFont};font-style:italic;font-size:15px;color:${labColor}">Signature du titulaire :</div></div></div>`;
  const mrzW = Math.round(w * 0.93);
  const mrz = `<div style="position:absolute;left:${Math.round((w - mrzW) / 2)}px;bottom:14px">${mrzBlock(doc.mrz_lines, mrzW)}</div>`;
  const css = `<style>.d{box-sizing:border-box;position:relative;overflow:hidden;border-radius:22px;${guilloche(r.pick(TINTS))}}</style>`;
  return { width: w, height: h, html: `${css}<div class="d" style="width:${w}px;height:${h}px">${body}${mrz}</div>` };
}

// ----- 2021 card, front: numbered / English-first captions above values ------------------
function cardFront(doc, r) {
  const f = doc.fields;
  const w = 1011, h = 638;
  const style = CAPTION_STYLES[variant(doc, 4, 'fcap')];
  const birth = BIRTH_STYLES[variant(doc, 3, 'fbirth')];
  const date = dateStyle(doc, 'f');
  const nat = NATIONALITY_WORDS[variant(doc, 4, 'fnat')];
  const tint = r.pick(TINTS);
  const capFont = r.pick(["'Karla'", "'PT Sans Caption'"]);
  const valFont = r.pick(["'PT Sans'", "'PT Sans Narrow'"]);
  const cap = captioner(style, tint[2], capFont, r.pick([11, 12, 13]));
  let n = 0;
  const cell = (fr, en, v, width) => `<div style="flex:0 0 ${width}px;margin-bottom:12px">${cap(++n, fr, en)}` +
    `<div style="font-family:${valFont};font-weight:700;font-size:29px;white-space:nowrap;line-height:1.2">${esc(v) || '&nbsp;'}</div></div>`;
  const row = (...c) => `<div style="display:flex;gap:16px">${c.join('')}</div>`;
  let fields = row(cell('Nom', 'Surname', upper(f.surname), 600)) +
    row(cell('Prénoms', 'Given names', givenCommas(f.given_names), 600));
  if (birth === 'separate') {
    fields += row(cell('Sexe', 'Sex', f.sex, 110), cell('Nationalité', 'Nationality', nat, 330)) +
      row(cell('Date de naissance', 'Date of birth', date(f.birth_date), 230), cell('Lieu de naissance', 'Place of birth', f.birth_place, 354));
  } else {
    const b = birthCombined(birth, date(f.birth_date), f.birth_place, r);
    fields += row(cell('Sexe', 'Sex', f.sex, 110), cell('Nationalité', 'Nationality', nat, 330)) +
      row(cell(b.fr, b.en, b.value, 600));
  }
  fields += row(cell('N° du document', 'Document No', f.document_number, 250), cell("Date d'expiration", 'Expiry date', date(f.expiry_date), 300));
  const body = `<div style="padding:18px 30px 0 30px;font-family:${capFont};color:${tint[2]};display:flex;justify-content:space-between;align-items:center">` +
    `<div><div style="font-size:21px;font-weight:700;letter-spacing:2px">RÉPUBLIQUE FRANÇAISE</div>` +
    `<div style="font-size:14px">CARTE NATIONALE D'IDENTITÉ / <i>IDENTITY CARD</i></div></div>` +
    `<div style="width:58px;height:38px;border-radius:6px;background:linear-gradient(135deg,#d9c37a,#b69a4a);opacity:0.85"></div></div>` +
    `<div style="display:flex;gap:26px;padding:14px 30px 0 30px">${portrait(200, 262)}<div>${fields}</div></div>` +
    `<div style="position:absolute;left:30px;bottom:18px;font-family:${capFont};font-size:11px;color:${tint[2]}">Signature / <i>Signature</i>` +
    `<div style="width:170px;height:24px;border-bottom:2px solid #333;transform:skewX(-25deg)"></div></div>`;
  const css = `<style>.d{color:#111;box-sizing:border-box;position:relative;overflow:hidden;border-radius:28px;${guilloche(tint)}}</style>`;
  return { width: w, height: h, html: `${css}<div class="d" style="width:${w}px;height:${h}px">${body}</div>` };
}

// ----- 2021 card, back: two-line address, other issue wordings ----------------------------
function cardBack(doc, r) {
  const f = doc.fields;
  const w = 1011, h = 638;
  const m = f.address.match(/^(.*) (\d{5}) (.*)$/);
  const [street, town] = m ? [m[1], `${m[2]} ${m[3]}`] : [f.address, ''];
  const date = dateStyle(doc, 'b');
  const tint = r.pick(TINTS);
  const authority = r.pick(AUTHORITIES);
  const valFont = r.pick(["'PT Sans'", "'PT Sans Narrow'", "'Karla'"]);
  const design = variant(doc, 2, 'back') === 0 ? 'titulaire' : 'demeurant';
  let fields;
  if (design === 'titulaire') {
    const style = CAPTION_STYLES[variant(doc, 4, 'bcap')];
    const cap = captioner(style, tint[2], "'Karla'", 12);
    const issue = r.pick([['Délivrance', 'Issued'], ["Date d'émission", 'Date of issue']]);
    const cell = (n, fr, en, v, mb = 14) => `<div style="margin-bottom:${mb}px">${cap(n, fr, en)}` +
      `<div style="font-family:${valFont};font-weight:700;font-size:26px;line-height:1.25;white-space:nowrap">${v}</div></div>`;
    fields = `<div>` + cell(1, 'Adresse du titulaire', "Holder's address", `${esc(street)}<br>${esc(town)}`) +
      `<div style="display:flex;gap:46px">${cell(2, 'Taille', 'Height', `1,${r.int(52, 94)} m`)}` +
      `${cell(3, issue[0], issue[1], esc(date(f.issue_date)))}</div>` +
      cell(4, 'Autorité', 'Authority', esc(authority), 0) + '</div>';
  } else {
    const lab = (t) => `<span style="display:inline-block;min-width:150px;font-family:'Charis SIL';font-size:19px;color:${tint[2]}">${esc(t)}</span>`;
    const v = (t) => `<span style="font-family:${valFont};font-weight:700;font-size:26px;white-space:nowrap">${esc(t)}</span>`;
    const line = (l, t, mb = 16) => `<div style="white-space:nowrap;margin-bottom:${mb}px">${lab(l)}${v(t)}</div>`;
    fields = `<div style="padding-top:6px">` + line('Demeurant :', street, 2) + line('', town, 26) +
      line('Taille :', `1,${r.int(52, 94)} m`) + line('Délivrée le :', date(f.issue_date)) + line('par :', authority, 0) + '</div>';
  }
  const mrzW = Math.round(w * 0.88);
  const body = `<div style="display:flex;justify-content:space-between;padding:32px 36px 0 36px">${fields}<div>${seal(150, r)}</div></div>` +
    `<div style="position:absolute;left:0;right:0;bottom:0;height:${Math.round(h * 0.3)}px;background:#fbfbf8;display:flex;align-items:center;justify-content:center">` +
    `${mrzBlock(doc.mrz_lines, mrzW)}</div>`;
  const css = `<style>.d{color:#111;box-sizing:border-box;position:relative;overflow:hidden;border-radius:28px;${guilloche(tint)}}</style>`;
  return { width: w, height: h, html: `${css}<div class="d" style="width:${w}px;height:${h}px">${body}</div>` };
}

// ----- residence permit: EU-style numbered zones ------------------------------------------
function residence(doc, r) {
  const f = doc.fields;
  f.birth_place = doc.p.birth_place;
  f.issue_date = doc.issue;
  const w = 1011, h = 638;
  const style = CAPTION_STYLES[variant(doc, 4, 'rcap')];
  const birth = BIRTH_STYLES[variant(doc, 3, 'rbirth')];
  const date = dateStyle(doc, 'r');
  const tint = r.pick(TINTS);
  const capFont = "'PT Sans Narrow'";
  const valFont = r.pick(["'Karla'", "'PT Sans'"]);
  const cap = captioner(style, tint[2], capFont, 13);
  let n = 0;
  const cell = (fr, en, v, width) => `<div style="flex:0 0 ${width}px;margin-bottom:7px">${cap(++n, fr, en)}` +
    `<div style="font-family:${valFont};font-weight:700;font-size:23px;white-space:nowrap;line-height:1.2">${esc(v)}</div></div>`;
  const row = (...c) => `<div style="display:flex;gap:16px">${c.join('')}</div>`;
  const issue = r.pick([['Date de délivrance', 'Date of issue'], ["Date d'émission", 'Date of issue'], ['Délivrance', 'Issued']]);
  let fields = row(cell('Nom', 'Surname', upper(f.surname), 640)) + row(cell('Prénoms', 'Given names', upper(f.given_names), 640)) +
    row(cell('Sexe', 'Sex', f.sex, 90), cell('Nationalité', 'Nationality', f.nationality, 150));
  if (birth === 'separate') {
    fields += row(cell('Date de naissance', 'Date of birth', date(f.birth_date), 250), cell('Lieu de naissance', 'Place of birth', f.birth_place, 370));
  } else {
    const b = birthCombined(birth, date(f.birth_date), f.birth_place, r);
    fields += row(cell(b.fr, b.en, b.value, 640));
  }
  fields += row(cell(issue[0], issue[1], date(f.issue_date), 250), cell("Valable jusqu'au", 'Valid until', date(f.expiry_date), 300)) +
    row(cell('Type de titre', 'Type of permit', r.pick(['CARTE DE SÉJOUR TEMPORAIRE', 'CARTE DE RÉSIDENT', 'CARTE DE SÉJOUR PLURIANNUELLE']), 640));
  const body = `<div style="padding:12px 28px;display:flex;justify-content:space-between;align-items:center;font-family:${capFont};color:${tint[2]};border-bottom:2px solid ${tint[2]}55">` +
    `<b style="font-size:21px;letter-spacing:2px">RÉPUBLIQUE FRANÇAISE</b><span style="font-size:17px">TITRE DE SÉJOUR / <i>RESIDENCE PERMIT</i></span></div>` +
    `<div style="display:flex;gap:24px;padding:10px 28px 0 28px">${portrait(150, 196)}<div>${fields}</div></div>`;
  const mrzW = Math.round(w * 0.9);
  const mrz = `<div style="position:absolute;left:${Math.round((w - mrzW) / 2)}px;bottom:8px">${mrzBlock(doc.mrz_lines, mrzW)}</div>`;
  const css = `<style>.d{color:#121212;box-sizing:border-box;position:relative;overflow:hidden;border-radius:26px;${guilloche(tint)}}</style>`;
  return { width: w, height: h, html: `${css}<div class="d" style="width:${w}px;height:${h}px">${body}${mrz}</div>` };
}

// ----- FFT licence --------------------------------------------------------------------------
const seasonLine = (f, r) => (r.chance(0.5) ? ['Année sportive', `${Number(f.season) - 1}/${f.season}`] : ['Millésime', f.season]);
const sexWord = (f) => (f.sex === 'F' ? 'Féminin' : 'Masculin');
const LIGUES = ['Ligue de Bretagne', 'Ligue des Pays de la Loire', 'Ligue Occitanie', 'Ligue Grand Est', 'Ligue de Normandie'];

// An attestation whose labels sit left of their values, dotted leaders between.
function leaders(doc, r) {
  const f = doc.fields;
  const w = 1240, h = 1754;
  const font = r.pick(["'PT Serif'", "'Charis SIL'", "'PT Sans'"]);
  const accent = r.pick(['#1d4f7a', '#7a1d3c', '#2d5f2a']);
  const [sLabel, sValue] = seasonLine(f, r);
  const birth = r.chance(0.7) ? dmy(f.birth_date, '/') : DATES.word(f.birth_date);
  const dots = '. '.repeat(120);
  const row = (label, value) => `<div style="display:flex;align-items:baseline;gap:10px;padding:11px 0;font-size:27px">` +
    `<span style="white-space:nowrap;color:#333">${esc(label)}</span>` +
    `<span style="flex:1;overflow:hidden;white-space:nowrap;color:#999;letter-spacing:1px">${dots}</span>` +
    `<span style="white-space:nowrap;font-weight:700">${esc(value)}</span></div>`;
  const sexInline = r.chance(0.4);
  const rows = row('Nom', upper(f.surname)) + row('Prénom(s)', f.given_names) +
    (sexInline
      ? `<div style="display:flex;gap:60px;padding:11px 0;font-size:27px"><span><span style="color:#333">Né(e) le :</span> <b>${esc(birth)}</b></span>` +
        `<span><span style="color:#333">Sexe :</span> <b>${sexWord(f)}</b></span></div>`
      : row('Né(e) le', birth) + row('Sexe', sexWord(f))) +
    row('N° licence', f.licence_number) + row('Classement', f.ranking) +
    row("Club d'appartenance", f.club_name) + row('N° affiliation', f.club_number) +
    row('Ligue', r.pick(LIGUES)) + row('Type de licence', r.pick(['Licence Club', 'Licence Compétition']));
  const html = `<div style="width:${w}px;height:${h}px;box-sizing:border-box;padding:90px 110px;font-family:${font};color:#181a1d;position:relative;` +
    `background:repeating-radial-gradient(circle at 85% 8%,#0000 0 14px,${accent}0d 14px 15px),#fdfcf8">` +
    `<div style="display:flex;justify-content:space-between;align-items:flex-start">` +
    `<div style="font-size:28px;font-weight:700;color:${accent};letter-spacing:1px">FÉDÉRATION FRANÇAISE DE TENNIS` +
    `<div style="font-size:19px;font-weight:400;color:#666;letter-spacing:0">2 avenue Gordon Bennett · 75016 Paris</div></div>` +
    `<div style="width:110px;height:110px;border-radius:50%;border:4px solid ${accent};display:flex;align-items:center;justify-content:center;color:${accent};font-size:34px;font-weight:700">FFT</div></div>` +
    `<div style="margin-top:110px;text-align:center;font-size:50px;font-weight:700;letter-spacing:2px">Licence FFT</div>` +
    `<div style="margin:14px auto 70px auto;text-align:center;font-size:30px;color:${accent}">${esc(sLabel)} ${esc(sValue)}</div>` +
    `<div style="border-top:2px solid ${accent};border-bottom:2px solid ${accent};padding:24px 0">${rows}</div>` +
    `<div style="margin-top:60px;font-size:22px;color:#555;line-height:1.6">Le titulaire de la présente licence est assuré dans les conditions prévues au contrat fédéral. ` +
    `Document à présenter sur demande du juge-arbitre.</div>` +
    `<div style="position:absolute;right:110px;bottom:100px;font-size:21px;color:#666;text-align:right">Pour la Fédération, le service des licences<div style="margin-top:18px;font-style:italic;font-size:30px;color:#444">C. Delaunay</div></div></div>`;
  return { width: w, height: h, html };
}

// A card page whose labels sit above their values, in tiles.
function tiles(doc, r) {
  const f = doc.fields;
  const w = 1240, h = 1754;
  const font = r.pick(["'Karla'", "'PT Sans'", "'PT Sans Narrow'"]);
  const accent = r.pick(['#0e5a8a', '#8a3b0e', '#355e1c', '#5a2a7a']);
  const [sLabel, sValue] = seasonLine(f, r);
  const birth = r.chance(0.7) ? dmy(f.birth_date, '/') : DATES.word(f.birth_date);
  const tile = (label, value, span = 1) => `<div style="grid-column:span ${span};background:#ffffffb0;border:1px solid ${accent}33;border-radius:10px;padding:12px 18px">` +
    `<div style="font-size:19px;color:${accent};letter-spacing:0.5px">${esc(label)}</div>` +
    `<div style="font-size:30px;font-weight:700;white-space:nowrap;margin-top:4px">${esc(value)}</div></div>`;
  const card = `<div style="width:980px;margin:0 auto;border-radius:28px;overflow:hidden;border:2px solid ${accent};` +
    `background:repeating-radial-gradient(circle at 15% 20%,#0000 0 9px,${accent}10 9px 10px),linear-gradient(135deg,#f7fafc,#eef4ef)">` +
    `<div style="background:${accent};color:#fff;padding:24px 34px;display:flex;justify-content:space-between;align-items:center">` +
    `<div><div style="font-size:22px;letter-spacing:2px">FÉDÉRATION FRANÇAISE DE TENNIS</div><div style="font-size:42px;font-weight:700">Licence FFT</div></div>` +
    `<div style="text-align:right;border:2px solid #fff;border-radius:12px;padding:8px 18px"><div style="font-size:18px">${esc(sLabel)}</div>` +
    `<div style="font-size:32px;font-weight:700">${esc(sValue)}</div></div></div>` +
    `<div style="display:grid;grid-template-columns:repeat(3,1fr);gap:16px;padding:28px 34px">` +
    tile('Nom', upper(f.surname)) + tile('Prénom(s)', f.given_names, 2) +
    tile('Né(e) le', birth) + tile('Sexe', sexWord(f)) + tile('Classement', f.ranking) +
    tile('N° licence', f.licence_number) + tile('N° affiliation', f.club_number) + tile('Catégorie', r.pick(['Senior', 'Senior +35', 'Senior +45', 'Senior +55'])) +
    tile("Club d'appartenance", f.club_name, 3) + '</div></div>';
  const html = `<div style="width:${w}px;height:${h}px;box-sizing:border-box;padding:110px 0;background:#fff;font-family:${font};color:#15171a;position:relative">` +
    `<div style="text-align:center;font-size:26px;color:#555;margin-bottom:60px">Espace licencié · Votre licence à imprimer ou à présenter sur votre téléphone</div>` +
    card +
    `<div style="width:980px;margin:50px auto 0 auto;font-size:21px;color:#666;line-height:1.6;border-top:1px dashed #aaa;padding-top:20px">` +
    `✂ Découpez la carte ci-dessus. Elle est valable pour la durée indiquée, sous réserve du certificat médical ou du questionnaire de santé.</div></div>`;
  return { width: w, height: h, html };
}

export function summit(doc, r, condition) {
  switch (doc.kind) {
    case 'fr_passport': return passport(doc, r);
    case 'fr_id_1988': return card1988(doc, r);
    case 'fr_id_2021_front': return cardFront(doc, r);
    case 'fr_id_2021_back': return cardBack(doc, r);
    case 'fr_residence': return residence(doc, r);
    case 'fft_licence':
      return variant(doc, 2, 'fft') === 0 ? leaders(doc, r) : tiles(doc, r);
  }
  throw new Error(`summit: unknown kind ${doc.kind} (${condition})`);
}

export const SUMMIT_FAMILIES = { summit };
