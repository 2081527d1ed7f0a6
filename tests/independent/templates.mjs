// Document designs for the independent set: HTML/CSS, drawn by Chromium. Three seen families,
// each with its own fonts, colours, label wordings, label placement and date spelling (the
// held-out family is in templates_heldout.mjs: do not read it while working on the engine):
//
//   civic  - labels left of their values ("Nom :"), one or two columns, sans-serif;
//   ribbon - labels above their values, bilingual "Nom / Surname", serif, tinted paper;
//   atlas  - English-first labels, three columns per row, condensed fonts, dark header
//            bands, dotted dates; FFT licences as a phone screenshot of an app. Held out
//            until 2026-12-03, when it was seen; now an ordinary seen family.
//
// Each render(doc, r) returns {html, width, height}: a document `width` x `height` CSS
// pixels (300 dpi for cards and pages, phone pixels for screenshots).

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const dmy = (isoDate, sep) => `${isoDate.slice(8, 10)}${sep}${isoDate.slice(5, 7)}${sep}${isoDate.slice(0, 4)}`;

function mrzBlock(lines, widthPx, { color = '#111', background = 'transparent', pad = 0 } = {}) {
  if (!lines.length) return '';
  const n = lines[0].length;
  // OCR-B advances 0.6 em per character (fixed pitch).
  const size = (widthPx / (n * 0.6)).toFixed(2);
  // data-width: generate.mjs fits the font size to it once the font is loaded.
  return `<div class="mrz" data-width="${widthPx}" style="display:inline-block;font-family:'OCR B';font-size:${size}px;line-height:1.45;` +
    `white-space:pre;color:${color};background:${background};padding:${pad}px;">` +
    lines.map(esc).join('<br>') + '</div>';
}

const photoBox = (w, h, tint) =>
  `<div style="width:${w}px;height:${h}px;background:linear-gradient(160deg,${tint},#888);` +
  `border-radius:6px;flex:none"></div>`;

// ----- civic -------------------------------------------------------------------------
function civic(doc, r) {
  const f = doc.fields;
  const dt = (d) => dmy(d, ' ');
  const font = r.pick(["'Liberation Sans'", "'DejaVu Sans'"]);
  const ink = r.pick(['#1a1a1a', '#102a50', '#2b2b2b']);
  const paper = r.pick(['#f7f4ea', '#eef3f7', '#ffffff', '#f3efe6']);
  const row = (label, value) =>
    `<div class="r"><span class="l">${esc(label)} :</span> <span class="v">${esc(value)}</span></div>`;
  const style = `<style>.d{font-family:${font};color:${ink};background:${paper};box-sizing:border-box;` +
    `border-radius:28px;overflow:hidden;position:relative}.r{margin:6px 0;white-space:nowrap}` +
    `.l{color:#555;font-size:0.8em}.v{font-weight:bold}.t{font-size:30px;font-weight:bold;` +
    `letter-spacing:1px;color:#233f7a}</style>`;
  let w = 1011, h = 638, title = '', rows = [], mrz = '', body;
  switch (doc.kind) {
    case 'fr_passport':
      w = 1476; h = 1039; title = 'RÉPUBLIQUE FRANÇAISE — PASSEPORT';
      rows = [['Nom', f.surname], ['Prénoms', f.given_names], ['Nationalité', 'Française'],
        ['Date de naissance', dt(f.birth_date)], ['Lieu de naissance', f.birth_place],
        ['Sexe', f.sex], ['Passeport n°', f.document_number], ['Délivré le', dt(f.issue_date)],
        ["Date d'expiration", dt(f.expiry_date)]];
      break;
    case 'fr_id_1988':
      title = "CARTE NATIONALE D'IDENTITÉ";
      rows = [['N°', f.document_number], ['Nom', f.surname], ['Prénom(s)', f.given_names],
        ['Sexe', f.sex], ['Né(e) le', dt(f.birth_date)], ['à', f.birth_place]];
      break;
    case 'fr_id_2021_front':
      title = "CARTE NATIONALE D'IDENTITÉ";
      rows = [['Nom', f.surname], ['Prénoms', f.given_names], ['Sexe', f.sex],
        ['Nationalité', f.nationality], ['Date de naissance', dt(f.birth_date)],
        ['Lieu de naissance', f.birth_place], ['N° du document', f.document_number],
        ["Date d'expiration", dt(f.expiry_date)]];
      break;
    case 'fr_id_2021_back':
      title = '';
      rows = [['Adresse', f.address], ['Date de délivrance', dt(f.issue_date)],
        ['Autorité', 'Préfecture']];
      break;
    case 'fr_residence':
      title = 'TITRE DE SÉJOUR';
      rows = [['Nom', f.surname], ['Prénoms', f.given_names], ['Sexe', f.sex],
        ['Nationalité', f.nationality], ['Date de naissance', dt(f.birth_date)],
        ["Valable jusqu'au", dt(f.expiry_date)], ['Type', 'Carte de séjour pluriannuelle']];
      break;
    case 'fft_licence':
      title = 'FÉDÉRATION FRANÇAISE DE TENNIS — LICENCE';
      rows = [['Saison', f.season], ['Nom', f.surname], ['Prénom', f.given_names],
        ['Né(e) le', dt(f.birth_date)], ['Sexe', f.sex], ['N° de licence', f.licence_number],
        ['Classement', f.ranking], ['Club', f.club_name], ['N° club', f.club_number]];
      break;
  }
  const mrzW = Math.round(w * 0.9);
  mrz = mrzBlock(doc.mrz_lines, mrzW);
  const fontSize = doc.kind === 'fr_passport' ? 30 : 24;
  const twoCol = rows.length > 7 && doc.kind !== 'fr_passport';
  const half = Math.ceil(rows.length / 2);
  const rowsHtml = twoCol
    ? `<div style="display:flex;gap:30px"><div>${rows.slice(0, half).map((x) => row(...x)).join('')}</div>` +
      `<div>${rows.slice(half).map((x) => row(...x)).join('')}</div></div>`
    : rows.map((x) => row(...x)).join('');
  const photo = doc.kind === 'fr_id_2021_back' ? '' : photoBox(Math.round(w * 0.22), Math.round(w * 0.28), '#c9b8a4');
  body = `<div class="t">${esc(title)}</div><div style="display:flex;gap:28px;margin-top:18px;` +
    `font-size:${fontSize}px">${photo}<div>${rowsHtml}</div></div>` +
    (mrz ? `<div style="position:absolute;left:${Math.round((w - mrzW) / 2)}px;bottom:${Math.round(h * 0.04)}px">${mrz}</div>` : '');
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px;padding:36px">${body}</div>` };
}

// ----- ribbon ------------------------------------------------------------------------
function ribbon(doc, r) {
  const f = doc.fields;
  const dt = (d) => dmy(d, '/');
  const font = r.pick(["'DejaVu Serif'", "'Liberation Serif'"]);
  const tint = r.pick(['#e4eefc', '#fbe9ec', '#e8f6ea', '#f6f0dc']);
  const accent = r.pick(['#7a1f3d', '#1f4e7a', '#2f6b3a']);
  const cell = (label, value) =>
    `<div class="c"><div class="l">${esc(label)}</div><div class="v">${esc(value)}</div></div>`;
  const style = `<style>.d{font-family:${font};color:#151515;box-sizing:border-box;position:relative;` +
    `overflow:hidden;border-radius:22px;background:repeating-linear-gradient(45deg,${tint},${tint} 6px,` +
    `#ffffff 6px,#ffffff 12px)}.c{margin:0 0 14px 0}.l{font-size:0.62em;color:${accent};` +
    `font-style:italic}.v{font-size:1em;text-transform:none}.h{background:${accent};color:#fff;` +
    `padding:10px 30px;font-size:26px;letter-spacing:2px}</style>`;
  let w = 1011, h = 638, title = '', cells = [];
  switch (doc.kind) {
    case 'fr_passport':
      w = 1476; h = 1039; title = 'PASSEPORT / PASSPORT';
      cells = [['Type / Type', 'P'], ['Code du pays / Country code', 'FRA'],
        ['Passeport n° / Passport No.', f.document_number], ['Nom / Surname', f.surname],
        ['Prénoms / Given names', f.given_names], ['Nationalité / Nationality', 'Française'],
        ['Date de naissance / Date of birth', dt(f.birth_date)], ['Sexe / Sex', f.sex],
        ['Lieu de naissance / Place of birth', f.birth_place],
        ['Date de délivrance / Date of issue', dt(f.issue_date)],
        ["Date d'expiration / Date of expiry", dt(f.expiry_date)]];
      break;
    case 'fr_id_1988':
      title = "RÉPUBLIQUE FRANÇAISE · CARTE NATIONALE D'IDENTITÉ N° " + f.document_number;
      cells = [['Nom', f.surname], ['Prénoms', f.given_names], ['Sexe', f.sex],
        ['Né(e) le', dt(f.birth_date)], ['à', f.birth_place], ['Taille', '1,72 m']];
      break;
    case 'fr_id_2021_front':
      title = "CARTE NATIONALE D'IDENTITÉ / IDENTITY CARD";
      cells = [['Nom / Surname', f.surname], ['Prénoms / Given names', f.given_names],
        ['Sexe / Sex', f.sex], ['Nationalité / Nationality', f.nationality],
        ['Date de naiss. / Date of birth', dt(f.birth_date)],
        ['Lieu de naissance / Place of birth', f.birth_place],
        ['N° du document / Document No', f.document_number],
        ["Date d'expir. / Expiry date", dt(f.expiry_date)]];
      break;
    case 'fr_id_2021_back':
      title = '';
      cells = [['Adresse / Address', f.address], ['Date de délivrance / Date of issue', dt(f.issue_date)]];
      break;
    case 'fr_residence':
      title = 'TITRE DE SÉJOUR / RESIDENCE PERMIT';
      cells = [['Nom / Surname', f.surname], ['Prénoms / Given names', f.given_names],
        ['Sexe / Sex', f.sex], ['Nationalité / Nationality', f.nationality],
        ['Date de naissance / Date of birth', dt(f.birth_date)],
        ["Fin de validité / Valid until", dt(f.expiry_date)]];
      break;
    case 'fft_licence':
      // An attestation page (A4 portrait at 150 dpi).
      w = 1240; h = 1754; title = 'ATTESTATION DE LICENCE';
      cells = [['Saison sportive', `${Number(f.season) - 1}-${f.season}`], ['Nom', f.surname],
        ['Prénom', f.given_names], ['Date de naissance', dt(f.birth_date)],
        ['Sexe', f.sex === 'F' ? 'Féminin' : 'Masculin'], ['Numéro de licence', f.licence_number],
        ['Classement', f.ranking], ['Club', f.club_name], ['Numéro du club', f.club_number]];
      break;
  }
  const fontSize = doc.kind === 'fft_licence' ? 36 : doc.kind === 'fr_passport' ? 32 : 25;
  const cols = doc.kind === 'fft_licence' ? 1 : 2;
  const per = Math.ceil(cells.length / cols);
  const columns = Array.from({ length: cols }, (_, i) =>
    `<div style="flex:1">${cells.slice(i * per, (i + 1) * per).map((x) => cell(...x)).join('')}</div>`).join('');
  const mrzW = Math.round(w * 0.92);
  const mrz = mrzBlock(doc.mrz_lines, mrzW, { background: '#ffffffd0', pad: 6 });
  const photo = doc.kind === 'fr_id_2021_back' || doc.kind === 'fft_licence' ? ''
    : photoBox(Math.round(w * 0.2), Math.round(w * 0.26), '#b7c6d8');
  const page = doc.kind === 'fft_licence'
    ? 'border-radius:0;background:#ffffff;padding-top:60px' : '';
  const body = (title ? `<div class="h">${esc(title)}</div>` : '') +
    `<div style="display:flex;gap:30px;padding:26px 34px;font-size:${fontSize}px">${photo}${columns}</div>` +
    (doc.kind === 'fft_licence'
      ? `<div style="padding:0 34px;font-size:22px;color:#444">Fédération Française de Tennis certifie que la personne ci-dessus est licenciée pour la saison indiquée.</div>`
      : '') +
    (mrz ? `<div style="position:absolute;left:${Math.round((w - mrzW) / 2) - 6}px;bottom:${Math.round(h * 0.035)}px">${mrz}</div>` : '');
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px;${page}">${body}</div>` };
}

// ----- atlas ----------------------------------------------------------------
function atlas(doc, r) {
  const f = doc.fields;
  const dt = (d) => dmy(d, '.');
  const font = r.pick(["'Liberation Sans Narrow'", "'DejaVu Sans Condensed'", "'Liberation Mono'"]);
  const band = r.pick(['#233044', '#4a2340', '#1d4a46']);
  const paper = r.pick(['#fdfcf7', '#eaeef2', '#f2ebe0']);
  const cell = (label, value) =>
    `<td><div class="l">${esc(label)}</div><div class="v">${esc(value)}</div></td>`;
  const style = `<style>.d{font-family:${font};color:#202020;background:${paper};box-sizing:border-box;` +
    `position:relative;overflow:hidden;border-radius:18px;border:3px solid ${band}}td{padding:6px 14px;` +
    `vertical-align:top}.l{font-size:0.55em;text-transform:uppercase;color:#666;letter-spacing:1px}` +
    `.v{font-weight:600}.h{background:${band};color:#f4f4f4;padding:12px 28px;font-size:24px;` +
    `display:flex;justify-content:space-between}</style>`;
  let w = 1011, h = 638, title = '', grid = [];
  switch (doc.kind) {
    case 'fr_passport':
      w = 1476; h = 1039; title = ['PASSPORT', 'PASSEPORT'];
      grid = [[['Type', 'P'], ['Issuing State / État', 'FRA'], ['Passport No. / N°', f.document_number]],
        [['Surname / Nom', f.surname], ['Given names / Prénoms', f.given_names]],
        [['Nationality', 'FRENCH'], ['Date of birth / Né(e) le', dt(f.birth_date)], ['Sex', f.sex]],
        [['Place of birth / Lieu', f.birth_place], ['Date of issue', dt(f.issue_date)],
          ['Date of expiry', dt(f.expiry_date)]]];
      break;
    case 'fr_id_1988':
      title = ['IDENTITÉ', 'RÉPUBLIQUE FRANÇAISE'];
      grid = [[['Card No.', f.document_number]], [['Surname', f.surname], ['Sex', f.sex]],
        [['Given names', f.given_names]], [['Born', dt(f.birth_date)], ['in', f.birth_place]]];
      break;
    case 'fr_id_2021_front':
      title = ['IDENTITY CARD', "CARTE D'IDENTITÉ"];
      grid = [[['Surname', f.surname], ['Document No.', f.document_number]],
        [['Given names', f.given_names], ['Sex', f.sex]],
        [['Date of birth', dt(f.birth_date)], ['Place of birth', f.birth_place], ['Nationality', f.nationality]],
        [['Expiry', dt(f.expiry_date)]]];
      break;
    case 'fr_id_2021_back':
      title = ['', ''];
      grid = [[['Address / Adresse', f.address]], [['Issued / Délivrée le', dt(f.issue_date)]]];
      break;
    case 'fr_residence':
      title = ['RESIDENCE PERMIT', 'TITRE DE SÉJOUR'];
      grid = [[['Surname', f.surname], ['Sex', f.sex]], [['Given names', f.given_names]],
        [['Nationality', f.nationality], ['Date of birth', dt(f.birth_date)], ['Valid until', dt(f.expiry_date)]]];
      break;
    case 'fft_licence':
      return phoneLicence(doc, r);
  }
  const fontSize = doc.kind === 'fr_passport' ? 30 : 23;
  const table = `<table style="font-size:${fontSize}px;border-collapse:collapse">` +
    grid.map((row) => `<tr>${row.map((x) => cell(...x)).join('')}</tr>`).join('') + '</table>';
  const mrzW = Math.round(w * 0.88);
  const mrz = mrzBlock(doc.mrz_lines, mrzW, { color: '#000' });
  const photo = doc.kind === 'fr_id_2021_back' ? ''
    : photoBox(Math.round(w * 0.2), Math.round(w * 0.25), '#9fa8a3');
  const head = title[0] || title[1] ? `<div class="h"><span>${esc(title[0])}</span><span>${esc(title[1])}</span></div>` : '';
  const body = head + `<div style="display:flex;flex-direction:row-reverse;gap:20px;padding:18px 24px">${photo}${table}</div>` +
    (mrz ? `<div style="position:absolute;left:${Math.round((w - mrzW) / 2)}px;bottom:${Math.round(h * 0.05)}px;border-top:2px solid ${band};padding-top:8px">${mrz}</div>` : '');
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px">${body}</div>` };
}

// A licence as a club app shows it on a phone (screenshot, 1080 x 2340).
function phoneLicence(doc, r) {
  const f = doc.fields;
  const dark = r.chance(0.4);
  const bg = dark ? '#121417' : '#f4f6f8';
  const fg = dark ? '#eef0f2' : '#14171a';
  const card = dark ? '#1e2226' : '#ffffff';
  const item = (label, value) =>
    `<div style="display:flex;justify-content:space-between;padding:26px 0;border-bottom:1px solid #8884">` +
    `<span style="opacity:0.65">${esc(label)}</span><span style="font-weight:600">${esc(value)}</span></div>`;
  const html = `<div style="position:relative;width:1080px;height:2340px;background:${bg};color:${fg};font-family:'DejaVu Sans';box-sizing:border-box">` +
    `<div style="height:90px;display:flex;justify-content:space-between;padding:20px 50px;font-size:34px;box-sizing:border-box"><span>09:41</span><span>5G ▮▮▮</span></div>` +
    `<div style="padding:30px 50px;font-size:52px;font-weight:700">Ma licence</div>` +
    `<div style="margin:20px 40px;padding:30px 40px;border-radius:36px;background:${card};font-size:40px">` +
    `<div style="font-size:56px;font-weight:700;margin-bottom:10px">${esc(f.given_names)} ${esc(f.surname)}</div>` +
    `<div style="opacity:0.7;margin-bottom:30px">Licence ${esc(f.season)}</div>` +
    item('Licence No.', f.licence_number) + item('Ranking', f.ranking) +
    item('Date of birth', dmy(f.birth_date, '.')) + item('Gender', f.sex === 'F' ? 'Woman' : 'Man') +
    item('Club', f.club_name) + item('Club No.', f.club_number) + '</div>' +
    `<div style="position:absolute;bottom:0;width:1080px;height:160px;background:${card}"></div></div>`;
  return { width: 1080, height: 2340, html, screenshot: true };
}

export const FAMILIES = { civic, ribbon, atlas };
