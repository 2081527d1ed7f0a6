// The `willow` family of the independent set (seen): conventions of real French documents that
// civic, ribbon, atlas, harbor, lantern, orchard and quarry lack (from public knowledge of the
// real documents; its author did not open the held-out family):
//
//   - ADDRESSES on 2 or 3 lines in the AFNOR order (NF Z10-011): a complement line first
//     ("APPARTEMENT 12", "BÂTIMENT B ESCALIER 2", "RÉSIDENCE LES TILLEULS"), the street with
//     "BIS"/"TER" ("12 BIS RUE VICTOR HUGO"), a "LIEU-DIT LA COMBE" line after it, the postcode
//     and town on their own line, sometimes "CEDEX" ("13090 AIX-EN-PROVENCE CEDEX 2") and a
//     country line "FRANCE". The truth is the printed lines joined by one space in printed
//     order, WITHOUT the country line (no family's truth holds a country; "FRANCE" on an
//     address is the postal convention for mail sent from abroad, not part of the domicile);
//     captions "Adresse" LEFT of the first line with the next lines indented under the value,
//     "ADRESSE / ADDRESS" above, "Domicile :" above;
//   - the 1988 card as a PHOTOCOPY of both sides on one page (recto above verso): the verso
//     with the real card's "Adresse :" (2-3 lines), "Taille", "Signes particuliers : NÉANT",
//     "Carte valable jusqu'au :" (a distractor date), "délivrée le :", "par :" and a round
//     stamp; its truth COUNTS the address and the issue date (the other families' 1988 cards
//     show the recto only);
//   - ISSUE DATES in the real wordings: "délivrée le 12.03.2015 par la préfecture de la
//     Gironde" (a sentence, lower case), "DATE DE DÉLIV. / Date of issue", "Émis le", "Date de
//     délivrance / Date of issue" with an "AUTORITÉ" line beside it, dates with the month in
//     words ("12 MARS 2015", "1er mars 2015", "12 mars 2015");
//   - 2021 card front, three designs other than quarry's: `stacked` (French caps caption and
//     the English on the line under it, both small, over the value; "DATE DE NAISS.", "LIEU
//     DE NAISS.", "N° DU DOCUMENT" under the photo, a second small ghost photo, "NOM D'USAGE"
//     with "ÉP. ..."/"VVE ..."), `table` (bilingual captions LEFT in a column, values right,
//     two pairs on the sex/nationality row), `copy` (a black-and-white photocopy of a
//     real-like card: grey toner, French-only abbreviated captions "NOM", "PRÉNOMS", "NÉ(E)
//     LE", "LIEU DE NAISS.", "N° DOC.", "DATE D'EXPIR.");
//   - 2021 card back, three designs: `leftcap` ("Adresse" left, lines indented, the issue in a
//     sentence), `abovecap` ("ADRESSE / ADDRESS" over 2-4 lines incl. "FRANCE", "DATE DE
//     DÉLIV. / Date of issue" beside "AUTORITÉ / Authority"), `domicile` ("Domicile :" over
//     the lines, "Émis le : 12 MARS 2015" then "Par : Préfecture de ...");
//   - passport as a photo of the OPEN booklet: the upper page (ruled "OBSERVATIONS", "Signature
//     du titulaire", the issuing authority's round stamp) above the data page; captions "NOM / Surname" etc. in a serif, values in a sans; issue
//     wordings "Date de délivrance / Date of issue", "Délivré le / Issued on", "DATE DE
//     DÉLIV. / Date of issue"; dates "12 03 2015" or "12 MARS 2015";
//   - residence permit as a photocopy of recto ABOVE verso: the recto with names, sex,
//     nationality, birth date, "VALABLE JUSQU'AU"; the verso with "LIEU DE NAISSANCE",
//     "ADRESSE" (2-3 lines), the issue date ("Délivré le 12.03.2021 par la préfecture de ...",
//     "Date de délivrance") and the TD1 MRZ; its truth counts birth place, issue date AND
//     address;
//   - FFT licence: a one-page "carte licence" (scan/photo/hard/pdfscan) in the shape of a
//     membership card cut-out with a QR code, "Licence 2026" or "2025-2026", "Licence valide",
//     the ranking in a round badge, club and club number on separate rows, the holder's name
//     as "Camille MARCHAND" in a header; as `pdf` a letter ("Madame Camille Inès MARCHAND, née
//     le 12 mars 1990 ... licence n° 1234567 A ... saison sportive 2025-2026"); as `app` a
//     Ten'Up-like screen: dark mode 3 times in 5, a header with the full name in mixed case
//     ("Camille Inès Marchand"), tabs ("Licence | Classement | Palmarès"), a card with a QR
//     code, "Licence valide" status, the ranking as a badge "15/4", label-over-value rows,
//     "Club" and "N° club" on separate rows, sex as "Dames"/"Messieurs" or "Femme"/"Homme".
//
// Fonts (none used by another family): Switzera ADF (fonts-adf-switzera), Caladea
// (fonts-crosextra-caladea), Courier Prime (fonts-courier-prime), Go, Go Mono (fonts-go),
// Comfortaa (fonts-comfortaa); scripts/install-deps.sh --test.
//
// willow(doc, r, condition) returns {html, width, height[, screenshot]}; willow.app marks that
// it draws the `app` condition. It rewrites doc.fields (address with its complement lines;
// birth place printed with a department; issue date and address added to the 1988 card and
// the residence permit).

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const upper = (s) => s.toLocaleUpperCase('fr-FR');
const dmy = (iso, sep) => `${iso.slice(8, 10)}${sep}${iso.slice(5, 7)}${sep}${iso.slice(0, 4)}`;
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre',
  'octobre', 'novembre', 'décembre'];
// "12 MARS 2015"
const wordsUpper = (iso) => `${iso.slice(8, 10)} ${upper(MONTHS[Number(iso.slice(5, 7)) - 1])} ${iso.slice(0, 4)}`;
// "12 mars 2015", "1er mars 2015" (the French ordinal for the first of the month)
const wordsLower = (iso) => {
  const d = Number(iso.slice(8, 10));
  return `${d === 1 ? '1er' : d} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
};

function variant(doc, n, salt = '') {
  let h = 0x811c9dc5;
  for (const c of salt + JSON.stringify(doc.fields)) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h % n;
}

const DEPARTMENTS = { NANTES: '44', ROUEN: '76', GRENOBLE: '38', DIJON: '21', AMIENS: '80', TOULON: '83',
  METZ: '57', 'NÎMES': '30', PAU: '64', LIMOGES: '87', BREST: '29', ANGERS: '49', 'SAINT-ÉTIENNE': '42',
  'CLERMONT-FERRAND': '63', VILLEURBANNE: '69' };
// The printed birth place: "NANTES (44)" half the time (the truth stays "NANTES").
const placeWithDept = (place, r) => (DEPARTMENTS[place] && r.chance(0.5) ? `${place} (${DEPARTMENTS[place]})` : place);

const COMPLEMENTS = ['APPARTEMENT 12', 'APPT 4', 'BÂTIMENT B ESCALIER 2', 'RÉSIDENCE LES TILLEULS',
  'ÉTAGE 3 PORTE GAUCHE', 'BÂT C RÉSIDENCE DU PARC', 'CHEZ M. ET MME DURAND', 'APPARTEMENT 207 BÂTIMENT A'];
const LIEUX_DITS = ['LIEU-DIT LA COMBE', 'LIEU-DIT LES GRANDS CHAMPS', 'HAMEAU DE LA FORGE', 'LE BOURG'];

// The address as printed (lines, AFNOR order) and its truth (the lines joined, no country).
// Sets doc.fields.address; returns {lines, country}.
// Kinds without an address of their own (1988 card, residence permit) get one here.
const STREETS = ['RUE DES ÉCOLES', 'AVENUE DE LA RÉPUBLIQUE', 'CHEMIN DES VIGNES', 'RUE DU GÉNÉRAL LECLERC',
  'BOULEVARD DE LA LIBERTÉ', 'ROUTE DE LYON', 'ALLÉE DES CHÊNES', 'QUAI DE LA LOIRE'];
const TOWNS = ['44000 NANTES', '76000 ROUEN', '38100 GRENOBLE', '21000 DIJON', '57000 METZ', '30900 NÎMES',
  '64000 PAU', '87000 LIMOGES', '29200 BREST', '13090 AIX-EN-PROVENCE', '69100 VILLEURBANNE', '42100 SAINT-ÉTIENNE'];
function address(doc, r) {
  if (!doc.address) doc.address = `${r.int(1, 140)} ${r.pick(STREETS)} ${r.pick(TOWNS)}`;
  const m = doc.address.match(/^(\d+) (.*) (\d{5}) (.*)$/);
  const [, num, street, cp, town] = m;
  const suffix = r.pick(['', ' BIS', ' BIS', ' TER']);
  const shape = r.pick(['complement', 'complement', 'complement', 'lieudit', 'cedex', 'plain']);
  const lines = [];
  if (shape === 'complement' || (shape === 'cedex' && r.chance(0.5))) lines.push(r.pick(COMPLEMENTS));
  lines.push(`${num}${suffix} ${street}`);
  if (shape === 'lieudit') lines.push(r.pick(LIEUX_DITS));
  lines.push(`${cp} ${town}${shape === 'cedex' ? r.pick([' CEDEX', ' CEDEX 2', ' CEDEX 09']) : ''}`);
  const fields = { ...doc.fields, address: lines.join(' ') };
  Object.assign(doc.fields, fields);
  return { lines, country: r.chance(0.3) ? 'FRANCE' : '' };
}

const AUTHORITIES = [['préfecture de la Gironde', 'PRÉFECTURE DE LA GIRONDE'], ['préfecture du Nord', 'PRÉFECTURE DU NORD'],
  ['sous-préfecture de Brest', 'SOUS-PRÉFECTURE DE BREST'], ['préfecture de police de Paris', 'PRÉFECTURE DE POLICE DE PARIS'],
  ['préfecture de l\'Isère', 'PRÉFECTURE DE L\'ISÈRE'], ['préfecture de la Loire-Atlantique', 'PRÉFECTURE DE LA LOIRE-ATLANTIQUE']];

function mrzBlock(lines, widthPx, color = '#111') {
  if (!lines.length) return '';
  const n = lines[0].length;
  const size = (widthPx / (n * 0.6)).toFixed(2);
  return `<div class="mrz" data-width="${widthPx}" style="display:inline-block;font-family:'OCR B';font-size:${size}px;line-height:1.4;` +
    `white-space:pre;color:${color};padding:0px;">` + lines.map(esc).join('<br>') + '</div>';
}

function portrait(w, h, { bg = 'linear-gradient(180deg,#e9ecef,#cfd5db)', grey = true, round = 4, opacity = 1 } = {}) {
  return `<div style="width:${w}px;height:${h}px;flex:none;position:relative;overflow:hidden;background:${bg};opacity:${opacity};` +
    `border-radius:${round}px;${grey ? 'filter:grayscale(1) contrast(0.9);' : ''}">` +
    `<div style="position:absolute;left:${w * 0.3}px;top:${h * 0.15}px;width:${w * 0.4}px;height:${h * 0.43}px;border-radius:48%;background:#a98570"></div>` +
    `<div style="position:absolute;left:${w * 0.25}px;top:${h * 0.09}px;width:${w * 0.5}px;height:${h * 0.21}px;border-radius:50% 50% 20% 20%;background:#4a3526"></div>` +
    `<div style="position:absolute;left:${w * 0.05}px;top:${h * 0.63}px;width:${w * 0.9}px;height:${h * 0.5}px;border-radius:45% 45% 0 0;background:#34404c"></div></div>`;
}

// A QR-code-like square: three finder patterns and pseudo-random modules (not decodable).
// Also drawn by juniper's app.
export function qrCode(size, r, fg = '#111', bg = '#fff') {
  const n = 25, cell = size / n;
  const finder = (x, y) => (x < 7 && y < 7) || (x >= n - 7 && y < 7) || (x < 7 && y >= n - 7);
  const ring = (x, y) => {
    const fx = x < 7 ? x : x - (n - 7), fy = y < 7 ? y : y - (n - 7);
    return fx === 0 || fx === 6 || fy === 0 || fy === 6 || (fx >= 2 && fx <= 4 && fy >= 2 && fy <= 4);
  };
  let cells = '';
  for (let y = 0; y < n; ++y) {
    for (let x = 0; x < n; ++x) {
      const on = finder(x, y) ? ring(x, y) : (x === 7 || y === 7 || (x === n - 8 && y < 8) || (y === n - 8 && x < 8)) ? false : r.chance(0.5);
      if (on) cells += `<div style="position:absolute;left:${(x * cell).toFixed(1)}px;top:${(y * cell).toFixed(1)}px;width:${(cell + 0.3).toFixed(1)}px;height:${(cell + 0.3).toFixed(1)}px;background:${fg}"></div>`;
    }
  }
  return `<div style="position:relative;width:${size}px;height:${size}px;flex:none;background:${bg};outline:${(cell * 2).toFixed(0)}px solid ${bg}">${cells}</div>`;
}

// A round administrative stamp (ink circle with text and a marianne-like centre).
function stamp(size, text, color = '#2b4a8b') {
  return `<div style="width:${size}px;height:${size}px;flex:none;border-radius:50%;border:3px solid ${color};opacity:0.55;` +
    `display:flex;align-items:center;justify-content:center;transform:rotate(-14deg);font-family:'Go';font-size:${Math.round(size / 11)}px;` +
    `color:${color};text-align:center;line-height:1.2;padding:8px;box-sizing:border-box">${esc(text)}<br>★</div>`;
}

// A photocopy: greyscale, toner grain and a grey page edge around the copied documents.
const TONER = 'background:repeating-radial-gradient(circle at 37% 61%,#0000 0 3px,#00000008 3px 4px),#f3f3f1';
const copyFilter = (r) => `filter:grayscale(1) contrast(${r.range(1.15, 1.4).toFixed(2)}) brightness(${r.range(1.0, 1.08).toFixed(2)})`;

const givenCommas = (g) => upper(g).split(' ').join(', ');
const PASTELS = [['#f5e6ec', '#e2ebf6'], ['#efe9f3', '#e1f0ef'], ['#f9ebe3', '#e6e8f5']];
const pastel = (a, b) => `background:repeating-linear-gradient(35deg,#0000 0 11px,#5f7fb014 11px 12px),` +
  `repeating-linear-gradient(-35deg,#0000 0 11px,#b05f8c10 11px 12px),linear-gradient(120deg,${a},${b})`;
const USAGE = ['ÉP. LAMBERT', 'VVE GIRARD', 'ÉP. ROBIN', 'ÉPOUSE MEUNIER'];

// ----- 2021 card, front -------------------------------------------------------------------
function cardFront(doc, r) {
  const f = doc.fields;
  const place = placeWithDept(f.birth_place, r);
  const d = ['stacked', 'table', 'copy'][variant(doc, 3, 'front')];
  const w = 1011, h = 638;
  const date = r.chance(0.6) ? (x) => dmy(x, ' ') : (x) => dmy(x, '.');
  const valFont = r.pick(["'Switzera ADF'", "'Go'"]);
  const capColor = r.pick(['#3a4d74', '#5b4470', '#2f5a63']);
  const usage = f.sex === 'F' && r.chance(0.5) ? r.pick(USAGE) : '';
  const can = String(r.int(100000, 999999));
  const [pa, pb] = r.pick(PASTELS);
  let body, cls = pastel(pa, pb), extra = '';
  if (d === 'stacked') {
    // French caps caption, English under it (both small), value below.
    const cap = (fr, en) => `<div style="font-family:'Switzera ADF';font-size:12px;line-height:1.05;color:${capColor};white-space:nowrap">` +
      `${esc(fr)}<br><i style="font-size:11px">${esc(en)}</i></div>`;
    const cell = (fr, en, v, width) => `<div style="flex:0 0 ${width}px;margin-bottom:8px">${cap(fr, en)}` +
      `<div style="font-family:${valFont};font-weight:700;font-size:28px;white-space:nowrap;line-height:1.15">${esc(v) || '&nbsp;'}</div></div>`;
    const row = (...c) => `<div style="display:flex;gap:16px">${c.join('')}</div>`;
    const fields = row(cell('NOM', 'Surname', upper(f.surname), 520)) +
      row(cell('PRÉNOMS', 'Given names', givenCommas(f.given_names), 520)) +
      row(cell('SEXE', 'Sex', f.sex, 70), cell('NATIONALITÉ', 'Nationality', 'FRA', 120), cell('DATE DE NAISS.', 'Date of birth', date(f.birth_date), 220)) +
      row(cell('LIEU DE NAISS.', 'Place of birth', place, 520)) +
      row(cell("NOM D'USAGE", 'Alternate name', usage, 520));
    body = `<div style="padding:18px 30px 0 30px;font-family:'Switzera ADF';color:#1d2d57;display:flex;justify-content:space-between">` +
      `<div><div style="font-size:22px;font-weight:700;letter-spacing:2px">RÉPUBLIQUE FRANÇAISE</div>` +
      `<div style="font-size:15px">CARTE NATIONALE D'IDENTITÉ<br><i style="font-size:13px">IDENTITY CARD</i></div></div>` +
      `<div style="font-size:30px;font-weight:700;border:2px solid #1d2d57;border-radius:50%;width:52px;height:52px;text-align:center;line-height:52px">FR</div></div>` +
      `<div style="display:flex;gap:24px;padding:10px 30px 0 30px"><div>${portrait(200, 258)}` +
      `<div style="margin-top:10px">${cap('N° DU DOCUMENT', 'Document No')}<div style="font-family:'Go Mono';font-weight:700;font-size:25px;letter-spacing:1px">${esc(f.document_number)}</div></div></div>` +
      `<div>${fields}</div><div style="margin-left:auto;padding-top:140px">${portrait(80, 104, { opacity: 0.35 })}</div></div>` +
      `<div style="position:absolute;left:254px;bottom:16px;display:flex;gap:60px;align-items:flex-end">` +
      `<div>${cap("DATE D'EXPIR.", 'Expiry date')}<div style="font-family:${valFont};font-weight:700;font-size:27px">${esc(date(f.expiry_date))}</div></div>` +
      `<div style="font-family:'Go Mono';font-size:20px;color:${capColor}">CAN ${can}</div></div>`;
  } else if (d === 'table') {
    // Bilingual captions LEFT of their values in a column.
    const cap = (fr, en) => `<td style="font-family:'Switzera ADF';font-size:14px;color:${capColor};vertical-align:middle;padding:5px 14px 5px 0;white-space:nowrap;line-height:1.1">` +
      `${esc(fr)}<br><i>${esc(en)}</i></td>`;
    const val = (v, span = 1) => `<td colspan="${span}" style="font-family:${valFont};font-weight:700;font-size:27px;white-space:nowrap;padding:5px 20px 5px 0;vertical-align:middle">${esc(v)}</td>`;
    const tr = (...c) => `<tr>${c.join('')}</tr>`;
    const rows = tr(cap('Nom', 'Surname'), val(upper(f.surname), 3)) +
      (usage ? tr(cap("Nom d'usage", 'Alternate name'), val(usage, 3)) : '') +
      tr(cap('Prénoms', 'Given names'), val(givenCommas(f.given_names), 3)) +
      tr(cap('Sexe', 'Sex'), val(f.sex), cap('Nationalité', 'Nationality'), val('FRA')) +
      tr(cap('Date de naiss.', 'Date of birth'), val(date(f.birth_date), 3)) +
      tr(cap('Lieu de naiss.', 'Place of birth'), val(place, 3)) +
      tr(cap('N° du document', 'Document No'), val(f.document_number, 3)) +
      tr(cap("Date d'expir.", 'Expiry date'), val(date(f.expiry_date), 3));
    body = `<div style="background:linear-gradient(90deg,#1d2d57,#3a4d74);color:#fff;font-family:'Switzera ADF';padding:12px 30px;display:flex;justify-content:space-between;align-items:baseline">` +
      `<b style="font-size:20px;letter-spacing:2px">RÉPUBLIQUE FRANÇAISE</b><span style="font-size:15px">CARTE NATIONALE D'IDENTITÉ / <i>IDENTITY CARD</i></span></div>` +
      `<div style="display:flex;gap:26px;padding:18px 30px 0 30px">${portrait(190, 246, { round: 10 })}<table style="border-collapse:collapse">${rows}</table></div>` +
      `<div style="position:absolute;right:30px;bottom:16px;display:flex;gap:20px;align-items:center">${portrait(64, 84, { opacity: 0.35 })}` +
      `<span style="font-family:'Go Mono';font-size:19px;color:${capColor}">${can}</span></div>`;
  } else {
    // A photocopy of a real-like card: French-only abbreviated captions, grey toner.
    const cap = (t) => `<div style="font-family:'Go';font-size:13px;letter-spacing:0.5px;color:#444;white-space:nowrap">${esc(t)}</div>`;
    const cell = (t, v, width) => `<div style="flex:0 0 ${width}px;margin-bottom:10px">${cap(t)}` +
      `<div style="font-family:${valFont};font-weight:700;font-size:28px;white-space:nowrap;line-height:1.15">${esc(v) || '&nbsp;'}</div></div>`;
    const row = (...c) => `<div style="display:flex;gap:18px">${c.join('')}</div>`;
    const fields = row(cell('NOM', upper(f.surname), 330), cell('N° DOC.', f.document_number, 200)) +
      (usage ? row(cell("NOM D'USAGE", usage, 540)) : '') +
      row(cell('PRÉNOMS', givenCommas(f.given_names), 540)) +
      row(cell('SEXE', f.sex, 60), cell('NATIONALITÉ', 'FRA', 110), cell('NÉ(E) LE', date(f.birth_date), 200)) +
      row(cell('LIEU DE NAISS.', place, 540)) + row(cell("DATE D'EXPIR.", date(f.expiry_date), 220));
    body = `<div style="padding:18px 30px 0 30px;font-family:'Go';color:#222"><b style="font-size:21px;letter-spacing:1px">RÉPUBLIQUE FRANÇAISE</b>` +
      `<span style="font-size:15px;margin-left:24px">CARTE NATIONALE D'IDENTITÉ</span></div>` +
      `<div style="display:flex;gap:24px;padding:14px 30px 0 30px">${portrait(200, 262)}<div>${fields}</div></div>`;
    cls = `background:linear-gradient(120deg,#ddd,#eee);${copyFilter(r)}`;
    extra = 'border:2px solid #888;';
  }
  const style = `<style>.d{color:#111;box-sizing:border-box;position:relative;overflow:hidden;border-radius:26px;${extra}${cls}}</style>`;
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px">${body}</div>` };
}

// ----- 2021 card, back --------------------------------------------------------------------
function cardBack(doc, r) {
  const f = doc.fields;
  const { lines, country } = address(doc, r);
  const shown = country ? [...lines, country] : lines;
  const w = 1011, h = 638;
  const d = ['leftcap', 'abovecap', 'domicile'][variant(doc, 3, 'back')];
  const [authLower, authUpper] = r.pick(AUTHORITIES);
  const capColor = r.pick(['#3a4d74', '#5b4470', '#2f5a63']);
  const valFont = r.pick(["'Switzera ADF'", "'Go'"]);
  const [pa, pb] = r.pick(PASTELS);
  const val = (t) => `<div style="font-family:${valFont};font-weight:700;font-size:26px;line-height:1.25;white-space:nowrap">${esc(t)}</div>`;
  let fields;
  if (d === 'leftcap') {
    const issue = r.pick([
      `délivrée le ${dmy(f.issue_date, '.')} par la ${authLower}`,
      `Carte délivrée le ${wordsLower(f.issue_date)} par la ${authLower}`,
      `Délivrée le ${dmy(f.issue_date, '/')}, ${authLower}`,
    ]);
    fields = `<div style="display:flex;gap:18px;align-items:flex-start">` +
      `<div style="font-family:'Switzera ADF';font-size:17px;color:${capColor};padding-top:6px;width:90px">Adresse</div>` +
      `<div>${shown.map(val).join('')}</div></div>` +
      `<div style="margin-top:30px;font-family:'Switzera ADF';font-size:21px;white-space:nowrap">${esc(issue)}</div>` +
      `<div style="margin-top:14px;font-family:'Switzera ADF';font-size:16px;color:${capColor}">Taille : 1,${r.int(52, 94)} m</div>`;
  } else if (d === 'abovecap') {
    const cap = (fr, en) => `<div style="font-family:'Switzera ADF';font-size:12px;color:${capColor};white-space:nowrap">${esc(fr)} / <i>${esc(en)}</i></div>`;
    const issueCap = r.pick([['DATE DE DÉLIV.', 'Date of issue'], ['DATE DE DÉLIVRANCE', 'Date of issue']]);
    const issueVal = r.chance(0.4) ? wordsUpper(f.issue_date) : dmy(f.issue_date, r.pick([' ', '.']));
    fields = `${cap('ADRESSE', 'ADDRESS')}${shown.map(val).join('')}` +
      `<div style="display:flex;gap:40px;margin-top:18px"><div>${cap(issueCap[0], issueCap[1])}${val(issueVal)}</div>` +
      `<div>${cap('AUTORITÉ', 'Authority')}${val(authUpper)}</div></div>`;
  } else {
    const issueVal = r.chance(0.5) ? wordsUpper(f.issue_date) : dmy(f.issue_date, '.');
    fields = `<div style="font-family:'Caladea';font-size:18px;color:${capColor}">Domicile :</div>` +
      `<div style="padding-left:24px">${shown.map(val).join('')}</div>` +
      `<div style="margin-top:22px;font-family:'Caladea';font-size:19px;color:${capColor};white-space:nowrap">` +
      `${r.pick(['Émis le :', 'Émise le :'])} <span style="font-family:${valFont};font-weight:700;font-size:25px;color:#111">${esc(issueVal)}</span></div>` +
      `<div style="margin-top:6px;font-family:'Caladea';font-size:19px;color:${capColor}">Par : <span style="color:#111">${esc(authLower.replace(/^./, (c) => c.toUpperCase()))}</span></div>`;
  }
  const body = `<div style="display:flex;justify-content:space-between;padding:28px 36px 0 36px"><div>${fields}</div>` +
    `<div>${qrCode(130, r, '#222', '#fff')}</div></div>` +
    `<div style="position:absolute;left:0;right:0;bottom:0;height:${Math.round(h * 0.3)}px;background:#fbfaf6;display:flex;align-items:center;justify-content:center">` +
    `${mrzBlock(doc.mrz_lines, Math.round(w * 0.88))}</div>`;
  const style = `<style>.d{color:#111;box-sizing:border-box;position:relative;overflow:hidden;border-radius:26px;${pastel(pa, pb)}}</style>`;
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px">${body}</div>` };
}

// ----- passport: the open booklet (upper page, then the data page) ----------------------------
function passport(doc, r) {
  const f = doc.fields;
  const place = placeWithDept(f.birth_place, r);
  const w = 1300, h = 1700;
  const words = r.chance(0.4);
  const date = words ? wordsUpper : (x) => dmy(x, ' ');
  const accent = r.pick(['#6e2342', '#23456e', '#3e5a2a']);
  const valFont = r.pick(["'Switzera ADF'", "'Go'"]);
  const [authLower, authUpper] = r.pick(AUTHORITIES.slice(0, 5));
  const issueCap = r.pick([['Date de délivrance', 'Date of issue'], ['Délivré le', 'Issued on'], ['DATE DE DÉLIV.', 'Date of issue']]);
  const cap = (fr, en) => `<div style="font-family:'Caladea';font-size:19px;color:${accent};white-space:nowrap">${esc(fr)} / <i>${esc(en)}</i></div>`;
  const cell = (fr, en, v, span = 1) => `<div style="grid-column:span ${span}">${cap(fr, en)}` +
    `<div style="font-family:${valFont};font-size:32px;font-weight:700;white-space:nowrap;line-height:1.2">${esc(v)}</div></div>`;
  const grid = `<div style="display:grid;grid-template-columns:repeat(2,420px);column-gap:30px;row-gap:14px">` +
    cell('Nom', 'Surname', upper(f.surname), 2) + cell('Prénoms', 'Given names', givenCommas(f.given_names), 2) +
    cell('Nationalité', 'Nationality', 'Française') + cell('Sexe', 'Sex', f.sex) +
    cell('Date de naissance', 'Date of birth', date(f.birth_date)) + cell('Lieu de naissance', 'Place of birth', place) +
    cell(issueCap[0], issueCap[1], date(f.issue_date)) + cell("Date d'expiration", 'Date of expiry', date(f.expiry_date)) +
    cell('Autorité', 'Authority', authUpper, 2) + '</div>';
  const upperPage = `<div style="position:absolute;left:0;top:0;width:${w}px;height:${h / 2 - 6}px;background:linear-gradient(180deg,#efe8ee,#e8eef3);` +
    `font-family:'Caladea';color:${accent};padding:60px 70px;box-sizing:border-box">` +
    `<div style="font-size:26px;letter-spacing:3px;text-align:center">OBSERVATIONS</div>` +
    `<div style="margin-top:40px;font-size:22px;line-height:2.2;border-top:1px solid ${accent}55">` +
    Array.from({ length: 4 }, () => `<div style="border-bottom:1px solid ${accent}55">&nbsp;</div>`).join('') + '</div>' +
    `<div style="position:absolute;left:70px;bottom:50px;font-size:20px">Signature du titulaire / <i>Holder's signature</i>` +
    `<div style="width:300px;height:40px;border-bottom:2px solid #223;transform:skewX(-25deg);margin-top:6px"></div></div>` +
    `<div style="position:absolute;right:70px;bottom:50px">${stamp(170, authUpper, accent)}</div></div>`;
  const dataPage = `<div style="position:absolute;left:0;top:${h / 2 + 6}px;width:${w}px;height:${h / 2 - 6}px;background:linear-gradient(160deg,#f3ecef,#e6edf4);box-sizing:border-box">` +
    `<div style="display:flex;justify-content:space-between;padding:26px 50px 0 50px;font-family:'Caladea';color:${accent}">` +
    `<div style="font-size:24px;letter-spacing:2px;font-weight:700">RÉPUBLIQUE FRANÇAISE<div style="font-size:18px;font-weight:400;letter-spacing:0">PASSEPORT / <i>PASSPORT</i></div></div>` +
    `<div style="display:flex;gap:34px;font-size:17px"><div>Type / <i>Type</i><div style="font-family:${valFont};font-size:27px;color:#111;font-weight:700">P</div></div>` +
    `<div>Code du pays / <i>Country code</i><div style="font-family:${valFont};font-size:27px;color:#111;font-weight:700">FRA</div></div>` +
    `<div>Passeport n° / <i>Passport No.</i><div style="font-family:'Go Mono';font-size:30px;color:#8a1020;font-weight:700">${esc(f.document_number)}</div></div></div></div>` +
    `<div style="display:flex;gap:40px;padding:18px 50px">${portrait(250, 330, { grey: false })}${grid}</div>` +
    `<div style="position:absolute;left:${Math.round(w * 0.05)}px;bottom:22px">${mrzBlock(doc.mrz_lines, Math.round(w * 0.9))}</div></div>`;
  const style = `<style>.d{box-sizing:border-box;position:relative;overflow:hidden;color:#141414;background:#6a2231;border-radius:14px}</style>`;
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px">${upperPage}${dataPage}</div>` };
}

// ----- 1988 card: a photocopy of recto above verso -----------------------------
function card1988(doc, r) {
  const f = doc.fields;
  const place = placeWithDept(f.birth_place, r);
  const { lines } = address(doc, r);
  f.issue_date = doc.issue;
  // Stacked (recto above verso, as a copier's "ID card" mode prints them on A4): side by
  // side the page is so wide that a phone photo leaves the values ~14 px high.
  const cw = 1011, ch = 638, gap = 60, pad = 50;
  const w = cw + 2 * pad, h = 2 * ch + gap + 2 * pad;
  const date = (x) => dmy(x, '.');
  const [, authUpper] = r.pick(AUTHORITIES);
  const labFont = r.pick(["'Caladea'", "'Switzera ADF'"]);
  const lab = (t) => `<span style="font-family:${labFont};font-size:20px;color:#333;margin-right:12px">${esc(t)}</span>`;
  const val = (v) => `<span style="font-family:'Courier Prime';font-weight:700;font-size:28px;color:#000;margin-right:30px;white-space:nowrap">${esc(v)}</span>`;
  const line = (...p) => `<div style="white-space:nowrap;margin-bottom:15px">${p.map(([l, v]) => lab(l) + val(v)).join('')}</div>`;
  const recto = `<div style="padding:18px 28px 0 28px;display:flex;justify-content:space-between;font-family:${labFont};color:#333">` +
    `<span style="font-size:22px;letter-spacing:1px">RÉPUBLIQUE FRANÇAISE</span>` +
    `<span style="font-size:19px">CARTE NATIONALE D'IDENTITÉ N° : <span style="font-family:'Courier Prime';font-weight:700;font-size:26px;color:#000">${esc(f.document_number)}</span></span></div>` +
    `<div style="display:flex;gap:28px;padding:22px 28px 0 28px">${portrait(190, 246, { round: 0 })}<div>` +
    line(['Nom :', upper(f.surname)]) + line(['Prénom(s) :', givenCommas(f.given_names)]) +
    line(['Sexe :', f.sex], ['Né(e) le :', date(f.birth_date)]) + line(['à :', place]) +
    `<div style="font-family:${labFont};font-size:16px;color:#333;margin-top:20px">Signature du titulaire :</div></div></div>` +
    `<div style="position:absolute;left:${Math.round(cw * 0.035)}px;bottom:16px">${mrzBlock(doc.mrz_lines, Math.round(cw * 0.93))}</div>`;
  // The verso: the address first (caption left, lines under the value), then the card's facts.
  const addr = `<div style="display:flex;align-items:flex-start;margin-bottom:18px">${lab('Adresse :')}<div>` +
    lines.map((l) => `<div style="font-family:'Courier Prime';font-weight:700;font-size:28px;line-height:1.3;white-space:nowrap">${esc(l)}</div>`).join('') + '</div></div>';
  const verso = `<div style="padding:40px 40px 0 40px">${addr}` +
    line(['Taille :', `1,${r.int(52, 94)} m`], ['Signes particuliers :', 'NÉANT']) +
    line(["Carte valable jusqu'au :", date(doc.expiry)]) +
    line(['délivrée le :', date(f.issue_date)]) +
    line(['par :', authUpper]) +
    `<div style="display:flex;justify-content:space-between;align-items:flex-end;margin-top:6px">` +
    `<span style="font-family:${labFont};font-size:16px;color:#333">Signature de l'autorité :</span>${stamp(150, authUpper, '#333')}</div></div>`;
  const card = (inner) => `<div style="position:relative;width:${cw}px;height:${ch}px;flex:none;overflow:hidden;border-radius:18px;border:2px solid #999;` +
    `background:repeating-radial-gradient(circle at 60% 40%,#0000 0 6px,#00000010 6px 7px),#e6e6e4">${inner}</div>`;
  const html = `<div style="width:${w}px;height:${h}px;box-sizing:border-box;padding:${pad}px;display:flex;flex-direction:column;gap:${gap}px;${TONER};${copyFilter(r)}">` +
    card(recto) + card(verso) + '</div>';
  return { width: w, height: h, html };
}

// ----- residence permit: a photocopy of recto above verso ---------------------------------
function residence(doc, r) {
  const f = doc.fields;
  f.birth_place = doc.p.birth_place;
  f.issue_date = doc.issue;
  const place = placeWithDept(f.birth_place, r);
  const { lines, country } = address(doc, r);
  const cw = 1011, ch = 638, gap = 50, pad = 45;
  const w = cw + 2 * pad, h = 2 * ch + gap + 2 * pad;
  const date = r.pick([(x) => dmy(x, '.'), (x) => dmy(x, ' '), (x) => dmy(x, '/')]);
  const [authLower, authUpper] = r.pick(AUTHORITIES.slice(0, 5));
  const valFont = r.pick(["'Go'", "'Switzera ADF'"]);
  const cap = (fr, en) => `<div style="font-family:'Switzera ADF';font-size:13px;color:#333;white-space:nowrap">${esc(fr)} / <i>${esc(en)}</i></div>`;
  const cell = (fr, en, v, width) => `<div style="flex:0 0 ${width}px;margin-bottom:10px">${cap(fr, en)}` +
    `<div style="font-family:${valFont};font-weight:700;font-size:26px;white-space:nowrap;line-height:1.2">${esc(v)}</div></div>`;
  const row = (...c) => `<div style="display:flex;gap:18px">${c.join('')}</div>`;
  const recto = `<div style="padding:16px 28px;display:flex;justify-content:space-between;font-family:'Switzera ADF'">` +
    `<b style="font-size:20px;letter-spacing:2px">RÉPUBLIQUE FRANÇAISE</b><span style="font-size:17px">TITRE DE SÉJOUR</span></div>` +
    `<div style="display:flex;gap:26px;padding:4px 28px">${portrait(170, 222)}<div>` +
    row(cell('NOM', 'Surname', upper(f.surname), 560)) + row(cell('PRÉNOMS', 'Given names', givenCommas(f.given_names), 560)) +
    row(cell('SEXE', 'Sex', f.sex, 70), cell('NATIONALITÉ', 'Nationality', f.nationality, 130), cell('DATE DE NAISSANCE', 'Date of birth', date(f.birth_date), 240)) +
    row(cell('TYPE DE TITRE', 'Type of permit', r.pick(['CARTE DE SÉJOUR PLURIANNUELLE', 'CARTE DE RÉSIDENT', 'CARTE DE SÉJOUR TEMPORAIRE']), 560)) +
    row(cell("VALABLE JUSQU'AU", 'Valid until', date(f.expiry_date), 240), cell('N° DU TITRE', 'Permit No', doc.number, 260)) + '</div></div>';
  const shown = country ? [...lines, country] : lines;
  const addrBlock = variant(doc, 2, 'resaddr') === 0
    ? `${cap('ADRESSE', 'Address')}${shown.map((l) => `<div style="font-family:${valFont};font-weight:700;font-size:25px;line-height:1.25;white-space:nowrap">${esc(l)}</div>`).join('')}`
    : `<div style="display:flex;gap:16px;align-items:flex-start"><span style="font-family:'Switzera ADF';font-size:17px;color:#333;padding-top:4px">Domicile :</span><div>` +
      shown.map((l) => `<div style="font-family:${valFont};font-weight:700;font-size:25px;line-height:1.25;white-space:nowrap">${esc(l)}</div>`).join('') + '</div></div>';
  const issue = r.pick([
    `<div style="font-family:'Switzera ADF';font-size:21px;white-space:nowrap">Délivré le ${esc(date(f.issue_date))} par la ${esc(authLower)}</div>`,
    `${cap('DATE DE DÉLIVRANCE', 'Date of issue')}<div style="font-family:${valFont};font-weight:700;font-size:25px">${esc(date(f.issue_date))}</div>` +
      `<div style="font-family:'Switzera ADF';font-size:16px;color:#333;margin-top:4px">${esc(authUpper)}</div>`,
  ]);
  const verso = `<div style="padding:24px 30px 0 30px">${cap('LIEU DE NAISSANCE', 'Place of birth')}` +
    `<div style="font-family:${valFont};font-weight:700;font-size:25px;margin-bottom:14px">${esc(place)}</div>` +
    `<div style="display:flex;gap:40px"><div>${addrBlock}</div><div>${issue}</div></div></div>` +
    `<div style="position:absolute;left:${Math.round(cw * 0.05)}px;bottom:16px">${mrzBlock(doc.mrz_lines, Math.round(cw * 0.9))}</div>`;
  const card = (inner) => `<div style="position:relative;width:${cw}px;height:${ch}px;flex:none;overflow:hidden;border-radius:20px;border:2px solid #999;background:#e4e4e2">${inner}</div>`;
  const html = `<div style="width:${w}px;height:${h}px;box-sizing:border-box;padding:${pad}px;display:flex;flex-direction:column;gap:${gap}px;${TONER};${copyFilter(r)}">` +
    card(recto) + card(verso) + '</div>';
  return { width: w, height: h, html };
}

// ----- FFT licence ------------------------------------------------------------------------
const seasonWords = (f, r) => {
  const a = Number(f.season) - 1;
  return r.pick([`Licence ${f.season}`, `${a}-${f.season}`, `Saison ${a}-${f.season}`]);
};
const mixedName = (f) => `${f.given_names} ${f.surname.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (m, a, b) => a + b.toUpperCase())}`;
const badge = (text, color, size = 110) => `<div style="width:${size}px;height:${size}px;border-radius:50%;background:${color};color:#fff;display:flex;align-items:center;justify-content:center;` +
  `font-weight:800;font-size:${Math.round(size / (text.length > 3 ? 3.6 : 2.6))}px;flex:none">${esc(text)}</div>`;

// A membership card cut-out on an A4 page: header band with the name, QR code, badge.
function licenceCard(doc, r) {
  const f = doc.fields;
  const w = 1240, h = 1754;
  const font = r.pick(["'Go'", "'Switzera ADF'", "'Comfortaa'"]);
  const accent = r.pick(['#0f5c4b', '#b3451b', '#213f8f']);
  const row = (l, v) => `<div style="padding:12px 0;border-bottom:1px solid #ddd"><div style="font-size:20px;color:#777">${esc(l)}</div>` +
    `<div style="font-size:30px;font-weight:700;white-space:nowrap">${esc(v)}</div></div>`;
  const sex = f.sex === 'F' ? r.pick(['Femme', 'Dames']) : r.pick(['Homme', 'Messieurs']);
  const card = `<div style="margin:60px auto 0 auto;width:980px;border:2px dashed #999;border-radius:30px;overflow:hidden;background:#fff">` +
    `<div style="background:${accent};color:#fff;padding:30px 40px;display:flex;justify-content:space-between;align-items:center">` +
    `<div><div style="font-size:22px;opacity:0.85">FÉDÉRATION FRANÇAISE DE TENNIS</div><div style="font-size:40px;font-weight:700;margin-top:6px">${esc(f.given_names)} ${esc(upper(f.surname))}</div></div>` +
    `<div style="font-size:28px;font-weight:700;border:2px solid #fff;border-radius:12px;padding:8px 18px">${esc(seasonWords(f, r))}</div></div>` +
    `<div style="display:flex;gap:40px;padding:30px 40px"><div style="flex:1">` +
    `<div style="color:#1a8a3a;font-size:26px;font-weight:700;margin-bottom:8px">● Licence valide</div>` +
    row('N° de licence', f.licence_number) + row('Date de naissance', r.chance(0.5) ? wordsLower(f.birth_date) : dmy(f.birth_date, '/')) +
    row('Catégorie', sex) + row('Club', f.club_name) + row('N° club', f.club_number) + '</div>' +
    `<div style="display:flex;flex-direction:column;align-items:center;gap:30px;padding-top:10px">${qrCode(230, r)}` +
    `<div style="text-align:center">${badge(f.ranking, accent, 130)}<div style="font-size:20px;color:#777;margin-top:8px">Classement</div></div></div></div></div>`;
  const html = `<div style="width:${w}px;height:${h}px;box-sizing:border-box;padding:90px 80px;background:#fff;font-family:${font};color:#1b1d20;position:relative">` +
    `<div style="font-size:34px;font-weight:700;color:${accent}">Ma carte de licencié</div>` +
    `<div style="font-size:22px;color:#666;margin-top:10px">Imprimez cette page et découpez la carte selon les pointillés.</div>${card}` +
    `<div style="position:absolute;left:80px;right:80px;bottom:90px;font-size:19px;color:#888;line-height:1.5">Cette carte est personnelle. ` +
    `Elle peut être demandée par le juge-arbitre lors des compétitions homologuées. Générée le ${dmy(`${Number(f.season) - 1}-${String(r.int(9, 12)).padStart(2, '0')}-${String(r.int(10, 28))}`, '/')}.</div></div>`;
  return { width: w, height: h, html };
}

// A letter (as a federation exports it): the facts in sentences, the sex as Madame/Monsieur.
function licenceLetter(doc, r) {
  const f = doc.fields;
  const w = 1240, h = 1754;
  const font = r.pick(["'Caladea'", "'Switzera ADF'", "'Go'"]);
  const civ = f.sex === 'F' ? 'Madame' : 'Monsieur';
  const ne = f.sex === 'F' ? 'née' : 'né';
  const a = Number(f.season) - 1;
  const seasonTxt = r.pick([`${a}-${f.season}`, `${a}/${f.season}`]);
  const born = r.chance(0.6) ? wordsLower(f.birth_date) : dmy(f.birth_date, '/');
  const html = `<div style="width:${w}px;height:${h}px;box-sizing:border-box;padding:100px 120px;background:#fff;font-family:${font};color:#1a1a1a;position:relative;font-size:27px;line-height:1.6">` +
    `<div style="font-weight:700;font-size:30px">FÉDÉRATION FRANÇAISE DE TENNIS</div><div style="font-size:21px;color:#555">Service des licences<br>2 avenue Gordon Bennett<br>75016 PARIS</div>` +
    `<div style="text-align:right;margin-top:50px;font-size:23px">Paris, le ${wordsLower(`${a}-${String(r.int(9, 12)).padStart(2, '0')}-${String(r.int(10, 28))}`)}</div>` +
    `<div style="margin-top:60px;font-size:32px;font-weight:700;text-align:center;letter-spacing:1px">ATTESTATION DE LICENCE</div>` +
    `<p style="margin-top:50px">La Fédération Française de Tennis atteste que ${civ} <b>${esc(f.given_names)} ${esc(upper(f.surname))}</b>, ${ne} le ${esc(born)}, ` +
    `est titulaire de la licence n° <b>${esc(f.licence_number)}</b> pour la saison sportive ${esc(seasonTxt)}.</p>` +
    `<p>${f.sex === 'F' ? 'Elle' : 'Il'} est licencié${f.sex === 'F' ? 'e' : ''} au club <b>${esc(f.club_name)}</b> (club n° ${esc(f.club_number)}).</p>` +
    `<p>Classement ${r.pick(['au ' + dmy(`${a}-10-01`, '/'), 'actuel'])} : <b>${esc(f.ranking)}</b></p>` +
    `<p>La présente attestation est délivrée pour servir et valoir ce que de droit.</p>` +
    `<div style="margin-top:70px;margin-left:620px;font-size:23px">Pour le Président,<br>le Directeur des licences</div></div>`;
  return { width: w, height: h, html };
}

// A Ten'Up-like screen: full name in mixed case, tabs, QR card, status, badge.
function app(doc, r) {
  const f = doc.fields;
  const dark = r.chance(0.6);
  const bg = dark ? '#0d0f12' : '#f5f6f8', card = dark ? '#181c21' : '#ffffff', ink = dark ? '#f3f4f6' : '#121417', muted = dark ? '#98a0aa' : '#6b7280';
  const accent = r.pick(['#c8e600', '#2bb673', '#ff7a3d']);
  const font = r.pick(["'Comfortaa'", "'Go'", "'Switzera ADF'"]);
  const a = Number(f.season) - 1;
  const season = r.pick([`Licence ${f.season}`, `${a}-${f.season}`]);
  const sex = f.sex === 'F' ? r.pick(['Femme', 'Dames']) : r.pick(['Homme', 'Messieurs']);
  const stack = (l, v) => `<div style="padding:26px 40px;border-bottom:2px solid ${dark ? '#262b31' : '#eceef1'}"><div style="font-size:30px;color:${muted}">${esc(l)}</div>` +
    `<div style="font-size:42px;font-weight:700;margin-top:6px;white-space:nowrap">${esc(v)}</div></div>`;
  const initials = (f.given_names[0] + f.surname[0]).toUpperCase();
  const html = `<div style="position:relative;width:1080px;height:2340px;background:${bg};color:${ink};font-family:${font};box-sizing:border-box">` +
    `<div style="height:90px;display:flex;justify-content:space-between;align-items:center;padding:0 50px;font-size:32px">` +
    `<span>${r.int(7, 22)}:${String(r.int(0, 59)).padStart(2, '0')}</span><span>▮▮▮ 4G ${r.int(15, 99)}%</span></div>` +
    `<div style="display:flex;gap:30px;align-items:center;padding:30px 50px">` +
    `<div style="width:130px;height:130px;border-radius:50%;background:${accent};color:#111;font-size:54px;font-weight:800;display:flex;align-items:center;justify-content:center">${esc(initials)}</div>` +
    `<div><div style="font-size:54px;font-weight:800">${esc(mixedName(f))}</div><div style="font-size:32px;color:${muted};margin-top:6px">${esc(f.club_name)}</div></div></div>` +
    `<div style="display:flex;gap:50px;padding:10px 50px 0 50px;font-size:36px;border-bottom:2px solid ${dark ? '#262b31' : '#e2e4e8'}">` +
    ['Licence', 'Classement', 'Palmarès'].map((t, i) => `<div style="padding-bottom:18px;${i === 0 ? `border-bottom:6px solid ${accent};font-weight:800` : `color:${muted}`}">${t}</div>`).join('') + '</div>' +
    `<div style="margin:40px 50px 0 50px;background:${card};border-radius:36px;padding:40px;display:flex;gap:40px;align-items:center">` +
    `${qrCode(300, r, dark ? '#111' : '#111', '#fff')}<div><div style="font-size:44px;font-weight:800">${esc(season)}</div>` +
    `<div style="margin-top:18px;font-size:34px;color:#2bb673;font-weight:700">● Licence valide</div>` +
    `<div style="margin-top:18px;font-size:30px;color:${muted}">Présentez ce code au juge-arbitre</div></div></div>` +
    `<div style="margin:30px 50px 0 50px;display:flex;gap:30px;align-items:center;background:${card};border-radius:36px;padding:30px 40px">` +
    `${badge(f.ranking, dark ? '#2f3640' : '#1f2937', 150)}<div><div style="font-size:30px;color:${muted}">Classement simple</div>` +
    `<div style="font-size:34px;margin-top:6px">${esc(sex)} · ${esc(r.pick(['Senior', 'Senior +35', 'Senior +45']))}</div></div></div>` +
    `<div style="margin:30px 50px 0 50px;background:${card};border-radius:36px;overflow:hidden">` +
    stack('Numéro de licence', f.licence_number) + stack('Date de naissance', r.chance(0.5) ? dmy(f.birth_date, '/') : wordsLower(f.birth_date)) +
    stack('Club', f.club_name) + stack('N° club', f.club_number) + '</div>' +
    `<div style="position:absolute;bottom:0;left:0;width:1080px;height:180px;background:${card};display:flex;justify-content:space-around;align-items:center;font-size:28px;color:${muted}">` +
    ['Accueil', 'Jouer', 'Ma licence', 'Compte'].map((t) => `<div style="text-align:center;${t === 'Ma licence' ? `color:${accent};font-weight:800` : ''}"><div style="font-size:50px">◆</div>${t}</div>`).join('') +
    '</div></div>';
  return { width: 1080, height: 2340, html, screenshot: true };
}

export function willow(doc, r, condition) {
  switch (doc.kind) {
    case 'fr_passport': return passport(doc, r);
    case 'fr_id_1988': return card1988(doc, r);
    case 'fr_id_2021_front': return cardFront(doc, r);
    case 'fr_id_2021_back': return cardBack(doc, r);
    case 'fr_residence': return residence(doc, r);
    case 'fft_licence':
      if (condition === 'app') return app(doc, r);
      if (condition === 'pdf') return licenceLetter(doc, r);
      return variant(doc, 5, 'lic') < 3 ? licenceCard(doc, r) : licenceLetter(doc, r);
  }
  throw new Error(`willow: unknown kind ${doc.kind}`);
}
willow.app = true;

export const WILLOW_FAMILIES = { willow };
