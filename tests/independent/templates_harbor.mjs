// The `harbor` family of the independent set (seen): conventions of real documents that
// civic, ribbon and atlas do not have (modelled on /work/shared/reference, not on any
// held-out family):
//
//   - 2021 card (CNIe) as the real one: small grey bilingual caps captions ABOVE larger black
//     caps values ("NOM / Surname", "DATE DE NAISS. / Date of birth"), several fields per row,
//     an empty "NOM D'USAGE / Alternate name", photo at left with a ghost portrait, CAN
//     number, pastel gradient with a guilloche; its back with a two-line address, issuing
//     authority, a seal (DataMatrix-like square) and the TD1 MRZ;
//   - 1988 card: label and value on one line joined by dot leaders, right-aligned labels,
//     values in a blue ink;
//   - passport: numbered bilingual captions ("1. Nom / Surname"), document number in red,
//     dates with month names ("02 JANV/JAN 1965");
//   - residence permit: captions UNDER their values, or numbered labels on the value's line
//     ("1. NOM  MARCHAND"), as on EU driving licences;
//   - FFT licence: a printed "ATTESTATION DE LICENCE" whose facts sit in a sentence
//     ("certifie que Mme Camille MARCHAND, née le 02/01/1965, est titulaire de la licence
//     n° 1234567 A pour la saison 2027 ..."), plus a small recap box; as `app`, a Ten'Up-like
//     screenshot (cards, chips for ranking and season "Saison 2026/2027", "Club : ...").
//
// Given names in caps separated by commas ("CAMILLE, ANAËLLE") as the CNIe prints them;
// dates with French month abbreviations ("02 JANV 1965", "02 JANV. 1965") or "02.01.1965".
// Fonts: Lato, Open Sans, Roboto, Roboto Condensed (fonts-lato, fonts-open-sans,
// fonts-roboto-unhinted; scripts/install-deps.sh --test).
//
// harbor(doc, r, condition) returns {html, width, height[, screenshot]}; harbor.app marks that
// it draws the `app` condition.

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const MONTHS_FR = ['JANV', 'FÉVR', 'MARS', 'AVR', 'MAI', 'JUIN', 'JUIL', 'AOÛT', 'SEPT', 'OCT', 'NOV', 'DÉC'];
const MONTHS_EN = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const MONTHS_LONG = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août',
  'septembre', 'octobre', 'novembre', 'décembre'];
const parts = (d) => ({ y: d.slice(0, 4), m: Number(d.slice(5, 7)), d: d.slice(8, 10) });
// "02 JANV 1965", "02 JANV. 1965" (period after a cut word), "02 JANV/JAN 1965", "02.01.1965".
function dateStyle(r) {
  const style = r.pick(['abbr', 'abbrdot', 'dots']);
  return (iso) => {
    const { y, m, d } = parts(iso);
    if (style === 'dots') return `${d}.${String(m).padStart(2, '0')}.${y}`;
    const fr = MONTHS_FR[m - 1];
    const dot = style === 'abbrdot' && fr.length === 4 && !['MARS', 'JUIN', 'JUIL', 'AOÛT'].includes(fr) ? '.' : '';
    return `${d} ${fr}${dot} ${y}`;
  };
}
const bilingualDate = (iso) => {
  const { y, m, d } = parts(iso);
  return `${d} ${MONTHS_FR[m - 1]}/${MONTHS_EN[m - 1]} ${y}`;
};
const longDate = (iso) => {
  const { y, m, d } = parts(iso);
  return `${Number(d) === 1 ? '1er' : Number(d)} ${MONTHS_LONG[m - 1]} ${y}`;
};
const slashDate = (iso) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const upper = (s) => s.toLocaleUpperCase('fr-FR');
const givenCaps = (g) => upper(g).split(' ').join(', ');

function mrzBlock(lines, widthPx, { color = '#111' } = {}) {
  if (!lines.length) return '';
  const n = lines[0].length;
  const size = (widthPx / (n * 0.6)).toFixed(2);
  return `<div class="mrz" data-width="${widthPx}" style="display:inline-block;font-family:'OCR B';font-size:${size}px;line-height:1.4;` +
    `white-space:pre;color:${color};padding:0px;">` + lines.map(esc).join('<br>') + '</div>';
}

// A portrait: head and shoulders on a plain background (ghost = faded, small).
function portrait(w, h, { ghost = false, bg = '#dfe4ea' } = {}) {
  const skin = ghost ? '#0000' : '#c9a58a';
  const op = ghost ? 0.28 : 1;
  return `<div style="width:${w}px;height:${h}px;flex:none;position:relative;overflow:hidden;opacity:${op};` +
    `background:${ghost ? 'transparent' : bg};border-radius:4px;${ghost ? 'filter:grayscale(1)' : ''}">` +
    `<div style="position:absolute;left:${w * 0.3}px;top:${h * 0.16}px;width:${w * 0.4}px;height:${h * 0.42}px;` +
    `border-radius:50%;background:${ghost ? '#667' : skin}"></div>` +
    `<div style="position:absolute;left:${w * 0.1}px;top:${h * 0.62}px;width:${w * 0.8}px;height:${h * 0.5}px;` +
    `border-radius:45% 45% 0 0;background:${ghost ? '#556' : '#3d4a5c'}"></div></div>`;
}

// A square of pseudo-random black cells (the CNIe's seal, a DataMatrix; not decodable).
function sealSquare(size, r) {
  const n = 18;
  const cell = size / n;
  let cells = '';
  for (let y = 0; y < n; ++y) {
    for (let x = 0; x < n; ++x) {
      const edge = x === 0 || y === n - 1 || (y === 0 && x % 2 === 0) || (x === n - 1 && y % 2 === 1);
      if (edge || r.chance(0.45)) {
        cells += `<div style="position:absolute;left:${(x * cell).toFixed(1)}px;top:${(y * cell).toFixed(1)}px;` +
          `width:${cell.toFixed(1)}px;height:${cell.toFixed(1)}px;background:#111"></div>`;
      }
    }
  }
  return `<div style="position:relative;width:${size}px;height:${size}px;flex:none;background:#fff">${cells}</div>`;
}

// A pale security background: two-colour gradient with fine wavy guilloche lines.
const guilloche = (a, b) =>
  `background:repeating-radial-gradient(circle at 70% 120%,#ffffff00 0 9px,#ffffff55 9px 10px),` +
  `repeating-linear-gradient(115deg,#ffffff00 0 13px,#8aa0c022 13px 14px),linear-gradient(100deg,${a},${b})`;

// ----- cards -------------------------------------------------------------------------
// Caption above value: small grey caps caption, value in larger caps.
const above = (caption, value, { width = 'auto', size = 1 } = {}) =>
  `<div style="flex:${width === 'auto' ? '0 0 auto' : `0 0 ${width}px`};margin:0 26px 10px 0">` +
  `<div class="cap">${caption}</div><div class="val" style="font-size:${size}em">${esc(value)}</div></div>`;
const cap2 = (fr, en) => `${esc(fr)} / <i>${esc(en)}</i>`;

function cnieFront(doc, r) {
  const f = doc.fields;
  const dt = dateStyle(r);
  const font = r.pick(["'Roboto'", "'Open Sans'", "'Lato'"]);
  const [a, b] = r.pick([['#e6eefa', '#f6e4ea'], ['#e2f0f4', '#eae6f6'], ['#edf2e4', '#e4ecf6']]);
  const w = 1011, h = 638;
  const style = `<style>.d{font-family:${font};color:#111;box-sizing:border-box;position:relative;overflow:hidden;` +
    `border-radius:34px;${guilloche(a, b)}}.cap{font-size:15px;color:#6a6f78;text-transform:none;letter-spacing:0.3px;` +
    `white-space:nowrap}.cap{font-variant:small-caps}.val{font-size:27px;font-weight:600;white-space:nowrap;` +
    `letter-spacing:0.5px}</style>`;
  const alt = r.chance(0.3) ? `ÉP. ${r.pick(['MARTIN', 'BERNARD', 'PETIT'])}` : '';
  const can = String(r.int(100000, 999999));
  const head = `<div style="display:flex;align-items:center;justify-content:space-between;padding:22px 34px 8px 34px">` +
    `<div style="font-size:19px;line-height:1.2"><b style="font-size:23px;letter-spacing:1px">RÉPUBLIQUE FRANÇAISE</b><br>` +
    `<span style="color:#2f4a86">CARTE NATIONALE D'IDENTITÉ / <i>IDENTITY CARD</i></span></div>` +
    `<div style="width:64px;height:44px;border-radius:6px;background:linear-gradient(90deg,#1f3f94 33%,#fff 33% 66%,#d8283a 66%);` +
    `display:flex;align-items:center;justify-content:center;font-size:18px;font-weight:700;color:#111">FR</div></div>`;
  const rows = [
    [above(cap2('NOM', 'Surname'), upper(f.surname), { size: 1.15 })],
    [above(cap2("NOM D'USAGE", 'Alternate name'), alt || '\u00a0')],
    [above(cap2('PRÉNOMS', 'Given names'), givenCaps(f.given_names))],
    [above(cap2('SEXE', 'Sex'), f.sex), above(cap2('NATIONALITÉ', 'Nationality'), f.nationality),
      above(cap2('DATE DE NAISS.', 'Date of birth'), dt(f.birth_date))],
    [above(cap2('LIEU DE NAISSANCE', 'Place of birth'), f.birth_place)],
    [above(cap2('N° DU DOCUMENT', 'Document No'), f.document_number),
      above(cap2("DATE D'EXPIR.", 'Expiry date'), dt(f.expiry_date))],
  ];
  const fields = rows.map((row) => `<div style="display:flex;flex-wrap:nowrap">${row.join('')}</div>`).join('');
  const body = head + `<div style="display:flex;gap:26px;padding:8px 30px 0 34px">` +
    `<div style="display:flex;flex-direction:column;gap:12px">${portrait(210, 270)}` +
    `<div style="font-family:'Roboto Condensed';font-size:13px;color:#555">SIGNATURE<div style="height:36px;` +
    `border-bottom:2px solid #223;width:190px;transform:skewX(-20deg)"></div></div></div>` +
    `<div style="flex:1">${fields}</div></div>` +
    `<div style="position:absolute;right:40px;top:150px">${portrait(110, 140, { ghost: true })}</div>` +
    `<div style="position:absolute;right:40px;bottom:24px;font-size:22px;font-family:'Roboto Condensed';letter-spacing:2px">${can}</div>`;
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px">${body}</div>` };
}

function cnieBack(doc, r) {
  const f = doc.fields;
  const dt = dateStyle(r);
  const font = r.pick(["'Roboto'", "'Open Sans'", "'Lato'"]);
  const [a, b] = r.pick([['#eef1f8', '#f5ecef'], ['#e8f2f4', '#efedf7']]);
  const w = 1011, h = 638;
  // The address on two lines: street, then postcode and town.
  const m = f.address.match(/^(.*) (\d{5}) (.*)$/);
  const addr = m ? `${esc(m[1])}<br>${esc(m[2])} ${esc(m[3])}` : esc(f.address);
  const style = `<style>.d{font-family:${font};color:#111;box-sizing:border-box;position:relative;overflow:hidden;` +
    `border-radius:34px;${guilloche(a, b)}}.cap{font-size:15px;color:#6a6f78;white-space:nowrap;font-variant:small-caps}` +
    `.val{font-size:24px;font-weight:600;white-space:nowrap;margin-bottom:12px}</style>`;
  const prefecture = `PRÉFECTURE ${r.pick(['DE LA LOIRE-ATLANTIQUE', 'DU RHÔNE', 'DE LA GIRONDE', 'DU NORD', 'DE L\'ISÈRE'])}`;
  const height = `${r.int(150, 195)} cm`;
  const body = `<div style="display:flex;gap:30px;padding:34px 40px 0 40px">` +
    `<div style="flex:1"><div class="cap">${cap2('ADRESSE', 'Address')}</div><div class="val" style="line-height:1.25">${addr}</div>` +
    `<div style="display:flex;gap:40px"><div><div class="cap">${cap2('TAILLE', 'Height')}</div><div class="val">${height}</div></div>` +
    `<div><div class="cap">${cap2('DATE DE DÉLIVRANCE', 'Date of issue')}</div><div class="val">${dt(f.issue_date)}</div></div></div>` +
    `<div class="cap">${cap2('AUTORITÉ DE DÉLIVRANCE', 'Issuing authority')}</div><div class="val">${esc(prefecture)}</div></div>` +
    `${sealSquare(190, r)}</div>`;
  const mrzW = Math.round(w * 0.86);
  const mrz = `<div style="position:absolute;left:0;right:0;bottom:0;height:${Math.round(h * 0.34)}px;background:#ffffffcc;` +
    `display:flex;align-items:center;justify-content:center">${mrzBlock(doc.mrz_lines, mrzW)}</div>`;
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px">${body}${mrz}</div>` };
}

// The 1988 card: label and value on one line, dot leaders, right-aligned labels, blue values.
function card1988(doc, r) {
  const f = doc.fields;
  const font = r.pick(["'Roboto Condensed'", "'Lato'"]);
  const ink = r.pick(['#1b3f8f', '#24407a', '#3a2b7a']);
  const w = 1011, h = 638;
  const leader = (label, value, width = 210) =>
    `<div style="display:flex;align-items:baseline;margin:4px 0;white-space:nowrap">` +
    `<span style="flex:0 0 ${width}px;text-align:right;font-size:19px;color:#444">${esc(label)}</span>` +
    `<span style="flex:0 0 70px;overflow:hidden;color:#999;font-size:19px;letter-spacing:2px;margin:0 6px">..........</span>` +
    `<span style="color:${ink};font-size:27px;font-weight:700">${esc(value)}</span></div>`;
  const style = `<style>.d{font-family:${font};color:#222;box-sizing:border-box;position:relative;overflow:hidden;` +
    `border-radius:26px;background:repeating-linear-gradient(60deg,#f3efe2 0 5px,#eee7d6 5px 7px),#f3efe2}</style>`;
  const body = `<div style="padding:20px 34px 0 34px;font-size:22px;color:#333;display:flex;justify-content:space-between">` +
    `<span style="letter-spacing:1px">RÉPUBLIQUE FRANÇAISE</span>` +
    `<span>CARTE NATIONALE D'IDENTITÉ N° <b style="color:${ink};font-size:26px">${esc(f.document_number)}</b></span></div>` +
    `<div style="display:flex;gap:20px;padding:16px 30px 0 30px">${portrait(200, 250, { bg: '#e9e4d8' })}<div>` +
    leader('Nom', upper(f.surname)) + leader('Prénom(s)', givenCaps(f.given_names)) +
    leader('Sexe', f.sex) + leader('Né(e) le', `${f.birth_date.slice(8, 10)}.${f.birth_date.slice(5, 7)}.${f.birth_date.slice(0, 4)}`) +
    leader('à', f.birth_place) + leader('Taille', `${(r.int(150, 195) / 100).toFixed(2).replace('.', ',')} m`) +
    `<div style="font-size:15px;color:#777;margin:6px 0 0 286px">Signature du titulaire</div></div></div>`;
  const mrzW = Math.round(w * 0.92);
  const mrz = `<div style="position:absolute;left:${Math.round((w - mrzW) / 2)}px;bottom:18px">${mrzBlock(doc.mrz_lines, mrzW)}</div>`;
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px">${body}${mrz}</div>` };
}

// Passport data page: numbered bilingual captions, the number in red, month-name dates.
function passport(doc, r) {
  const f = doc.fields;
  const font = r.pick(["'Open Sans'", "'Lato'", "'Roboto'"]);
  const w = 1476, h = 1039;
  const cell = (n, fr, en, value, { color = '#111', width = 'auto' } = {}) =>
    `<div style="flex:${width === 'auto' ? '0 0 auto' : `0 0 ${width}px`};margin:0 40px 14px 0;white-space:nowrap">` +
    `<div style="font-size:18px;color:#5b6270">${n}. ${esc(fr)} / <i>${esc(en)}</i></div>` +
    `<div style="font-size:33px;font-weight:600;color:${color}">${esc(value)}</div></div>`;
  const row = (...cells) => `<div style="display:flex">${cells.join('')}</div>`;
  const style = `<style>.d{font-family:${font};color:#111;box-sizing:border-box;position:relative;overflow:hidden;` +
    `${guilloche('#efe9f4', '#e4eef0')}}</style>`;
  const body = `<div style="padding:30px 50px 6px 50px;font-size:28px;letter-spacing:2px;color:#3b2a6a;display:flex;justify-content:space-between">` +
    `<span>RÉPUBLIQUE FRANÇAISE</span><span>PASSEPORT / <i>PASSPORT</i></span></div>` +
    `<div style="display:flex;gap:44px;padding:16px 50px">${portrait(330, 430)}<div>` +
    row(cell(1, 'Type', 'Type', 'P'), cell(2, 'Code du pays', 'Country code', 'FRA'),
      cell(3, 'Passeport n°', 'Passport No', f.document_number, { color: '#b01c2e' })) +
    row(cell(4, 'Nom', 'Surname', upper(f.surname))) +
    row(cell(5, 'Prénoms', 'Given names', givenCaps(f.given_names))) +
    row(cell(6, 'Nationalité', 'Nationality', 'FRANÇAISE'), cell(7, 'Date de naissance', 'Date of birth', bilingualDate(f.birth_date))) +
    row(cell(8, 'Sexe', 'Sex', f.sex), cell(9, 'Lieu de naissance', 'Place of birth', f.birth_place)) +
    row(cell(10, 'Date de délivrance', 'Date of issue', bilingualDate(f.issue_date)),
      cell(11, "Date d'expiration", 'Date of expiry', bilingualDate(f.expiry_date))) +
    row(cell(12, 'Autorité', 'Authority', 'PRÉFECTURE')) + '</div></div>';
  const mrzW = Math.round(w * 0.9);
  const mrz = `<div style="position:absolute;left:${Math.round((w - mrzW) / 2)}px;bottom:${Math.round(h * 0.04)}px">${mrzBlock(doc.mrz_lines, mrzW)}</div>`;
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px">${body}${mrz}</div>` };
}

// Residence permit: captions under their values, or EU-licence numbered labels on the line.
function residence(doc, r) {
  const f = doc.fields;
  const dt = dateStyle(r);
  const font = r.pick(["'Lato'", "'Open Sans'", "'Roboto Condensed'"]);
  const w = 1011, h = 638;
  const layout = r.pick(['under', 'numbered']);
  const valueColor = r.pick(['#111', '#10306e']);
  const under = (value, fr, en) =>
    `<div style="margin:0 30px 8px 0;white-space:nowrap"><div style="font-size:26px;font-weight:700;color:${valueColor};` +
    `border-bottom:1px solid #9aa4b4">${esc(value)}</div><div style="font-size:14px;color:#6b7280">${esc(fr)} / <i>${esc(en)}</i></div></div>`;
  const numbered = (n, label, value) =>
    `<div style="margin:3px 0;white-space:nowrap;font-size:25px"><span style="font-size:17px;color:#5a6172;display:inline-block;` +
    `min-width:190px">${n}. ${esc(label)}</span><span style="font-weight:700;color:${valueColor}">${esc(value)}</span></div>`;
  const sex = f.sex;
  let fields;
  if (layout === 'under') {
    fields = under(upper(f.surname), 'Nom', 'Surname') + under(givenCaps(f.given_names), 'Prénoms', 'Given names') +
      `<div style="display:flex">${under(sex, 'Sexe', 'Sex')}${under(f.nationality, 'Nationalité', 'Nationality')}` +
      `${under(dt(f.birth_date), 'Date de naissance', 'Date of birth')}</div>` +
      `<div style="display:flex">${under(dt(f.expiry_date), "Valable jusqu'au", 'Valid until')}` +
      `${under('CARTE DE SÉJOUR PLURIANNUELLE', 'Type de titre', 'Type of permit')}</div>`;
  } else {
    fields = numbered(1, 'NOM', upper(f.surname)) + numbered(2, 'PRÉNOMS', givenCaps(f.given_names)) +
      numbered(3, 'DATE DE NAISSANCE', dt(f.birth_date)) + numbered(4, 'SEXE', sex) +
      numbered(5, 'NATIONALITÉ', f.nationality) + numbered(6, 'FIN DE VALIDITÉ', dt(f.expiry_date)) +
      numbered(7, 'TYPE', 'VIE PRIVÉE ET FAMILIALE');
  }
  const style = `<style>.d{font-family:${font};color:#111;box-sizing:border-box;position:relative;overflow:hidden;` +
    `border-radius:30px;${guilloche('#f0ece0', '#e2ecf2')}}</style>`;
  const body = `<div style="padding:20px 34px 4px 34px;display:flex;justify-content:space-between;font-size:21px">` +
    `<b style="letter-spacing:1px">TITRE DE SÉJOUR</b><span style="color:#555">RÉPUBLIQUE FRANÇAISE · RESIDENCE PERMIT</span></div>` +
    `<div style="display:flex;gap:24px;padding:10px 30px 0 34px">${portrait(180, 230)}<div>${fields}</div></div>`;
  const mrzW = Math.round(w * 0.9);
  const mrz = `<div style="position:absolute;left:${Math.round((w - mrzW) / 2)}px;bottom:16px">${mrzBlock(doc.mrz_lines, mrzW)}</div>`;
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px">${body}${mrz}</div>` };
}

// ----- FFT licence -------------------------------------------------------------------
// A printed attestation (A4 portrait, 150 dpi): the facts in a sentence, then a recap box.
function attestation(doc, r) {
  const f = doc.fields;
  const font = r.pick(["'Lato'", "'Open Sans'", "'Roboto'"]);
  const w = 1240, h = 1754;
  const fem = f.sex === 'F';
  const civ = fem ? 'Mme' : 'M.';
  const ne = fem ? 'née' : 'né';
  const first = f.given_names.split(' ')[0];
  const seasonText = r.chance(0.5) ? `${Number(f.season) - 1}/${f.season}` : f.season;
  const birth = r.chance(0.5) ? slashDate(f.birth_date) : longDate(f.birth_date);
  const today = longDate(`${Number(f.season) - 1}-${String(r.int(9, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`);
  const recap = (label, value) =>
    `<tr><td style="padding:8px 18px;color:#555;border-bottom:1px solid #ddd">${esc(label)}</td>` +
    `<td style="padding:8px 18px;font-weight:700;border-bottom:1px solid #ddd">${esc(value)}</td></tr>`;
  const html = `<div style="width:${w}px;height:${h}px;box-sizing:border-box;padding:90px 110px;background:#fff;` +
    `font-family:${font};color:#1b1b1b;position:relative">` +
    `<div style="display:flex;justify-content:space-between;align-items:center">` +
    `<div style="width:120px;height:120px;border-radius:50%;background:radial-gradient(circle,#d8e36a 0 38%,#24508c 39% 100%)"></div>` +
    `<div style="text-align:right;font-size:22px;color:#24508c;line-height:1.4"><b>Fédération Française de Tennis</b><br>` +
    `Stade Roland-Garros<br>2 avenue Gordon-Bennett · 75016 Paris</div></div>` +
    `<div style="margin:110px 0 70px 0;text-align:center;font-size:46px;font-weight:700;letter-spacing:3px">ATTESTATION DE LICENCE</div>` +
    `<p style="font-size:30px;line-height:1.7;text-align:justify">La Fédération Française de Tennis certifie que ` +
    `<b>${civ} ${esc(f.given_names)} ${esc(upper(f.surname))}</b>, ${ne} le ${esc(birth)}, est titulaire de la licence ` +
    `n° <b>${esc(f.licence_number)}</b> pour la saison <b>${esc(seasonText)}</b>, au titre du club ` +
    `<b>${esc(f.club_name)}</b> (n° ${esc(f.club_number)}).</p>` +
    `<p style="font-size:30px;line-height:1.7">Compétition autorisée.</p>` +
    `<table style="margin-top:50px;font-size:27px;border-collapse:collapse;border:1px solid #ccc">` +
    recap('Licence', `Licence Club FFT ${f.season}`) + recap('Classement simple', f.ranking) +
    recap('Club', f.club_name) + '</table>' +
    `<p style="font-size:26px;margin-top:70px">Fait à Paris, le ${esc(today)}, pour servir et valoir ce que de droit.</p>` +
    `<p style="font-size:24px;margin-top:40px;color:#444">Pour le Président, ${first === 'Hugo' ? 'le Directeur général' : 'la Directrice générale'}</p>` +
    `<div style="position:absolute;bottom:70px;left:110px;right:110px;border-top:1px solid #bbb;padding-top:14px;` +
    `font-size:18px;color:#777">Document généré depuis l'espace licencié. Vérifiez son authenticité auprès de votre club.</div></div>`;
  return { width: w, height: h, html };
}

// A Ten'Up-like screen: name header, chips, cards "N° licence", "Club : ...".
function app(doc, r) {
  const f = doc.fields;
  const dark = r.chance(0.5);
  const bg = dark ? '#0f1b2d' : '#f2f4f7';
  const fg = dark ? '#f1f4f8' : '#0f1b2d';
  const card = dark ? '#18283f' : '#ffffff';
  const accent = r.pick(['#d7e23c', '#3ec7a0', '#f0a030']);
  const muted = dark ? '#9fb0c6' : '#667085';
  const seasonText = r.chance(0.5) ? `Saison ${Number(f.season) - 1}/${f.season}` : `Saison ${f.season}`;
  const chip = (text) => `<span style="display:inline-block;padding:12px 30px;margin:0 16px 16px 0;border-radius:40px;` +
    `background:${accent};color:#0f1b2d;font-weight:700;font-size:38px">${esc(text)}</span>`;
  const line = (label, value) => `<div style="padding:24px 0;border-top:1px solid ${muted}44">` +
    `<div style="font-size:30px;color:${muted}">${esc(label)}</div><div style="font-size:42px;font-weight:600;margin-top:6px">${esc(value)}</div></div>`;
  const initials = `${f.given_names[0]}${f.surname[0]}`;
  const html = `<div style="position:relative;width:1080px;height:2340px;background:${bg};color:${fg};font-family:'Roboto';box-sizing:border-box">` +
    `<div style="height:100px;display:flex;justify-content:space-between;align-items:center;padding:0 60px;font-size:36px;font-weight:500">` +
    `<span>14:07</span><span>▲ ◢ ▮ 87 %</span></div>` +
    `<div style="display:flex;align-items:center;padding:30px 50px;font-size:40px;gap:30px"><span style="font-size:56px">‹</span>` +
    `<span style="font-weight:700;letter-spacing:2px">TEN'UP</span></div>` +
    `<div style="margin:10px 40px;padding:50px;border-radius:40px;background:${card}">` +
    `<div style="display:flex;align-items:center;gap:36px"><div style="width:170px;height:170px;border-radius:50%;background:${accent};` +
    `color:#0f1b2d;font-size:70px;font-weight:700;display:flex;align-items:center;justify-content:center">${esc(initials)}</div>` +
    `<div><div style="font-size:58px;font-weight:700">${esc(f.given_names)}</div>` +
    `<div style="font-size:58px;font-weight:700">${esc(upper(f.surname))}</div></div></div>` +
    `<div style="margin-top:40px">${chip(f.ranking)}${chip(seasonText)}</div></div>` +
    `<div style="margin:30px 40px;padding:20px 50px;border-radius:40px;background:${card}">` +
    `<div style="font-size:44px;font-weight:700;padding:20px 0">Ma licence</div>` +
    line('N° licence', f.licence_number) + line('Né(e) le', longDate(f.birth_date)) +
    line('Genre', f.sex === 'F' ? 'Femme' : 'Homme') +
    `<div style="padding:24px 0;border-top:1px solid ${muted}44;font-size:38px">Club : <b>${esc(f.club_name)}</b></div>` +
    `<div style="padding:0 0 24px 0;font-size:32px;color:${muted}">N° club ${esc(f.club_number)}</div></div>` +
    `<div style="margin:30px 40px;padding:36px 50px;border-radius:40px;background:${card};font-size:34px;color:${muted}">` +
    `Compétition autorisée · Licence Club FFT</div>` +
    `<div style="position:absolute;bottom:0;width:1080px;height:190px;background:${card};display:flex;justify-content:space-around;` +
    `align-items:center;font-size:30px;color:${muted}"><span>Accueil</span><span>Réserver</span><span>Tournois</span>` +
    `<span style="color:${fg};font-weight:700">Licence</span></div></div>`;
  return { width: 1080, height: 2340, html, screenshot: true };
}

export function harbor(doc, r, condition) {
  switch (doc.kind) {
    case 'fr_passport': return passport(doc, r);
    case 'fr_id_1988': return card1988(doc, r);
    case 'fr_id_2021_front': return cnieFront(doc, r);
    case 'fr_id_2021_back': return cnieBack(doc, r);
    case 'fr_residence': return residence(doc, r);
    case 'fft_licence': return condition === 'app' ? app(doc, r) : attestation(doc, r);
  }
  throw new Error(`harbor: unknown kind ${doc.kind}`);
}
harbor.app = true;

export const HARBOR_FAMILIES = { harbor };
