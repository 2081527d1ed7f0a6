// The `orchard` family of the independent set (seen): conventions of real documents and of
// real renderers that civic, ribbon, atlas, harbor and lantern do not have (modelled on
// /work/shared/reference; its author did not open the held-out family):
//
//   - 2021 card front, three designs:
//       ledger - small BOLD CAPS captions with the value on the SAME line after a wide gap
//                ("NOM            MARCHAND"), two pairs on the sex/nationality line, wordings
//                "DATE DE NAISSANCE" / "LIEU DE NAISSANCE" or the 1988 card's "NÉ(E) LE" / "À",
//                "VALABLE JUSQU'AU";
//       photo  - captions in a LIGHT colour (white) over a photo-like blurred background,
//                bilingual on two lines (French, then English on the next line), the value
//                below them in dark ink, two columns;
//       grid   - value blocks in a 3-column grid, captions above them, bilingual with a bar
//                ("Nom | Surname"), fields spanning 1 to 3 columns;
//     dates "13 07 1990", "13.07.1990" or "13 JUIL 1990", given names with commas or spaces,
//     nationality "FRA" or "FRANÇAISE", birth place with its department ("NANTES (44)");
//   - 2021 card back: a ledger (address on two lines after "ADRESSE", "DÉLIVRÉE LE", "PAR",
//     "VALABLE JUSQU'AU") or a 3-column grid with "|" captions; TD1 MRZ on a white band;
//   - passport: captions LEFT of values, French on one line and English in italics under it,
//     values in a serif; the passport number top right in red, in a monospaced face; dates in
//     English months ("13 JUL 1990") or "13-07-1990";
//   - 1988 card: italic serif labels without colons, bold geometric values on the same line,
//     the birth as one sentence ("Né(e) le 05.09.1965 à TOULON (83)"), the card number in red;
//   - residence permit: captions in filled TABS (white on a colour) above their values, in a
//     3-column grid, bilingual with "|"; dates "13/07/1990" or "13 JUIL 1990";
//   - FFT licence: an exported attestation whose facts sit in HORIZONTAL tables (a header row
//     "N° licence | Nom | Prénom | Né(e) le | Sexe | Classement" and one row of values, then
//     "Club | N° club | Ligue | Type"), "Saison sportive 2026-2027", the licence number with or
//     without its space ("1234567A"); or a cut-out card on an A4 page with labels UNDER the
//     values; as `app`, a dark screen of tiles (big value, small label below: "15/4" over
//     "Classement", "2026-2027" over "Saison"), the holder as "Mme Camille MARCHAND" and
//     "née le 16/02/1989", or a light wallet pass whose rows have an ICON before the value
//     (and sometimes no label at all), "Saison 2027", sex "Homme"/"Femme".
//
// Fonts (none used by another family): Inter, Inter Display (fonts-inter), TeX Gyre Heros,
// Heros Cn, Adventor, Schola, Pagella (fonts-texgyre), JetBrains Mono (fonts-jetbrains-mono),
// B612 (fonts-b612); scripts/install-deps.sh --test.
//
// orchard(doc, r, condition) returns {html, width, height[, screenshot]}; orchard.app marks that
// it draws the `app` condition.

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const upper = (s) => s.toLocaleUpperCase('fr-FR');
const titled = (s) => s.toLocaleLowerCase('fr-FR').replace(/(^|[\s'-])(\p{L})/gu, (_, a, b) => a + b.toLocaleUpperCase('fr-FR'));
const dmy = (iso, sep) => `${iso.slice(8, 10)}${sep}${iso.slice(5, 7)}${sep}${iso.slice(0, 4)}`;
const MONTHS_FR = ['JANV', 'FÉVR', 'MARS', 'AVR', 'MAI', 'JUIN', 'JUIL', 'AOÛT', 'SEPT', 'OCT', 'NOV', 'DÉC'];
const MONTHS_EN = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const monthDate = (iso, months = MONTHS_FR) => `${iso.slice(8, 10)} ${months[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
// "13 07 1990", "13.07.1990" or "13 JUIL 1990", one spelling per document.
function cardDate(r) {
  const style = r.pick(['space', 'dot', 'month']);
  return (iso) => (style === 'month' ? monthDate(iso) : dmy(iso, style === 'dot' ? '.' : ' '));
}
const DEPARTMENTS = { NANTES: 44, ROUEN: 76, GRENOBLE: 38, DIJON: 21, AMIENS: 80, TOULON: 83, METZ: 57,
  'NÎMES': 30, PAU: 64, LIMOGES: 87, BREST: 29, ANGERS: 49, 'SAINT-ÉTIENNE': 42, 'CLERMONT-FERRAND': 63,
  VILLEURBANNE: 69 };
// A design among n, from the document's own values (FNV-1a of its fields): the per-image random
// stream's first draws after makeDocument vary little from one index to the next, so a few
// documents drawn with r.pick would often all get the same design.
function variant(doc, n) {
  let h = 0x811c9dc5;
  for (const c of JSON.stringify(doc.fields)) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h % n;
}
const withDepartment = (city) => (DEPARTMENTS[city] ? `${city} (${DEPARTMENTS[city]})` : city);
const AUTHORITIES = ['PRÉFECTURE DE LA SOMME', 'PRÉFECTURE DU CALVADOS', 'PRÉFECTURE DE LA CÔTE-D\'OR',
  'PRÉFECTURE DES PYRÉNÉES-ATLANTIQUES', 'PRÉFECTURE DU VAR', 'PRÉFECTURE DE LA HAUTE-VIENNE'];

function mrzBlock(lines, widthPx, { color = '#111' } = {}) {
  if (!lines.length) return '';
  const n = lines[0].length;
  const size = (widthPx / (n * 0.6)).toFixed(2);
  // data-width: generate.mjs fits the font size to it once the font is loaded.
  return `<div class="mrz" data-width="${widthPx}" style="display:inline-block;font-family:'OCR B';font-size:${size}px;line-height:1.42;` +
    `white-space:pre;color:${color};padding:0px;">` + lines.map(esc).join('<br>') + '</div>';
}

// A portrait: head and shoulders, soft studio background.
function portrait(w, h, { bg = 'linear-gradient(180deg,#e8ecf0,#cfd6de)', round = 8, grey = false } = {}) {
  return `<div style="width:${w}px;height:${h}px;flex:none;position:relative;overflow:hidden;background:${bg};` +
    `border-radius:${round}px;${grey ? 'filter:grayscale(1);' : ''}">` +
    `<div style="position:absolute;left:${w * 0.31}px;top:${h * 0.14}px;width:${w * 0.38}px;height:${h * 0.44}px;` +
    `border-radius:48%;background:#a9826a"></div>` +
    `<div style="position:absolute;left:${w * 0.27}px;top:${h * 0.1}px;width:${w * 0.46}px;height:${h * 0.2}px;` +
    `border-radius:50% 50% 20% 20%;background:#4a3426"></div>` +
    `<div style="position:absolute;left:${w * 0.06}px;top:${h * 0.64}px;width:${w * 0.88}px;height:${h * 0.5}px;` +
    `border-radius:44% 44% 0 0;background:#27405e"></div></div>`;
}

// A 2D seal (visible electronic seal of the 2021 card): pseudo-random cells, L-shaped border.
function seal(size, r) {
  const n = 16;
  const c = size / n;
  let cells = '';
  for (let y = 0; y < n; ++y) {
    for (let x = 0; x < n; ++x) {
      const border = x === 0 || y === n - 1 || (y === 0 && x % 2 === 1) || (x === n - 1 && y % 2 === 0);
      if (border || r.chance(0.42)) {
        cells += `<div style="position:absolute;left:${(x * c).toFixed(1)}px;top:${(y * c).toFixed(1)}px;` +
          `width:${(c + 0.2).toFixed(1)}px;height:${(c + 0.2).toFixed(1)}px;background:#1a1a1a"></div>`;
      }
    }
  }
  return `<div style="position:relative;width:${size}px;height:${size}px;flex:none;background:#fff;outline:6px solid #fff">${cells}</div>`;
}

// Given names "CAMILLE, ANAËLLE" or "CAMILLE ANAËLLE".
const givenStyle = (r) => (r.chance(0.5) ? (g) => upper(g).split(' ').join(', ') : (g) => upper(g));

// A fine guilloche over two tints (rosettes of thin rings and a wave).
const rosette = (a, b, line) =>
  `background:repeating-radial-gradient(circle at 82% 30%,#0000 0 7px,${line} 7px 8px),` +
  `repeating-radial-gradient(circle at 10% 110%,#0000 0 11px,${line} 11px 12px),linear-gradient(160deg,${a},${b})`;

// A background like a blurred photograph: soft blobs of colour (light captions sit on it).
const photoLike = (c1, c2, c3, c4) =>
  `background:radial-gradient(ellipse 60% 50% at 20% 30%,${c1},#0000 70%),` +
  `radial-gradient(ellipse 50% 60% at 80% 20%,${c2},#0000 70%),` +
  `radial-gradient(ellipse 70% 50% at 65% 90%,${c3},#0000 70%),linear-gradient(135deg,${c4},${c2})`;

const tricolour = `<div style="position:absolute;left:0;top:0;bottom:0;width:14px;background:linear-gradient(180deg,` +
  `#21468b 0 33%,#f4f4f4 33% 66%,#cf2d3a 66%)"></div>`;

// ----- 2021 card, front ----------------------------------------------------------------
function cardFront(doc, r) {
  const design = ['ledger', 'photo', 'grid'][variant(doc, 3)];
  if (design === 'ledger') return frontLedger(doc, r);
  if (design === 'photo') return frontPhoto(doc, r);
  return frontGrid(doc, r);
}

const nationalityText = (f, r) => (r.chance(0.35) ? 'FRANÇAISE' : f.nationality);

// Captions in small bold caps, value on the same line after a wide gap.
function frontLedger(doc, r) {
  const f = doc.fields;
  const w = 1011, h = 638;
  const dt = cardDate(r);
  const given = givenStyle(r);
  const font = r.pick(["'Inter'", "'TeX Gyre Heros'"]);
  const capColor = r.pick(['#34405a', '#5b2140', '#1f4d4a']);
  const short = r.chance(0.5);
  const place = r.chance(0.5) ? withDepartment(f.birth_place) : f.birth_place;
  const alt = r.chance(0.3) ? `ÉP. ${r.pick(['LAMBERT', 'GIRARD', 'ROBIN'])}` : '';
  const cap = (t, width = 250) => `<span style="flex:0 0 ${width}px;font-size:14px;font-weight:800;letter-spacing:1.2px;` +
    `color:${capColor};font-family:'Inter'">${esc(t)}</span>`;
  const val = (v) => `<span style="font-size:25px;font-weight:600;white-space:nowrap">${esc(v) || '&nbsp;'}</span>`;
  const line = (...pairs) => `<div style="display:flex;align-items:baseline;margin:0 0 13px 0;white-space:nowrap">` +
    pairs.map(([c, v, wd]) => cap(c, wd) + val(v) + '<span style="flex:0 0 60px"></span>').join('') + '</div>';
  const rows = line(['NOM', upper(f.surname)]) + line(["NOM D'USAGE", alt]) + line(['PRÉNOMS', given(f.given_names)]) +
    line(['SEXE', f.sex, 110], ['NATIONALITÉ', nationalityText(f, r), 170]) +
    (short ? line(['NÉ(E) LE', dt(f.birth_date)]) + line(['À', place])
      : line(['DATE DE NAISSANCE', dt(f.birth_date)]) + line(['LIEU DE NAISSANCE', place])) +
    line(['N° DU DOCUMENT', f.document_number]) +
    line([short ? "VALABLE JUSQU'AU" : "DATE D'EXPIRATION", dt(f.expiry_date)]);
  const [a, b] = r.pick([['#f1f3ea', '#dde7f2'], ['#f5ece6', '#e4e8f4'], ['#eaf2ee', '#f2ead9']]);
  const style = `<style>.d{font-family:${font};color:#101418;box-sizing:border-box;position:relative;overflow:hidden;` +
    `border-radius:30px;${rosette(a, b, '#7d8fb21c')}}</style>`;
  const body = tricolour +
    `<div style="padding:20px 34px 10px 40px;display:flex;justify-content:space-between;align-items:baseline">` +
    `<span style="font-family:'Inter Display';font-weight:800;font-size:24px;letter-spacing:3px;color:${capColor}">RÉPUBLIQUE FRANÇAISE</span>` +
    `<span style="font-size:16px;font-weight:700;letter-spacing:1px;color:${capColor}">CARTE NATIONALE D'IDENTITÉ</span></div>` +
    `<div style="display:flex;gap:26px;padding:8px 30px 0 40px">${portrait(190, 246)}<div>${rows}</div></div>` +
    `<div style="position:absolute;left:40px;bottom:26px;font-size:12px;color:${capColor};font-weight:700;letter-spacing:1px">SIGNATURE` +
    `<div style="width:170px;height:28px;border-bottom:2px solid #333;transform:skewX(-30deg)"></div></div>`;
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px">${body}</div>` };
}

// Light bilingual captions (French, English under it) over a photo-like background.
function frontPhoto(doc, r) {
  const f = doc.fields;
  const w = 1011, h = 638;
  const dt = cardDate(r);
  const given = givenStyle(r);
  const font = r.pick(["'TeX Gyre Adventor'", "'Inter'", "'TeX Gyre Heros Cn'"]);
  const colours = r.pick([
    ['#9ec3d6', '#c9b79a', '#8fb49c', '#b9c6d8'],
    ['#d6a99e', '#a9bfd9', '#c7c39a', '#d9c2c8'],
    ['#a3b8a0', '#b6a7cf', '#d7b991', '#c2d0c8']]);
  const capColor = r.pick(['#ffffff', '#f6f1e4', '#eef6ff']);
  const valColor = r.pick(['#0d1b2a', '#1d1320']);
  const block = (fr, en, v, width) => `<div style="flex:0 0 ${width}px;margin-bottom:12px">` +
    `<div style="font-size:14px;line-height:1.1;color:${capColor};font-family:'Inter';font-weight:500">${esc(fr)}<br><i>${esc(en)}</i></div>` +
    `<div style="font-size:27px;font-weight:700;color:${valColor};white-space:nowrap;margin-top:5px;line-height:1.15">${esc(v) || '&nbsp;'}</div></div>`;
  const row = (...b) => `<div style="display:flex;gap:18px">${b.join('')}</div>`;
  const fields = row(block('Nom', 'Surname', upper(f.surname), 560)) +
    row(block('Prénoms', 'Given names', given(f.given_names), 560)) +
    row(block('Sexe', 'Sex', f.sex, 90), block('Nationalité', 'Nationality', nationalityText(f, r), 200),
      block('Date de naissance', 'Date of birth', dt(f.birth_date), 240)) +
    row(block('Lieu de naissance', 'Place of birth', r.chance(0.5) ? withDepartment(f.birth_place) : f.birth_place, 560)) +
    row(block('N° du document', 'Document No', f.document_number, 300),
      block("Date d'expiration", 'Expiry date', dt(f.expiry_date), 240));
  const style = `<style>.d{font-family:${font};box-sizing:border-box;position:relative;overflow:hidden;border-radius:30px;` +
    `${photoLike(...colours)}}</style>`;
  const body = `<div style="padding:18px 32px 4px 32px;display:flex;justify-content:space-between;color:${capColor};font-family:'Inter'">` +
    `<span style="font-size:22px;font-weight:700;letter-spacing:2px">RÉPUBLIQUE FRANÇAISE</span>` +
    `<span style="font-size:15px;text-align:right">CARTE NATIONALE D'IDENTITÉ<br><i>IDENTITY CARD</i></span></div>` +
    `<div style="display:flex;gap:28px;padding:10px 30px">${portrait(200, 260, { bg: '#ffffff88', grey: r.chance(0.5) })}<div>${fields}</div></div>` +
    `<div style="position:absolute;right:30px;bottom:22px;font-size:20px;letter-spacing:3px;color:${capColor}">${r.int(100000, 999999)}</div>`;
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px">${body}</div>` };
}

// A 3-column grid of value blocks, captions above with "Nom | Surname".
function frontGrid(doc, r) {
  const f = doc.fields;
  const w = 1011, h = 638;
  const dt = cardDate(r);
  const given = givenStyle(r);
  const valFont = r.pick(["'TeX Gyre Heros Cn'", "'TeX Gyre Heros'", "'Inter'"]);
  const capColor = r.pick(['#2a5d9a', '#7a4b12', '#5d3f86']);
  const cell = (fr, en, v, span = 1) => `<div style="grid-column:span ${span};min-width:0">` +
    `<div style="font-family:'B612';font-size:14px;color:${capColor};white-space:nowrap">${esc(fr)} | ${esc(en)}</div>` +
    `<div style="font-family:${valFont};font-size:30px;font-weight:700;white-space:nowrap;line-height:1.2">${esc(v) || '&nbsp;'}</div></div>`;
  const alt = r.chance(0.3) ? `ÉP. ${r.pick(['LAMBERT', 'GIRARD', 'ROBIN'])}` : '';
  const grid = `<div style="display:grid;grid-template-columns:repeat(3,236px);column-gap:18px;row-gap:26px">` +
    cell('Nom', 'Surname', upper(f.surname), 2) + cell('Sexe', 'Sex', f.sex) +
    cell('Prénoms', 'Given names', given(f.given_names), 3) +
    cell("Nom d'usage", 'Alternate name', alt, 2) + cell('Nationalité', 'Nationality', nationalityText(f, r)) +
    cell('Date de naissance', 'Date of birth', dt(f.birth_date)) +
    cell('Lieu de naissance', 'Place of birth', r.chance(0.5) ? withDepartment(f.birth_place) : f.birth_place, 2) +
    cell('N° du document', 'Document No', f.document_number) +
    cell("Date d'expiration", 'Expiry date', dt(f.expiry_date)) + '</div>';
  const [a, b] = r.pick([['#eef0fa', '#f7e9ef'], ['#eaf4f1', '#f3efe2'], ['#f2f2f2', '#e6eef7']]);
  const style = `<style>.d{color:#121212;box-sizing:border-box;position:relative;overflow:hidden;border-radius:30px;` +
    `${rosette(a, b, '#9a8ab428')}}</style>`;
  const body = `<div style="display:flex;align-items:center;gap:18px;padding:20px 32px 10px 32px;font-family:'B612';color:${capColor}">` +
    `<div style="width:54px;height:36px;background:linear-gradient(90deg,#21468b 33%,#fff 33% 66%,#cf2d3a 66%);border:1px solid #8886"></div>` +
    `<div style="font-size:19px;font-weight:700;letter-spacing:1px">RÉPUBLIQUE FRANÇAISE<div style="font-size:14px;font-weight:400">` +
    `Carte nationale d'identité | Identity card</div></div></div>` +
    `<div style="display:flex;gap:24px;padding:10px 24px 0 28px">` +
    `<div>${portrait(176, 232, { round: 2 })}<div style="margin-top:30px;font-family:'B612';font-size:12px;color:${capColor}">` +
    `Signature | Signature<div style="width:170px;height:26px;border-bottom:2px solid #222;transform:skewX(-25deg)"></div></div></div>` +
    `${grid}</div>`;
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px">${body}</div>` };
}

// ----- 2021 card, back -----------------------------------------------------------------
function addressLines(address, r) {
  const m = address.match(/^(.*) (\d{5}) (.*)$/);
  if (!m) return [address];
  const street = r.chance(0.3) ? m[1].replace(/^(\d+) (.*)$/, (_, n, s) => `${n} ${titled(s).replace(/ (De|La|Des|Du)(?= )/g, (x) => x.toLowerCase())}`) : m[1];
  return [street, `${m[2]} ${m[3]}`];
}

function cardBack(doc, r) {
  const f = doc.fields;
  const w = 1011, h = 638;
  const dt = cardDate(r);
  const [street, town] = addressLines(f.address, r);
  const authority = r.pick(AUTHORITIES);
  const capColor = r.pick(['#34405a', '#5b2140', '#2a5d9a']);
  const font = r.pick(["'Inter'", "'TeX Gyre Heros'", "'TeX Gyre Heros Cn'"]);
  let fields;
  if (variant(doc, 2) === 0) {
    const cap = (t) => `<span style="flex:0 0 240px;font-family:'Inter';font-size:14px;font-weight:800;letter-spacing:1.2px;color:${capColor}">${esc(t)}</span>`;
    const line = (c, v) => `<div style="display:flex;align-items:baseline;margin-bottom:12px">${cap(c)}` +
      `<span style="font-size:26px;font-weight:600;line-height:1.25;white-space:nowrap">${v}</span></div>`;
    const short = r.chance(0.5);
    fields = '<div>' + line('ADRESSE', `${esc(street)}<br>${esc(town)}`) +
      line(short ? 'DÉLIVRÉE LE' : 'DATE DE DÉLIVRANCE', esc(dt(f.issue_date))) +
      line(short ? "VALABLE JUSQU'AU" : "DATE D'EXPIRATION", esc(dt(doc.expiry))) +
      line(short ? 'PAR' : 'AUTORITÉ', esc(authority)) + '</div>';
  } else {
    const cell = (fr, en, v, span = 1) => `<div style="grid-column:span ${span}">` +
      `<div style="font-family:'B612';font-size:13px;color:${capColor};white-space:nowrap">${esc(fr)} | ${esc(en)}</div>` +
      `<div style="font-size:26px;font-weight:700;white-space:nowrap;line-height:1.2">${v}</div></div>`;
    fields = `<div style="display:grid;grid-template-columns:repeat(3,230px);column-gap:20px;row-gap:16px">` +
      cell('Adresse', 'Address', `${esc(street)}<br>${esc(town)}`, 3) +
      cell('Date de délivrance', 'Date of issue', esc(dt(f.issue_date))) +
      cell("Date d'expiration", 'Date of expiry', esc(dt(doc.expiry))) +
      cell('Taille', 'Height', `${r.int(150, 195)} cm`) +
      cell('Autorité de délivrance', 'Issuing authority', esc(authority), 3) + '</div>';
  }
  const [a, b] = r.pick([['#f1f3ea', '#dde7f2'], ['#f5ece6', '#e4e8f4'], ['#eaf2ee', '#f2ead9']]);
  const style = `<style>.d{font-family:${font};color:#111;box-sizing:border-box;position:relative;overflow:hidden;` +
    `border-radius:30px;${rosette(a, b, '#7d8fb21c')}}</style>`;
  const mrzW = Math.round(w * 0.87);
  const body = `<div style="display:flex;justify-content:space-between;padding:30px 36px 0 36px">${fields}` +
    `<div style="margin-top:6px">${seal(150, r)}</div></div>` +
    `<div style="position:absolute;left:0;right:0;bottom:0;height:${Math.round(h * 0.32)}px;background:#fbfbf8;` +
    `display:flex;align-items:center;justify-content:center">${mrzBlock(doc.mrz_lines, mrzW)}</div>`;
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px">${body}</div>` };
}

// ----- passport: captions left of values, French over English --------------------------
function passport(doc, r) {
  const f = doc.fields;
  const w = 1476, h = 1039;
  const dt = r.chance(0.5) ? (d) => monthDate(d, MONTHS_EN) : (d) => dmy(d, '-');
  const valFont = r.pick(["'TeX Gyre Pagella'", "'TeX Gyre Schola'"]);
  const capColor = r.pick(['#5a3d6e', '#2f5263', '#6b3a2a']);
  const given = givenStyle(r);
  const row = (fr, en, v) => `<tr><td style="padding:5px 26px 5px 0;vertical-align:middle;text-align:right;white-space:nowrap;` +
    `font-family:'TeX Gyre Schola';font-size:20px;line-height:1.1;color:${capColor}">${esc(fr)}<br><i>${esc(en)}</i></td>` +
    `<td style="padding:7px 0;vertical-align:middle;font-family:${valFont};font-size:37px;font-weight:700;white-space:nowrap">${esc(v)}</td></tr>`;
  const table = `<table style="border-collapse:collapse">` +
    row('Nom', 'Surname', upper(f.surname)) + row('Prénoms', 'Given names', given(f.given_names)) +
    row('Date de naissance', 'Date of birth', dt(f.birth_date)) + row('Lieu de naissance', 'Place of birth', f.birth_place) +
    row('Sexe', 'Sex', f.sex) + row('Nationalité', 'Nationality', 'FRANÇAISE') +
    row('Date de délivrance', 'Date of issue', dt(f.issue_date)) + row("Date d'expiration", 'Date of expiry', dt(f.expiry_date)) +
    row('Autorité', 'Authority', r.pick(AUTHORITIES)) + '</table>';
  const style = `<style>.d{box-sizing:border-box;position:relative;overflow:hidden;color:#141414;` +
    `${rosette('#f3eee4', '#e3ebf1', '#b49a7a22')}}</style>`;
  const body = `<div style="display:flex;justify-content:space-between;align-items:flex-start;padding:28px 50px 0 50px">` +
    `<div style="font-family:'TeX Gyre Schola';color:${capColor};font-size:24px;line-height:1.3">RÉPUBLIQUE FRANÇAISE<br>` +
    `<span style="font-size:20px">PASSEPORT · <i>PASSPORT</i> · Type P · FRA</span></div>` +
    `<div style="text-align:right;font-family:'TeX Gyre Schola';font-size:16px;color:${capColor}">Passeport n° / <i>Passport No.</i>` +
    `<div style="font-family:'JetBrains Mono';font-size:38px;font-weight:700;color:#b3122a;letter-spacing:4px">${esc(f.document_number)}</div></div></div>` +
    `<div style="display:flex;gap:40px;padding:20px 50px">${portrait(330, 430, { round: 4 })}${table}</div>`;
  const mrzW = Math.round(w * 0.9);
  const mrz = `<div style="position:absolute;left:${Math.round((w - mrzW) / 2)}px;bottom:${Math.round(h * 0.04)}px">${mrzBlock(doc.mrz_lines, mrzW)}</div>`;
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px">${body}${mrz}</div>` };
}

// ----- 1988 card: italic serif labels, bold values, the birth in one sentence ------------
function card1988(doc, r) {
  const f = doc.fields;
  const w = 1011, h = 638;
  const date = r.pick([(d) => dmy(d, '.'), (d) => dmy(d, ' '), (d) => monthDate(d)]);
  const ink = r.pick(['#1c1c1c', '#1b2f5a']);
  const label = (t) => `<span style="font-family:'TeX Gyre Schola';font-style:italic;font-size:21px;color:#5c4a4f">${esc(t)}</span>`;
  const val = (v) => `<span style="font-family:'TeX Gyre Adventor';font-weight:700;font-size:29px;color:${ink};margin-left:14px">${esc(v)}</span>`;
  const line = (html) => `<div style="white-space:nowrap;margin:0 0 20px 0">${html}</div>`;
  const given = r.chance(0.5) ? upper(f.given_names).split(' ').join(', ') : upper(f.given_names);
  const place = r.chance(0.6) ? withDepartment(f.birth_place) : f.birth_place;
  const height = `1,${r.int(50, 95)} m`;
  const body = `<div style="padding:20px 32px 0 32px;display:flex;justify-content:space-between;align-items:baseline">` +
    `<span style="font-family:'TeX Gyre Schola';font-size:20px;letter-spacing:2px;color:#5c4a4f">RÉPUBLIQUE FRANÇAISE</span>` +
    `<span>${label("Carte nationale d'identité n°")}<span style="font-family:'JetBrains Mono';font-size:25px;font-weight:700;` +
    `color:#b3122a;margin-left:12px">${esc(f.document_number)}</span></span></div>` +
    `<div style="display:flex;gap:28px;padding:22px 30px 0 30px">${portrait(200, 258, { grey: true, bg: '#e9e2d6', round: 0 })}<div>` +
    line(label('Nom') + val(upper(f.surname))) + line(label('Prénom(s)') + val(given)) +
    line(label('Sexe') + val(f.sex) + '&nbsp;&nbsp;&nbsp;&nbsp;' + label('Nationalité') + val('Française')) +
    line(label('Né(e) le') + val(date(f.birth_date)) + '&nbsp;&nbsp;' + label('à') + val(place)) +
    line(label('Taille') + val(height)) +
    `<div style="font-family:'TeX Gyre Schola';font-style:italic;font-size:15px;color:#5c4a4f;margin-top:4px">Signature du titulaire</div>` +
    '</div></div>';
  const mrzW = Math.round(w * 0.93);
  const mrz = `<div style="position:absolute;left:${Math.round((w - mrzW) / 2)}px;bottom:16px">${mrzBlock(doc.mrz_lines, mrzW)}</div>`;
  const style = `<style>.d{box-sizing:border-box;position:relative;overflow:hidden;border-radius:24px;` +
    `${rosette('#f4e6e4', '#e9e4ef', '#c49aa826')}}</style>`;
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px">${body}${mrz}</div>` };
}

// ----- residence permit: captions in filled tabs above values, 3-column grid -------------
function residence(doc, r) {
  const f = doc.fields;
  const w = 1011, h = 638;
  const dt = r.chance(0.5) ? (d) => dmy(d, '/') : (d) => monthDate(d);
  const tab = r.pick(['#1f4f7a', '#6a2c52', '#2d5e3a']);
  const font = r.pick(["'Inter'", "'B612'", "'TeX Gyre Heros Cn'"]);
  const cell = (fr, en, v, span = 1) => `<div style="grid-column:span ${span}">` +
    `<span style="display:inline-block;background:${tab};color:#fff;font-family:'Inter';font-size:12px;font-weight:600;` +
    `padding:2px 8px;border-radius:4px;white-space:nowrap">${esc(fr)} | ${esc(en)}</span>` +
    `<div style="font-size:24px;font-weight:700;white-space:nowrap;margin-top:3px">${esc(v)}</div></div>`;
  const grid = `<div style="display:grid;grid-template-columns:repeat(3,225px);column-gap:18px;row-gap:11px">` +
    cell('Nom', 'Surname', upper(f.surname), 3) + cell('Prénoms', 'Given names', upper(f.given_names).split(' ').join(', '), 3) +
    cell('Sexe', 'Sex', f.sex) + cell('Nationalité', 'Nationality', f.nationality) +
    cell('Date de naissance', 'Date of birth', dt(f.birth_date)) +
    cell('Date de délivrance', 'Date of issue', dt(doc.issue)) + cell("Fin de validité", 'Valid until', dt(f.expiry_date)) +
    cell('Catégorie', 'Category', r.pick(['CST', 'CSP', 'CR', 'CRLD'])) +
    cell('Mention', 'Remark', r.pick(['SALARIÉ', 'ÉTUDIANT', 'VIE PRIVÉE ET FAMILIALE', 'TALENT']), 3) + '</div>';
  const style = `<style>.d{font-family:${font};color:#121212;box-sizing:border-box;position:relative;overflow:hidden;` +
    `border-radius:28px;${rosette('#edf1e6', '#e8e3f1', '#8a9ab422')}}</style>`;
  const body = `<div style="background:${tab};color:#fff;padding:12px 30px;display:flex;justify-content:space-between;align-items:center;font-family:'Inter'">` +
    `<b style="font-size:22px;letter-spacing:2px">TITRE DE SÉJOUR</b><span style="font-size:15px">RESIDENCE PERMIT · RÉPUBLIQUE FRANÇAISE</span></div>` +
    `<div style="display:flex;gap:24px;padding:14px 28px 0 28px">${portrait(170, 220, { round: 3 })}${grid}</div>`;
  const mrzW = Math.round(w * 0.9);
  const mrz = `<div style="position:absolute;left:${Math.round((w - mrzW) / 2)}px;bottom:14px">${mrzBlock(doc.mrz_lines, mrzW)}</div>`;
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px">${body}${mrz}</div>` };
}

// ----- FFT licence ---------------------------------------------------------------------
const LIGUES = ['Ligue de Bretagne', 'Ligue Grand Est', 'Ligue Occitanie', 'Ligue Île-de-France',
  'Ligue Pays de la Loire', 'Ligue Bourgogne-Franche-Comté'];
const licenceText = (f, r) => (r.chance(0.5) ? f.licence_number.replace(' ', '') : f.licence_number);
const seasonRange = (f) => `${Number(f.season) - 1}-${f.season}`;

// An exported attestation: the facts in horizontal tables (header row, one row of values).
function exportPage(doc, r) {
  const f = doc.fields;
  const w = 1240, h = 1754;
  const font = r.pick(["'Inter'", "'TeX Gyre Heros'", "'TeX Gyre Adventor'"]);
  const accent = r.pick(['#0c5b8a', '#7a2e1f', '#2f5d2a']);
  const sep = r.pick(['/', '.']);
  const sex = r.pick([f.sex, f.sex === 'F' ? 'Femme' : 'Homme']);
  const htable = (heads, vals) => `<table style="width:100%;border-collapse:collapse;margin:18px 0 40px 0;font-size:25px">` +
    `<tr>${heads.map((x) => `<th style="text-align:left;background:${accent};color:#fff;font-weight:600;padding:10px 14px;` +
      `font-size:21px;border:1px solid ${accent}">${esc(x)}</th>`).join('')}</tr>` +
    `<tr>${vals.map((x) => `<td style="padding:14px;border:1px solid #c4c9d0;font-weight:700;white-space:nowrap">${esc(x)}</td>`).join('')}</tr></table>`;
  const edited = `${String(r.int(1, 28)).padStart(2, '0')}${sep}${String(r.int(9, 12)).padStart(2, '0')}${sep}${Number(f.season) - 1}`;
  const html = `<div style="width:${w}px;height:${h}px;box-sizing:border-box;padding:70px 80px;background:#fff;font-family:${font};` +
    `color:#16191d;position:relative">` +
    `<div style="display:flex;justify-content:space-between;align-items:center;color:${accent}">` +
    `<div style="font-size:34px;font-weight:800;letter-spacing:1px">FFT <span style="font-weight:400">| Espace licencié</span></div>` +
    `<div style="font-size:20px;text-align:right">Édité le ${edited}<br>Page 1/1</div></div>` +
    `<div style="height:4px;background:${accent};margin:22px 0 70px 0"></div>` +
    `<div style="font-size:46px;font-weight:700">Attestation de licence</div>` +
    `<div style="font-size:28px;margin:10px 0 50px 0;color:#444">Saison sportive ${seasonRange(f)}</div>` +
    `<div style="font-size:26px;font-weight:700;color:${accent}">Licencié</div>` +
    htable(['N° licence', 'Nom', 'Prénom', 'Né(e) le', 'Sexe', 'Classement'],
      [licenceText(f, r), upper(f.surname), f.given_names, dmy(f.birth_date, sep), sex, f.ranking]) +
    `<div style="font-size:26px;font-weight:700;color:${accent}">Club</div>` +
    htable(['Club', 'N° club', 'Ligue'], [f.club_name, f.club_number, r.pick(LIGUES)]) +
    `<div style="font-size:26px;font-weight:700;color:${accent}">Licence</div>` +
    htable(['Type', 'Compétition', 'Validité'], [r.pick(['Licence Club FFT', 'Licence C Multi-raquettes']), 'Autorisée',
      `31/08/${f.season}`]) +
    `<div style="font-size:22px;color:#555;line-height:1.5;margin-top:30px">La présente attestation est délivrée à l'intéressé(e) ` +
    `pour servir et valoir ce que de droit. Elle doit être présentée au juge-arbitre avec une pièce d'identité.</div>` +
    `<div style="position:absolute;left:80px;right:80px;bottom:60px;border-top:1px solid #ccc;padding-top:12px;font-size:18px;color:#888">` +
    `Fédération Française de Tennis · 2 avenue Gordon-Bennett 75016 Paris · www.fft.fr</div></div>`;
  return { width: w, height: h, html };
}

// A card to cut out, on an A4 page: labels under the values.
function cutoutPage(doc, r) {
  const f = doc.fields;
  const w = 1240, h = 1754;
  const font = r.pick(["'Inter'", "'TeX Gyre Adventor'", "'B612'"]);
  const [a, b] = r.pick([['#113a5c', '#1e7a8a'], ['#3d1f4f', '#a0456a'], ['#1f3b1c', '#5f8f2e']]);
  const item = (v, label, size = 34) => `<div style="margin:0 40px 22px 0"><div style="font-size:${size}px;font-weight:700;` +
    `white-space:nowrap">${esc(v)}</div><div style="font-size:17px;opacity:0.8;margin-top:2px">${esc(label)}</div></div>`;
  const season = r.pick([`Saison ${f.season}`, `Saison ${seasonRange(f)}`]);
  const card = `<div style="width:960px;height:600px;box-sizing:border-box;border-radius:30px;padding:40px 46px;color:#fff;` +
    `background:linear-gradient(135deg,${a},${b});position:relative">` +
    `<div style="display:flex;justify-content:space-between;align-items:center;margin-bottom:36px">` +
    `<b style="font-size:26px;letter-spacing:2px">LICENCE FFT</b><span style="font-size:28px;font-weight:700">${esc(season)}</span></div>` +
    `<div style="display:flex">${item(upper(f.surname), 'Nom', 40)}${item(f.given_names, 'Prénom', 40)}</div>` +
    `<div style="display:flex">${item(licenceText(f, r), 'N° de licence')}${item(dmy(f.birth_date, '/'), 'Date de naissance')}` +
    `${item(f.sex === 'F' ? 'Femme' : 'Homme', 'Sexe')}</div>` +
    `<div style="display:flex">${item(f.ranking, 'Classement', 52)}<div>${item(f.club_name, 'Club', 30)}</div></div>` +
    `<div style="position:absolute;right:46px;bottom:34px;font-size:22px;text-align:right">${esc(f.club_number)}` +
    `<div style="font-size:15px;opacity:0.8">N° du club</div></div></div>`;
  const html = `<div style="width:${w}px;height:${h}px;box-sizing:border-box;padding:90px 100px;background:#fff;font-family:${font};` +
    `color:#1b1b1b;position:relative">` +
    `<div style="font-size:40px;font-weight:700">Votre licence ${esc(f.season)}</div>` +
    `<div style="font-size:24px;color:#555;margin:14px 0 70px 0;line-height:1.5">Imprimez cette page, découpez la carte ` +
    `en suivant les pointillés et gardez-la avec vous lors des compétitions.</div>` +
    `<div style="border:3px dashed #888;padding:30px;display:inline-block;border-radius:8px">${card}</div>` +
    `<div style="font-size:22px;color:#777;margin-top:20px">✂ - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -</div>` +
    `<div style="position:absolute;left:100px;bottom:80px;font-size:18px;color:#888">Fédération Française de Tennis · Ten'Up</div></div>`;
  return { width: w, height: h, html };
}

// Small line icons (inline SVG) drawn before values in the app.
const ICONS = {
  cake: '<path d="M4 20h16v-8H4z M8 12V9 M12 12V8 M16 12V9" />',
  person: '<circle cx="12" cy="8" r="4"/><path d="M4 21c1-5 15-5 16 0"/>',
  card: '<rect x="3" y="6" width="18" height="12" rx="2"/><path d="M7 10h6 M7 14h10"/>',
  trophy: '<path d="M7 4h10v5a5 5 0 0 1-10 0z M12 14v4 M8 20h8 M7 6H4a3 3 0 0 0 3 4 M17 6h3a3 3 0 0 1-3 4"/>',
  pin: '<path d="M12 21s-7-7-7-12a7 7 0 0 1 14 0c0 5-7 12-7 12z"/><circle cx="12" cy="9" r="2.5"/>',
  calendar: '<rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18 M8 3v4 M16 3v4"/>',
};
const icon = (name, size, color) => `<svg width="${size}" height="${size}" viewBox="0 0 24 24" fill="none" stroke="${color}" ` +
  `stroke-width="2" stroke-linecap="round" stroke-linejoin="round" style="flex:none">${ICONS[name]}</svg>`;

// Recent matches: opponents' rankings are distractors for the holder's ranking.
const RANKS = ['NC', '40', '30/5', '30/4', '30/3', '30/2', '30/1', '30', '15/5', '15/4', '15/3', '15/2', '15/1', '15',
  '5/6', '4/6', '3/6', '2/6', '1/6', '0', '-2/6', '-4/6', '-15'];
const OPPONENTS = ['L. Bertin', 'S. Caron', 'M. Leroy', 'A. Vidal', 'J. Roche', 'C. Marty', 'P. Dupuis', 'E. Lemoine'];
function results(f, r, { card, muted, size = 34 }) {
  const i = Math.max(0, RANKS.indexOf(f.ranking));
  const match = () => {
    const won = r.chance(0.6);
    const opp = RANKS[Math.max(0, Math.min(RANKS.length - 1, i + r.int(-2, 2)))];
    const score = won ? `6-${r.int(0, 4)} 6-${r.int(0, 4)}` : `${r.int(2, 4)}-6 ${r.int(1, 5)}-6`;
    return `<div style="display:flex;justify-content:space-between;padding:18px 0;border-top:1px solid ${muted}55">` +
      `<span><b style="color:${won ? '#2fa66a' : '#d9534f'}">${won ? 'V' : 'D'}</b>&nbsp;&nbsp;${esc(r.pick(OPPONENTS))} (${esc(opp)})</span>` +
      `<span style="color:${muted}">${score}</span></div>`;
  };
  return `<div style="margin:30px 44px;background:${card};border-radius:34px;padding:30px 40px;font-size:${size}px">` +
    `<div style="font-size:${size + 6}px;font-weight:700;margin-bottom:10px">Derniers résultats</div>` +
    match() + match() + match() + '</div>';
}

// Dark mode, tiles: big value, small label under it.
function appTiles(doc, r) {
  const f = doc.fields;
  const font = r.pick(["'Inter'", "'Inter Display'"]);
  const accent = r.pick(['#c6f432', '#4fd1c5', '#ff8a5c']);
  const fem = f.sex === 'F';
  const civ = r.chance(0.5);
  const name = `${civ ? (fem ? 'Mme ' : 'M. ') : ''}${f.given_names} ${upper(f.surname)}`;
  const born = r.chance(0.5) ? `${fem ? 'née' : 'né'} le ${dmy(f.birth_date, '/')}` : null;
  const season = r.pick([seasonRange(f), `Saison ${f.season}`]);
  const tile = (big, small, span = 1, size = 76) => `<div style="grid-column:span ${span};background:#1a1d23;border-radius:34px;` +
    `padding:40px 36px"><div style="font-size:${size}px;font-weight:800;line-height:1;white-space:nowrap;color:${big === f.ranking ? accent : '#f3f4f6'}">` +
    `${esc(big)}</div><div style="font-size:30px;color:#9aa1ad;margin-top:16px">${esc(small)}</div></div>`;
  const tiles = `<div style="display:grid;grid-template-columns:1fr 1fr;gap:28px;margin:40px 44px">` +
    tile(f.ranking, 'Classement', 1, 110) + tile(season.replace('Saison ', ''), season.startsWith('Saison') ? 'Saison' : 'Saison sportive', 1, season.startsWith('Saison') ? 96 : 70) +
    tile(licenceText(f, r), 'N° de licence', 2, 70) +
    (born ? '' : tile(dmy(f.birth_date, '/'), 'Date de naissance', 1, 52)) +
    tile(fem ? 'Femme' : 'Homme', 'Sexe', born ? 2 : 1, 52) + '</div>';
  const html = `<div style="position:relative;width:1080px;height:2340px;background:#0b0d11;color:#f3f4f6;font-family:${font};box-sizing:border-box">` +
    `<div style="height:100px;display:flex;justify-content:space-between;align-items:center;padding:0 56px;font-size:34px;font-weight:600">` +
    `<span>18:52</span><span>▂▄▆█ 4G ▭ 71</span></div>` +
    `<div style="display:flex;align-items:center;gap:34px;padding:50px 56px 10px 56px">` +
    `<div style="width:150px;height:150px;border-radius:50%;background:linear-gradient(135deg,${accent},#2a2f39)"></div>` +
    `<div><div style="font-size:56px;font-weight:800;white-space:nowrap">${esc(name)}</div>` +
    (born ? `<div style="font-size:36px;color:#9aa1ad;margin-top:8px">${esc(born)}</div>` : '') + '</div></div>' +
    tiles +
    `<div style="margin:0 44px;background:#1a1d23;border-radius:34px;padding:40px 36px;display:flex;gap:30px;align-items:center">` +
    `${icon('pin', 70, accent)}<div><div style="font-size:44px;font-weight:700">${esc(f.club_name)}</div>` +
    `<div style="font-size:32px;color:#9aa1ad;margin-top:8px">Club n° ${esc(f.club_number)}</div></div></div>` +
    results(f, r, { card: '#1a1d23', muted: '#9aa1ad' }) +
    `<div style="position:absolute;bottom:0;width:1080px;height:180px;background:#14171c;display:flex;justify-content:space-around;` +
    `align-items:center;font-size:30px;color:#7b8390"><span>Accueil</span><span>Jouer</span><span style="color:${accent};font-weight:700">Ma licence</span><span>Profil</span></div></div>`;
  return { width: 1080, height: 2340, html, screenshot: true };
}

// Light wallet pass: an icon before each value; labels under values, or none.
function appPass(doc, r) {
  const f = doc.fields;
  const font = r.pick(["'Inter'", "'B612'", "'TeX Gyre Adventor'"]);
  const [a, b] = r.pick([['#ff6b35', '#f7c548'], ['#2563eb', '#22d3ee'], ['#8b5cf6', '#ec4899']]);
  const labels = r.chance(0.5);
  const fem = f.sex === 'F';
  const sexText = r.pick([fem ? 'Femme' : 'Homme', fem ? 'Mme' : 'M.']);
  const season = r.pick([`Saison ${f.season}`, `Saison ${seasonRange(f)}`, seasonRange(f)]);
  const row = (ic, value, label) => `<div style="display:flex;align-items:center;gap:34px;padding:28px 0;border-bottom:2px solid #eef0f3">` +
    `${icon(ic, 60, a)}<div><div style="font-size:46px;font-weight:600;white-space:nowrap">${esc(value)}</div>` +
    (labels ? `<div style="font-size:28px;color:#8a919c;margin-top:4px">${esc(label)}</div>` : '') + '</div></div>';
  const html = `<div style="position:relative;width:1080px;height:2340px;background:#e9ecf1;color:#111827;font-family:${font};box-sizing:border-box">` +
    `<div style="height:100px;display:flex;justify-content:space-between;align-items:center;padding:0 56px;font-size:34px">` +
    `<span>08:15</span><span>●●●● ◠ 92%</span></div>` +
    `<div style="margin:40px 50px;background:#fff;border-radius:46px;overflow:hidden;box-shadow:0 10px 30px #0002">` +
    `<div style="background:linear-gradient(120deg,${a},${b});color:#fff;padding:46px 54px">` +
    `<div style="display:flex;justify-content:space-between;font-size:34px;font-weight:700;letter-spacing:2px">` +
    `<span>LICENCE FFT</span><span>${esc(season)}</span></div>` +
    `<div style="font-size:60px;font-weight:800;margin-top:50px;white-space:nowrap">${esc(upper(f.surname))}</div>` +
    `<div style="font-size:48px;margin-top:4px">${esc(f.given_names)}</div></div>` +
    `<div style="padding:10px 54px 30px 54px">` +
    row('card', licenceText(f, r), 'N° de licence') + row('trophy', f.ranking, 'Classement') +
    row('cake', dmy(f.birth_date, r.pick(['/', '.'])), 'Date de naissance') + row('person', sexText, 'Sexe') +
    row('pin', f.club_name, 'Club') + row('calendar', f.club_number, 'N° du club') + '</div></div>' +
    `<div style="text-align:center;font-size:30px;color:#6b7280">Présentez ce pass au juge-arbitre</div>` +
    results(f, r, { card: '#ffffff', muted: '#6b7280' }) + '</div>';
  return { width: 1080, height: 2340, html, screenshot: true };
}

export function orchard(doc, r, condition) {
  switch (doc.kind) {
    case 'fr_passport': return passport(doc, r);
    case 'fr_id_1988': return card1988(doc, r);
    case 'fr_id_2021_front': return cardFront(doc, r);
    case 'fr_id_2021_back': return cardBack(doc, r);
    case 'fr_residence': return residence(doc, r);
    case 'fft_licence':
      if (condition === 'app') return variant(doc, 2) === 0 ? appTiles(doc, r) : appPass(doc, r);
      return variant(doc, 5) < 3 ? exportPage(doc, r) : cutoutPage(doc, r);
  }
  throw new Error(`orchard: unknown kind ${doc.kind}`);
}
orchard.app = true;

export const ORCHARD_FAMILIES = { orchard };
