// HELD OUT — do not read this file while working on the engine (src/, tools/).
//
// The held-out design family of the independent set (see README.md here). Nobody who
// changes the engine may look at this file, at the images it draws or at their misses:
// it is only generated and scored (`tests/independent/evaluate.sh heldout`), and its
// rows are reported apart, marked "(held out)". Once someone has looked, it is no longer
// held out and must be replaced by a new family before the next engine change.
//
// render(doc, r, condition) returns {html, width, height[, screenshot]} like the families of
// templates.mjs; for the FFT licence under the condition `app` it returns a phone screenshot.
// Fonts: FreeSans/FreeSerif (fonts-freefont-ttf) and Carlito (fonts-crosextra-carlito).

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const parts = (d) => [d.slice(8, 10), d.slice(5, 7), d.slice(0, 4)];
const MONTHS_FR = ['JANV.', 'FÉVR.', 'MARS', 'AVR.', 'MAI', 'JUIN', 'JUIL.', 'AOÛT', 'SEPT.',
  'OCT.', 'NOV.', 'DÉC.'];
const MONTHS_EN = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const MONTHS_LONG = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.',
  'oct.', 'nov.', 'déc.'];
const spaced = (d) => parts(d).join(' ');
const dotted = (d) => parts(d).join('.');
const slashed = (d) => parts(d).join('/');
const bilingualMonth = (d) => {
  const [dd, mm, yyyy] = parts(d);
  return `${dd} ${MONTHS_FR[Number(mm) - 1]}/${MONTHS_EN[Number(mm) - 1]} ${yyyy}`;
};
const longMonth = (d) => {
  const [dd, mm, yyyy] = parts(d);
  return `${Number(dd)} ${MONTHS_LONG[Number(mm) - 1]} ${yyyy}`;
};
const commas = (given) => given.split(' ').join(', ');

function mrzBlock(lines, widthPx) {
  if (!lines.length) return '';
  const size = (widthPx / (lines[0].length * 0.6)).toFixed(2);
  return `<div class="mrz" data-width="${widthPx}" style="display:inline-block;font-family:'OCR B';` +
    `font-size:${size}px;line-height:1.38;white-space:pre;color:#0c0c0c">` + lines.map(esc).join('<br>') + '</div>';
}

// A pale guilloche-like security background: crossed rings and rays over tinted paper.
function guilloche(r, paper, ink) {
  const x1 = r.int(-20, 30), y1 = r.int(80, 130), x2 = r.int(70, 120), y2 = r.int(-30, 20);
  return `repeating-radial-gradient(circle at ${x1}% ${y1}%,${ink} 0 1px,#0000 1px 9px),` +
    `repeating-radial-gradient(circle at ${x2}% ${y2}%,${ink} 0 1px,#0000 1px 12px),` +
    `repeating-conic-gradient(from ${r.int(0, 90)}deg at ${r.int(40, 60)}% ${r.int(40, 60)}%,#0000 0 2.5deg,${ink} 2.5deg 3deg),` +
    paper;
}

// A person-shaped placeholder in a frame.
function photo(w, h, tone, opacity = 1) {
  return `<div style="width:${w}px;height:${h}px;flex:none;position:relative;overflow:hidden;opacity:${opacity};` +
    `background:linear-gradient(180deg,#dfe3e6,#b9c0c6);border:2px solid #0003">` +
    `<div style="position:absolute;left:30%;top:18%;width:40%;height:38%;border-radius:50%;background:${tone}"></div>` +
    `<div style="position:absolute;left:12%;top:60%;width:76%;height:60%;border-radius:45% 45% 0 0;background:${tone}"></div></div>`;
}

// A field as a box: its label in small capitals set into the top border, the value inside.
const box = (label, value, span = 1) =>
  `<div class="f" style="grid-column:span ${span}"><div class="l">${esc(label)}</div><div class="v">${esc(value)}</div></div>`;

function card(doc, r) {
  const f = doc.fields;
  const font = r.pick(["'FreeSans'", "'Carlito'", "'FreeSerif'"]);
  const paper = r.pick(['#f4efe3', '#e9f0ec', '#eef0f7', '#f6ecef']);
  const ink = r.pick(['#1a3c6e22', '#6e1a4a1f', '#1a6e5222', '#8a6d1f24']);
  const accent = r.pick(['#24466f', '#6b2a4d', '#245f52', '#5c4a1c']);
  let w = 1011, h = 638, title = '', sub = '', fields = [], photoSide = true;
  switch (doc.kind) {
    case 'fr_passport': {
      w = 1476; h = 1039; title = 'PASSEPORT'; sub = 'PASSPORT · PASAPORTE';
      const date = r.chance(0.6) ? bilingualMonth : spaced;
      fields = [
        ['Type / Type / Tipo', 'P'], ['Code du pays / Country code / Código del país', 'FRA'],
        ['Passeport n° / Passport No. / Pasaporte n°', f.document_number, 2],
        ['1. Nom / Surname / Apellidos', f.surname, 2],
        ['2. Prénoms / Given names / Nombres', commas(f.given_names), 2],
        ['3. Nationalité / Nationality / Nacionalidad', 'Française', 2],
        ['4. Date de naissance / Date of birth', date(f.birth_date)], ['5. Sexe / Sex / Sexo', f.sex],
        ['6. Lieu de naissance / Place of birth', f.birth_place, 2],
        ['7. Date de délivrance / Date of issue', date(f.issue_date)],
        ["8. Date d'expiration / Date of expiry", date(f.expiry_date)],
      ];
      break;
    }
    case 'fr_id_1988':
      title = "CARTE NATIONALE D'IDENTITÉ"; sub = `N° : ${f.document_number}`;
      fields = [['Nom', f.surname, 2], ['Prénom(s)', commas(f.given_names), 2], ['Sexe', f.sex],
        ['Né(e) le', dotted(f.birth_date)], ['à', f.birth_place, 2], ['Taille', `${r.int(150, 195) / 100} m`.replace('.', ',')]];
      break;
    case 'fr_id_2021_front':
      title = "CARTE NATIONALE D'IDENTITÉ"; sub = 'IDENTITY CARD';
      fields = [['NOM / Surname', f.surname, 2], ['Prénoms / Given names', commas(f.given_names), 2],
        ['Sexe / Sex', f.sex], ['Nationalité / Nationality', f.nationality],
        ['Date de naiss. / Date of birth', spaced(f.birth_date)],
        ['Lieu de naissance / Place of birth', f.birth_place],
        ['N° du document / Document No', f.document_number],
        ["Date d'expir. / Expiry date", spaced(f.expiry_date)]];
      break;
    case 'fr_id_2021_back':
      title = ''; sub = ''; photoSide = false;
      fields = [['Adresse / Address', f.address, 2],
        ['Date de délivrance / Date of issue', spaced(f.issue_date)],
        ['Autorité de délivrance / Issuing authority', 'Préfecture'],
        ['Taille / Height', `${r.int(150, 195)} cm`], ['CAN', String(r.int(100000, 999999))]];
      break;
    case 'fr_residence': {
      title = 'TITRE DE SÉJOUR'; sub = 'RESIDENCE PERMIT';
      const date = r.chance(0.5) ? slashed : spaced;
      fields = [['Nom / Surname', f.surname, 2], ['Prénom(s) / Given name(s)', commas(f.given_names), 2],
        ['Sexe / Sex', f.sex], ['Nationalité / Nationality', f.nationality],
        ['Né(e) le / Date of birth', date(f.birth_date)],
        ["Valable jusqu'au / Valid until", date(f.expiry_date)],
        ['Type de titre / Type of permit', r.pick(['CARTE DE RÉSIDENT', 'CARTE DE SÉJOUR TEMPORAIRE', 'CARTE PLURIANNUELLE']), 2]];
      break;
    }
  }
  const passport = doc.kind === 'fr_passport';
  // Two layouts: the boxes in a grid, photo on the right; or a two-column table (labels
  // in small capitals on the left, values in boxes on the right), photo on the left.
  const table = r.chance(0.4);
  const fontSize = passport ? 27 : 21;
  const mrzW = Math.round(w * 0.9);
  const mrz = mrzBlock(doc.mrz_lines, mrzW);
  const mrzH = mrz ? Math.round(doc.mrz_lines.length * (mrzW / (doc.mrz_lines[0].length * 0.6)) * 1.38 + 24) : 0;
  const style = `<style>.d{font-family:${font};color:#161616;position:relative;overflow:hidden;box-sizing:border-box;` +
    `border-radius:${passport ? 10 : 30}px;background:${guilloche(r, paper, ink)}}` +
    `.g{display:grid;grid-template-columns:1fr 1fr;column-gap:14px;row-gap:${passport ? 20 : 13}px;flex:1;align-content:start}` +
    `.f{position:relative;border:1.5px solid ${accent}99;border-radius:5px;padding:${passport ? 13 : 9}px 10px 4px;background:#ffffff8c}` +
    `.l{position:absolute;top:-0.8em;left:8px;padding:0 4px;font-variant:small-caps;font-size:0.62em;color:${accent};` +
    `background:${paper};white-space:nowrap;letter-spacing:0.3px}.v{font-weight:bold;white-space:nowrap;overflow:hidden}` +
    `.t{border-collapse:separate;border-spacing:0 ${passport ? 9 : 4}px;flex:1}.tl{font-variant:small-caps;font-size:0.7em;color:${accent};` +
    `text-align:right;padding-right:14px;white-space:nowrap;vertical-align:middle}.tv{border:1.5px solid ${accent}99;border-radius:4px;` +
    `padding:${passport ? 5 : 2}px 10px;background:#ffffff8c;font-weight:bold;white-space:nowrap}</style>`;
  const flag = '<div style="position:absolute;left:0;top:0;bottom:0;width:14px;background:linear-gradient(#0055a4 0 33%,#fff 33% 66%,#ef4135 66%)"></div>';
  const head = title
    ? `<div style="display:flex;align-items:baseline;gap:18px;margin-bottom:${passport ? 30 : 18}px">` +
      `<span style="font-size:${passport ? 17 : 13}px;color:${accent};letter-spacing:2px">RÉPUBLIQUE FRANÇAISE</span>` +
      `<span style="font-size:${passport ? 40 : 27}px;font-weight:bold;color:${accent}">${esc(title)}</span>` +
      `<span style="font-size:${passport ? 20 : 15}px;color:${accent}">${esc(sub)}</span></div>`
    : '';
  const pw = Math.round(w * 0.21), ph = Math.round(pw * 1.28);
  const side = photoSide
    ? `<div style="display:flex;flex-direction:column;align-items:center;gap:10px">${photo(pw, ph, r.pick(['#6d5a4b', '#8c735f', '#4e3d33', '#a88a6f']))}` +
      `<div style="font-family:'FreeSerif';font-style:italic;font-size:${passport ? 30 : 22}px;color:#333a">${esc(doc.p.given[0])}</div></div>`
    : '';
  const ghost = photoSide ? `<div style="position:absolute;right:34px;bottom:${mrzH + 16}px">${photo(Math.round(pw * 0.34), Math.round(ph * 0.34), '#777', 0.28)}</div>` : '';
  const body = flag + `<div style="padding:${passport ? 40 : 24}px 40px 0 42px">${head}` +
    (table
      ? `<div style="display:flex;flex-direction:row-reverse;gap:24px;font-size:${fontSize}px"><table class="t">` +
        fields.map(([l, v]) => `<tr><td class="tl">${esc(l)}</td><td><div class="tv">${esc(v)}</div></td></tr>`).join('') +
        `</table>${side}</div></div>`
      : `<div style="display:flex;gap:28px;font-size:${fontSize}px"><div class="g">${fields.map((x) => box(...x)).join('')}</div>${side}</div></div>`) +
    ghost +
    (mrz ? `<div style="position:absolute;left:0;right:0;bottom:0;height:${mrzH}px;background:#fffffff0;display:flex;justify-content:center;align-items:center">${mrz}</div>` : '');
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px">${body}</div>` };
}

// The FFT licence on paper: an attestation page (A4 portrait at 150 dpi) with the fields in
// a two-column table, labels in small capitals, a season banner and a footer.
function attestation(doc, r) {
  const f = doc.fields;
  const font = r.pick(["'Carlito'", "'FreeSans'"]);
  const accent = r.pick(['#0b3a6a', '#1f5c3a', '#5a2a6b']);
  const born = r.chance(0.5) ? slashed(f.birth_date) : spaced(f.birth_date);
  const season = r.chance(0.5) ? `Saison ${Number(f.season) - 1}/${f.season}` : `Millésime ${f.season}`;
  const rows = [['N° licence', f.licence_number], ['Nom', f.surname], ['Prénom', f.given_names],
    ['Né(e) le', born], ['Sexe', f.sex], ['Classement simple', f.ranking],
    ['Club', f.club_name], ['N° club', f.club_number], ['Type de licence', r.pick(['Licence Club FFT', 'C / Multi-raquettes'])],
    ['Certificat médical', r.pick(['Compétition autorisée', 'Non requis'])]];
  const tr = rows.map(([l, v], i) =>
    `<tr style="background:${i % 2 ? '#ffffff' : '#f1f4f7'}"><td style="font-variant:small-caps;color:${accent};width:38%;` +
    `padding:18px 24px;border:1px solid #c9d1d9">${esc(l)}</td><td style="padding:18px 24px;border:1px solid #c9d1d9;` +
    `font-weight:bold">${esc(v)}</td></tr>`).join('');
  const html = `<div style="width:1240px;height:1754px;background:#fff;font-family:${font};color:#1b1b1b;position:relative;box-sizing:border-box;padding:90px 110px">` +
    `<div style="display:flex;justify-content:space-between;align-items:center;border-bottom:4px solid ${accent};padding-bottom:24px">` +
    `<div style="font-size:30px;font-weight:bold;color:${accent};line-height:1.2">Fédération Française<br>de Tennis</div>` +
    `<div style="font-size:22px;color:#555;text-align:right">Ligue ${esc(r.pick(['Île-de-France', 'Bretagne', 'Occitanie', 'Grand Est']))}<br>Édité le ${esc(slashed(doc.issue))}</div></div>` +
    `<div style="margin:70px 0 14px;font-size:44px;font-weight:bold;letter-spacing:1px">Attestation de licence</div>` +
    `<div style="display:inline-block;background:${accent};color:#fff;padding:8px 22px;border-radius:20px;font-size:26px;margin-bottom:50px">${esc(season)}</div>` +
    `<table style="width:100%;border-collapse:collapse;font-size:31px">${tr}</table>` +
    `<div style="margin-top:60px;font-size:22px;color:#444;line-height:1.5">La Fédération Française de Tennis atteste que la personne désignée ci-dessus est titulaire d'une licence en cours de validité pour la saison indiquée. Document à présenter au juge-arbitre.</div>` +
    `<div style="position:absolute;bottom:80px;left:110px;right:110px;border-top:1px solid #bbb;padding-top:14px;font-size:18px;color:#777;display:flex;justify-content:space-between">` +
    `<span>FFT · 2 avenue Gordon Bennett · 75016 Paris</span><span>Page 1/1</span></div></div>`;
  return { width: 1240, height: 1754, html };
}

// The FFT licence as the federation's app shows it on a phone (1080 x 2340 screenshot):
// a coloured header with the player's initials, a licence "card" with the fields as tiles
// (label above value), a bottom tab bar, an Android-style status bar.
// A tournament entry under the licence card: another name, dates and a ranking band.
function event(r, accent) {
  const day = r.int(1, 28), month = r.int(0, 11);
  const name = `${r.pick(['Open', 'Tournoi', 'Trophée'])} de ${r.pick(['Vertou', 'Lorient', 'Sète', 'Annecy', 'Cholet', 'Arras'])}`;
  const band = `${r.pick(['NC', '40', '30/5', '30'])} à ${r.pick(['15/1', '15', '5/6', '2/6'])}`;
  return `<div style="margin:22px 40px 0;background:#fff;border-radius:28px;padding:28px 34px;display:flex;gap:30px;align-items:center">` +
    `<div style="width:110px;text-align:center;color:${accent};font-weight:bold"><div style="font-size:46px">${day}</div>` +
    `<div style="font-size:28px">${MONTHS_LONG[month]}</div></div><div><div style="font-size:36px;font-weight:bold;color:#0d1b2a">${esc(name)}</div>` +
    `<div style="font-size:28px;color:#6a7380;margin-top:6px">Simple ${r.pick(['Messieurs', 'Dames'])} · ${esc(band)}</div></div></div>`;
}

function app(doc, r) {
  const f = doc.fields;
  const head = r.pick(['#0a2a5c', '#00336e', '#1b2f4d']);
  const lime = r.pick(['#c8e03c', '#d7f050', '#e5f26a']);
  const sex = f.sex === 'F' ? 'Femme' : 'Homme';
  const initials = (f.given_names[0] + f.surname[0]).toUpperCase();
  const tile = (label, value, wide) =>
    `<div style="grid-column:span ${wide ? 2 : 1};background:#f3f5f8;border-radius:22px;padding:22px 26px">` +
    `<div style="font-size:28px;color:#6a7380">${esc(label)}</div><div style="font-size:40px;font-weight:bold;color:#0d1b2a;margin-top:6px">${esc(value)}</div></div>`;
  const time = `${String(r.int(7, 22)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}`;
  const html = `<div style="position:relative;width:1080px;height:2340px;background:#e9edf2;font-family:'FreeSans';overflow:hidden">` +
    `<div style="background:${head};color:#fff;padding:0 48px 120px">` +
    `<div style="height:84px;display:flex;justify-content:space-between;align-items:center;font-size:32px">` +
    `<span>${time}</span><span>▲ ◢ ${r.int(12, 99)} %</span></div>` +
    `<div style="display:flex;justify-content:space-between;align-items:center;margin-top:30px">` +
    `<span style="font-size:44px">‹</span><span style="font-size:42px;font-weight:bold">Ma licence</span><span style="font-size:40px">⋮</span></div>` +
    `<div style="display:flex;align-items:center;gap:34px;margin-top:60px">` +
    `<div style="width:150px;height:150px;border-radius:50%;background:${lime};color:${head};font-size:64px;font-weight:bold;display:flex;align-items:center;justify-content:center">${esc(initials)}</div>` +
    `<div><div style="font-size:54px;font-weight:bold">${esc(f.surname)}</div><div style="font-size:44px;opacity:0.85">${esc(f.given_names)}</div></div></div></div>` +
    `<div style="margin:-80px 40px 0;background:#fff;border-radius:40px;padding:40px;box-shadow:0 8px 30px #0002">` +
    `<div style="display:flex;justify-content:space-between;align-items:center;margin-bottom:30px">` +
    `<span style="font-size:36px;font-weight:bold;color:${head}">Licence ${Number(f.season) - 1} - ${f.season}</span>` +
    `<span style="background:${lime};color:${head};border-radius:30px;padding:8px 24px;font-size:28px;font-weight:bold">Active</span></div>` +
    `<div style="display:grid;grid-template-columns:1fr 1fr;gap:22px">` +
    tile('N° de licence', f.licence_number) + tile('Classement', f.ranking) +
    tile('Date de naissance', longMonth(f.birth_date)) + tile('Sexe', sex) +
    tile('Club', f.club_name, true) + tile('N° de club', f.club_number) +
    tile('Certificat médical', 'Valide') + '</div>' +
    `<div style="margin-top:34px;height:120px;border-radius:16px;background:repeating-linear-gradient(90deg,#111 0 4px,#fff 4px 7px,#111 7px 9px,#fff 9px 15px)"></div></div>` +
    `<div style="margin:50px 48px 0;font-size:36px;font-weight:bold;color:#0d1b2a">Mes prochaines compétitions</div>` +
    event(r, head) + event(r, head) +
    `<div style="position:absolute;bottom:0;left:0;right:0;height:190px;background:#fff;border-top:1px solid #d5dbe2;display:flex;justify-content:space-around;align-items:center;font-size:26px;color:#5d6775">` +
    `<span>Accueil</span><span>Réserver</span><span>Compétition</span><span style="color:${head};font-weight:bold">Profil</span></div></div>`;
  return { width: 1080, height: 2340, html, screenshot: true };
}

function meridian(doc, r, condition) {
  if (doc.kind === 'fft_licence') return condition === 'app' ? app(doc, r) : attestation(doc, r);
  return card(doc, r);
}

meridian.app = true; // draws the `app` condition

export const HELD_OUT_FAMILIES = { meridian };
export const HELD_OUT = 'meridian';
// Conditions that only the FFT licence takes: `app` (phone screenshot, meridian only) and
// the two PDFs.
export const LICENCE_ONLY = ['pdf', 'pdfscan', 'app'];
