// The `lantern` family of the independent set (seen): conventions of real documents and real
// renderers that civic, ribbon, atlas and harbor do not have (modelled on
// /work/shared/reference and on how French documents print their fields; not on any held-out
// family):
//
//   - 2021 card front: captions LEFT of their values in a two-column table with thin cell
//     borders; captions in lower case ("nom / surname"), English first ("Surname / Nom") or
//     letter-spaced small caps, coloured (blue or red) on a darker tinted background with a
//     dense microtext pattern; values in a condensed font or with given names in mixed case
//     ("Camille, Anaëlle"); dates "13 07 1990" or "13.07.1990";
//   - 2021 card back: the address on ONE line with commas ("12, rue Victor Hugo, 44000
//     NANTES"), "Délivrée le" / "Date de délivrance", "Par" / "Autorité" with "Préfecture
//     de ...", height "1,72 m", captions left of values;
//   - passport: trilingual captions as the real data page ("Nom/Surname/Apellidos"), values on
//     the line below in another colour, a Type/Code/Passeport n° row at the top, "Domicile",
//     "Taille" and "Couleur des yeux" as distractors, "Autorité  Préfecture de ...";
//   - 1988 card: a pre-printed form ("Nom :", "Prénom(s) :", "Sexe :  Né(e) le :", "à :",
//     "Taille :", "Nationalité Française", "Signature du titulaire") whose values are typed in
//     a typewriter face (Nimbus Mono PS), each a little off the line, two fields on one line,
//     the birth place sometimes with its department ("PAU (64)");
//   - residence permit: "Nom/Surname", "Prénom(s)/Given name(s)", ... left of the values in a
//     grid of two pairs per row, "Type de titre", "Délivré le", "Lieu de délivrance" and a
//     free-text "Remarques" that are not fields;
//   - FFT licence: an "Attestation de licence FFT" / "Licence 2027" / "Millésime 2027" page
//     with a two-column key/value table of alternating row colours ("Numéro de licence",
//     "Classement", "Meilleur classement", "Catégorie d'âge", "Club", "N° d'affiliation",
//     "Sexe  Féminin"), the holder sometimes as "Nom et prénom  MARCHAND Camille"; under
//     scan/photo/hard sometimes a plastic member card (white text on a dark gradient, QR
//     code); as `app`, a screen with a QR code, "Prénom NOM" on one line, "Licence 2027",
//     "Classement 15/4 · Meilleur classement 15/2" and the club on its own line with its
//     number below.
//
// Fonts (none used by another family): Noto Sans, Noto Sans Display, Noto Serif
// (fonts-noto-core), Nimbus Sans, Nimbus Sans Narrow (by its PostScript names, see NARROW),
// Nimbus Mono PS, C059 (fonts-urw-base35), Cantarell (fonts-cantarell);
// scripts/install-deps.sh --test.
//
// lantern(doc, r, condition) returns {html, width, height[, screenshot]}; lantern.app marks that
// it draws the `app` condition.

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const upper = (s) => s.toLocaleUpperCase('fr-FR');
// "N'GUESSAN" -> "N'Guessan", "SAINT-ÉTIENNE" -> "Saint-Étienne".
const titled = (s) => s.toLocaleLowerCase('fr-FR').replace(/(^|[\s'-])(\p{L})/gu, (_, a, b) => a + b.toLocaleUpperCase('fr-FR'));
const dmy = (iso, sep) => `${iso.slice(8, 10)}${sep}${iso.slice(5, 7)}${sep}${iso.slice(0, 4)}`;
const DEPARTMENTS = { NANTES: 44, ROUEN: 76, GRENOBLE: 38, DIJON: 21, AMIENS: 80, TOULON: 83, METZ: 57,
  'NÎMES': 30, PAU: 64, LIMOGES: 87, BREST: 29, ANGERS: 49, 'SAINT-ÉTIENNE': 42, 'CLERMONT-FERRAND': 63,
  VILLEURBANNE: 69 };
const PREFECTURES = ['Préfecture de la Gironde', 'Préfecture du Rhône', 'Préfecture de Loire-Atlantique',
  'Préfecture du Finistère', "Préfecture de l'Isère", 'Préfecture de la Moselle', 'Sous-préfecture de Brest'];

// Nimbus Sans Narrow by its PostScript names: asked by family, fontconfig offers Chromium the
// Type 1 (.pfb) files first, which Chromium cannot use, and the text would fall back to a serif.
const NARROW = `@font-face{font-family:'Lantern Narrow';font-weight:400;src:local('NimbusSansNarrow-Regular')}` +
  `@font-face{font-family:'Lantern Narrow';font-weight:700;src:local('NimbusSansNarrow-Bold')}`;

function mrzBlock(lines, widthPx, { color = '#111', background = 'transparent', pad = 0 } = {}) {
  if (!lines.length) return '';
  const n = lines[0].length;
  const size = (widthPx / (n * 0.6)).toFixed(2);
  // data-width: generate.mjs fits the font size to it once the font is loaded.
  return `<div class="mrz" data-width="${widthPx}" style="display:inline-block;font-family:'OCR B';font-size:${size}px;line-height:1.4;` +
    `white-space:pre;color:${color};background:${background};padding:${pad}px;">` + lines.map(esc).join('<br>') + '</div>';
}

// A portrait: head and shoulders on a plain background.
function portrait(w, h, { bg = '#d9dde3', grey = false } = {}) {
  return `<div style="width:${w}px;height:${h}px;flex:none;position:relative;overflow:hidden;background:${bg};` +
    `${grey ? 'filter:grayscale(1);' : ''}border:1px solid #8888">` +
    `<div style="position:absolute;left:${w * 0.3}px;top:${h * 0.15}px;width:${w * 0.4}px;height:${h * 0.43}px;` +
    `border-radius:50%;background:#b99478"></div>` +
    `<div style="position:absolute;left:${w * 0.08}px;top:${h * 0.63}px;width:${w * 0.84}px;height:${h * 0.5}px;` +
    `border-radius:46% 46% 0 0;background:#2f3b4d"></div></div>`;
}

// A QR-code-like square: three finder patterns and pseudo-random modules (not decodable).
function qrCode(size, r, { fg = '#111', bg = '#fff' } = {}) {
  const n = 29;
  const cell = size / n;
  const finder = (x, y) => x < 7 && y < 7 || x >= n - 7 && y < 7 || x < 7 && y >= n - 7;
  const ring = (x, y) => {
    const fx = x < 7 ? x : x - (n - 7), fy = y < 7 ? y : y - (n - 7);
    return fx === 0 || fx === 6 || fy === 0 || fy === 6 || (fx >= 2 && fx <= 4 && fy >= 2 && fy <= 4);
  };
  let cells = '';
  for (let y = 0; y < n; ++y) {
    for (let x = 0; x < n; ++x) {
      const on = finder(x, y) ? ring(x, y) : (x === 7 || y === 7 || x === n - 8 && y < 8 || y === n - 8 && x < 8) ? false : r.chance(0.5);
      if (on) {
        cells += `<div style="position:absolute;left:${(x * cell).toFixed(1)}px;top:${(y * cell).toFixed(1)}px;` +
          `width:${(cell + 0.3).toFixed(1)}px;height:${(cell + 0.3).toFixed(1)}px;background:${fg}"></div>`;
      }
    }
  }
  return `<div style="position:relative;width:${size}px;height:${size}px;flex:none;background:${bg};` +
    `outline:${(cell * 2).toFixed(0)}px solid ${bg}">${cells}</div>`;
}

// A dense security background: a tint, fine crossing lines and a microtext weave (0.4 mm
// letters at 300 dpi, as card microprint: a texture to the eye, strokes to a binariser),
// printed light or dark (line and microprint colours get an alpha).
function densePattern(tint, lineColor, microColor, r) {
  const [la, ma] = r.pick([['28', '30'], ['40', '55']]);
  const line = lineColor + la, micro = microColor + ma;
  const text = encodeURIComponent(
    `<svg xmlns='http://www.w3.org/2000/svg' width='44' height='9'><text x='0' y='7' font-family='Nimbus Sans' ` +
    `font-size='5' fill='${micro}'>RÉPUBLIQUE RF</text></svg>`);
  return `background:url("data:image/svg+xml,${text}"),repeating-linear-gradient(35deg,#0000 0 5px,${line} 5px 6px),` +
    `repeating-linear-gradient(-35deg,#0000 0 7px,${line} 7px 8px),${tint}`;
}

// ----- 2021 card, front: captions left of values, bordered two-column table ------------
function captionStyle(r) {
  const style = r.pick(['lower', 'english', 'smallcaps']);
  return (fr, en) => {
    if (style === 'lower') return `<i>${esc(fr.toLocaleLowerCase('fr-FR'))} / ${esc(en.toLowerCase())}</i>`;
    if (style === 'english') return `${esc(en)} / <i>${esc(fr)}</i>`;
    return `<span style="font-variant:small-caps;letter-spacing:2.5px">${esc(fr)}</span> / ` +
      `<i>${esc(en)}</i>`;
  };
}

function cardFront(doc, r) {
  const f = doc.fields;
  const w = 1011, h = 638;
  const cap = captionStyle(r);
  const valueFont = r.pick(["'Lantern Narrow'", "'Noto Sans'", "'Nimbus Sans'"]);
  const capColor = r.pick(['#1d3f8a', '#a3192e', '#21507a']);
  const [tint, line, micro] = r.pick([['#c8d7ea', '#8ea6c9', '#7d93b2'], ['#e3c9d2', '#b98a9a', '#a0707f'],
    ['#cfe0cf', '#86a88a', '#6f8f73'], ['#ddd3bf', '#a8997a', '#8f805f']]);
  const sep = r.pick([' ', '.']);
  const dt = (d) => dmy(d, sep);
  const mixed = r.chance(0.5);
  const surname = mixed && r.chance(0.4) ? titled(f.surname) : upper(f.surname);
  const given = mixed ? titled(f.given_names).split(' ').join(', ') : upper(f.given_names).split(' ').join(', ');
  const alt = r.chance(0.35) ? `ép. ${r.pick(['Martin', 'Bernard', 'Petit', 'Durand'])}` : '';
  const rows = [
    [cap('Nom', 'Surname'), surname],
    [cap("Nom d'usage", 'Alternate name'), alt],
    [cap('Prénoms', 'Given names'), given],
    [cap('Sexe', 'Sex'), f.sex],
    [cap('Nationalité', 'Nationality'), f.nationality],
    [cap('Date de naissance', 'Date of birth'), dt(f.birth_date)],
    [cap('Lieu de naissance', 'Place of birth'), f.birth_place],
    [cap('N° du document', 'Document No'), f.document_number],
    [cap("Date d'expiration", 'Expiry date'), dt(f.expiry_date)],
  ];
  const table = `<table style="border-collapse:collapse;font-size:26px">` + rows.map(([c, v]) =>
    `<tr><td style="border:1px solid ${capColor}66;padding:6px 12px;font-size:16px;color:${capColor};white-space:nowrap;` +
    `font-family:'Noto Sans'">${c}</td><td style="border:1px solid ${capColor}66;padding:5px 14px;font-family:${valueFont};` +
    `font-weight:700;white-space:nowrap;min-width:240px">${esc(v) || '&nbsp;'}</td></tr>`).join('') + '</table>';
  const can = String(r.int(100000, 999999));
  const style = `<style>${NARROW}.d{color:#141414;box-sizing:border-box;position:relative;overflow:hidden;border-radius:32px;` +
    `${densePattern(tint, line, micro, r)}}</style>`;
  const body = `<div style="display:flex;justify-content:space-between;align-items:flex-start;padding:18px 32px 6px 32px;` +
    `font-family:'Noto Sans Display';color:${capColor}"><div style="font-size:22px;font-weight:700;letter-spacing:2px">` +
    `RÉPUBLIQUE FRANÇAISE</div><div style="font-size:17px;text-align:right">CARTE NATIONALE D'IDENTITÉ<br><i>IDENTITY CARD</i></div></div>` +
    `<div style="display:flex;gap:24px;padding:6px 28px">` +
    `<div style="display:flex;flex-direction:column;gap:10px">${portrait(200, 258, { grey: r.chance(0.5) })}` +
    `<div style="font-family:'Noto Sans';font-size:13px;color:${capColor}">signature du titulaire / <i>holder's signature</i>` +
    `<div style="height:30px;border-bottom:2px solid #222;width:180px;transform:skewX(-25deg)"></div></div></div>` +
    `${table}</div>` +
    `<div style="position:absolute;right:34px;bottom:20px;font-family:'Nimbus Sans';font-size:20px;letter-spacing:3px">${can}</div>`;
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px">${body}</div>` };
}

// ----- 2021 card, back: one-line address with commas, "Délivrée le", "Par" -------------
// "12, rue Victor Hugo, 44000 NANTES" (street type and articles in lower case, town in caps),
// or the same in caps.
function addressLine(address, r) {
  const m = address.match(/^(\d+) (\S+) (.*) (\d{5}) (.*)$/);
  if (!m) return address;
  const [, num, type, rest, post, town] = m;
  if (r.chance(0.35)) return `${num} ${type} ${rest}, ${post} ${town}`;
  const words = rest.split(' ').map((x) => (['DE', 'LA', 'DES', 'DU'].includes(x) ? x.toLowerCase() : titled(x)));
  return `${num}, ${type.toLocaleLowerCase('fr-FR')} ${words.join(' ')}, ${post} ${town}`;
}

function cardBack(doc, r) {
  const f = doc.fields;
  const w = 1011, h = 638;
  const capColor = r.pick(['#1d3f8a', '#a3192e', '#21507a']);
  const [tint, line, micro] = r.pick([['#c8d7ea', '#8ea6c9', '#7d93b2'], ['#e3c9d2', '#b98a9a', '#a0707f'],
    ['#cfe0cf', '#86a88a', '#6f8f73']]);
  const font = r.pick(["'Noto Sans'", "'Nimbus Sans'", "'Lantern Narrow'"]);
  const sep = r.pick([' ', '.']);
  const wording = r.pick(['short', 'long']);
  const issueLabel = wording === 'short' ? 'Délivrée le / <i>Issued on</i>' : 'Date de délivrance / <i>Date of issue</i>';
  const byLabel = wording === 'short' ? 'Par / <i>By</i>' : 'Autorité / <i>Authority</i>';
  const height = `${(r.int(150, 195) / 100).toFixed(2).replace('.', ',')} m`;
  const rows = [
    ['Adresse / <i>Address</i>', addressLine(f.address, r)],
    ['Taille / <i>Height</i>', height],
    [issueLabel, dmy(f.issue_date, sep)],
    [byLabel, r.pick(PREFECTURES)],
  ];
  const table = `<table style="border-collapse:collapse">` + rows.map(([c, v]) =>
    `<tr><td style="padding:7px 16px 7px 0;font-size:15px;color:${capColor};white-space:nowrap;vertical-align:baseline">${c}</td>` +
    `<td style="padding:7px 0;font-size:24px;font-weight:700;font-family:${font};white-space:nowrap;vertical-align:baseline">${esc(v)}</td></tr>`).join('') +
    '</table>';
  const style = `<style>${NARROW}.d{font-family:'Noto Sans';color:#141414;box-sizing:border-box;position:relative;overflow:hidden;` +
    `border-radius:32px;${densePattern(tint, line, micro, r)}}</style>`;
  const mrzW = Math.round(w * 0.88);
  const body = `<div style="padding:40px 40px 0 40px">${table}</div>` +
    `<div style="position:absolute;right:40px;top:250px;width:120px;height:120px;border-radius:50%;border:3px solid ${capColor}88;` +
    `color:${capColor}aa;font-size:15px;display:flex;align-items:center;justify-content:center;text-align:center">RF</div>` +
    `<div style="position:absolute;left:0;right:0;bottom:0;height:${Math.round(h * 0.33)}px;background:#f4f4efe6;` +
    `display:flex;align-items:center;justify-content:center">${mrzBlock(doc.mrz_lines, mrzW)}</div>`;
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px">${body}</div>` };
}

// ----- passport: trilingual captions, values below in another colour -------------------
const STREETS = ['RUE DES LILAS', 'AVENUE FOCH', 'RUE PASTEUR', 'CHEMIN DES VIGNES', 'RUE DU CHÂTEAU'];
const EYES = ['MARRON', 'BLEUS', 'VERTS', 'NOISETTE', 'GRIS'];

function passport(doc, r) {
  const f = doc.fields;
  const w = 1476, h = 1039;
  const capFont = r.pick(["'Noto Serif'", "'C059'"]);
  const valFont = r.pick(["'Noto Sans'", "'Nimbus Sans'"]);
  const capColor = r.pick(['#7a2d5c', '#4a4f66']);
  const valColor = r.pick(['#14205a', '#111111', '#3a1a10']);
  const dt = (d) => dmy(d, ' ');
  const cell = (fr, en, es, value, width) =>
    `<div style="flex:0 0 ${width}px;margin:0 0 12px 0;white-space:nowrap">` +
    `<div style="font-family:${capFont};font-size:17px;color:${capColor}">${esc(fr)}/<i>${esc(en)}</i>/${esc(es)}</div>` +
    `<div style="font-family:${valFont};font-size:32px;font-weight:700;color:${valColor};margin-top:2px">${esc(value)}</div></div>`;
  const row = (...cells) => `<div style="display:flex;gap:24px">${cells.join('')}</div>`;
  const home = `${r.int(1, 90)} ${r.pick(STREETS)} ${f.birth_place === 'PAU' ? 'NANTES' : 'PAU'}`;
  const body = `<div style="display:flex;justify-content:space-between;padding:28px 50px 0 50px;font-family:${capFont};` +
    `font-size:26px;color:${capColor};letter-spacing:1px"><span>RÉPUBLIQUE FRANÇAISE</span><span>PASSEPORT</span></div>` +
    `<div style="display:flex;gap:46px;padding:20px 50px">` +
    `<div style="display:flex;flex-direction:column;gap:14px">${portrait(320, 410)}` +
    `<div style="font-family:${capFont};font-size:16px;color:${capColor}">Signature du titulaire/<i>Holder's signature</i>/Firma del titular</div>` +
    `<div style="height:40px;border-bottom:2px solid #333;width:260px;transform:skewX(-20deg)"></div></div><div>` +
    row(cell('Type', 'Type', 'Tipo', 'P', 130), cell('Code du pays', 'Country code', 'Código del país', 'FRA', 330),
      cell('Passeport n°', 'Passport No.', 'Pasaporte n°', f.document_number, 300)) +
    row(cell('Nom', 'Surname', 'Apellidos', upper(f.surname), 700)) +
    row(cell('Prénoms', 'Given names', 'Nombres', upper(f.given_names).split(' ').join(', '), 700)) +
    row(cell('Nationalité', 'Nationality', 'Nacionalidad', 'Française', 330),
      cell('Date de naissance', 'Date of birth', 'Fecha de nacimiento', dt(f.birth_date), 400)) +
    row(cell('Sexe', 'Sex', 'Sexo', f.sex, 130), cell('Lieu de naissance', 'Place of birth', 'Lugar de nacimiento', f.birth_place, 600)) +
    row(cell('Date de délivrance', 'Date of issue', 'Fecha de expedición', dt(f.issue_date), 380),
      cell("Date d'expiration", 'Date of expiry', 'Fecha de caducidad', dt(f.expiry_date), 380)) +
    row(cell('Autorité', 'Authority', 'Autoridad', r.pick(PREFECTURES), 520),
      cell('Taille', 'Height', 'Estatura', `${(r.int(150, 195) / 100).toFixed(2).replace('.', ',')} m`, 200)) +
    row(cell('Couleur des yeux', 'Colour of eyes', 'Color de los ojos', r.pick(EYES), 330),
      cell('Domicile', 'Residence', 'Domicilio', home, 420)) +
    '</div></div>';
  const mrzW = Math.round(w * 0.9);
  const mrz = `<div style="position:absolute;left:${Math.round((w - mrzW) / 2)}px;bottom:${Math.round(h * 0.035)}px">${mrzBlock(doc.mrz_lines, mrzW)}</div>`;
  const style = `<style>.d{box-sizing:border-box;position:relative;overflow:hidden;` +
    `background:repeating-radial-gradient(circle at 20% 30%,#0000 0 11px,#b0a0c833 11px 12px),linear-gradient(110deg,#efe6ef,#e1eaf0 60%,#efeadf)}</style>`;
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px">${body}${mrz}</div>` };
}

// ----- 1988 card: a pre-printed form filled on a typewriter ----------------------------
function card1988(doc, r) {
  const f = doc.fields;
  const w = 1011, h = 638;
  const labelFont = r.pick(["'Nimbus Sans'", "'Noto Serif'"]);
  const labelColor = r.pick(['#4b3f6b', '#5a4a3a', '#30486e']);
  const weight = r.pick([400, 700]);
  // Each typed value a little off the pre-printed line, as a typewriter leaves it.
  const typed = (value, size = 27) =>
    `<span style="font-family:'Nimbus Mono PS';font-size:${size}px;font-weight:${weight};color:#161616;display:inline-block;` +
    `margin-left:${r.int(4, 26)}px;` +
    `transform:translateY(${r.range(-4, 3).toFixed(1)}px) rotate(${r.range(-0.6, 0.6).toFixed(2)}deg)">${esc(value)}</span>`;
  const label = (text) => `<span style="font-family:${labelFont};font-size:17px;color:${labelColor}">${esc(text)}</span>`;
  const ruled = (content) => `<div style="white-space:nowrap;border-bottom:1px dotted ${labelColor}99;padding:6px 0 2px 0;margin:10px 0">${content}</div>`;
  const given = r.chance(0.6) ? upper(f.given_names).split(' ').join(', ') : titled(f.given_names).split(' ').join(', ');
  const dept = DEPARTMENTS[f.birth_place];
  const place = r.chance(0.5) && dept ? `${f.birth_place} (${dept})` : f.birth_place;
  const height = `${(r.int(150, 195) / 100).toFixed(2).replace('.', ',')} m`;
  const sp = '&nbsp;'.repeat(6);
  const body = `<div style="display:flex;justify-content:space-between;align-items:baseline;padding:18px 32px 0 32px">` +
    `<span style="font-family:${labelFont};font-size:21px;color:${labelColor};letter-spacing:1px">RÉPUBLIQUE FRANÇAISE</span>` +
    `<span>${label("CARTE NATIONALE D'IDENTITÉ N° :")} ${typed(f.document_number, 25)}</span></div>` +
    `<div style="padding:2px 32px 0 32px;text-align:right">${label('Nationalité Française')}</div>` +
    `<div style="display:flex;gap:26px;padding:8px 30px 0 30px">${portrait(190, 244, { bg: '#e4dfd3', grey: true })}` +
    `<div style="flex:1">` +
    ruled(`${label('Nom :')} ${typed(upper(f.surname))}`) +
    ruled(`${label('Prénom(s) :')} ${typed(given)}`) +
    ruled(`${label('Sexe :')} ${typed(f.sex)}${sp}${label('Né(e) le :')} ${typed(dmy(f.birth_date, '.'))}`) +
    ruled(`${label('à :')} ${typed(place)}`) +
    ruled(`${label('Taille :')} ${typed(height)}${sp}${label('Signature du titulaire :')}`) +
    `</div></div>`;
  const mrzW = Math.round(w * 0.93);
  const mrz = `<div style="position:absolute;left:${Math.round((w - mrzW) / 2)}px;bottom:16px">${mrzBlock(doc.mrz_lines, mrzW)}</div>`;
  const style = `<style>.d{box-sizing:border-box;position:relative;overflow:hidden;border-radius:24px;` +
    `background:repeating-radial-gradient(ellipse at 60% 40%,#0000 0 6px,#d9b8c044 6px 7px),linear-gradient(90deg,#f1e4e6,#e7e6f1)}</style>`;
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px">${body}${mrz}</div>` };
}

// ----- residence permit: bilingual "Nom/Surname" labels left of values, in a grid -------
const TITLES = ['CARTE DE SÉJOUR TEMPORAIRE', 'CARTE DE SÉJOUR PLURIANNUELLE', 'CARTE DE RÉSIDENT'];
const REMARKS = ['ÉTUDIANT', 'VIE PRIVÉE ET FAMILIALE', 'SALARIÉ', 'PASSEPORT TALENT', 'TRAVAILLEUR TEMPORAIRE'];
const BIRTH_ABROAD = { ITA: 'MILANO', MAR: 'CASABLANCA', DZA: 'ORAN', PRT: 'PORTO', SEN: 'DAKAR', TUN: 'SFAX',
  CHN: 'WUHAN', BRA: 'RECIFE', USA: 'BOSTON', CMR: 'DOUALA' };

function residence(doc, r) {
  const f = doc.fields;
  const w = 1011, h = 638;
  const font = r.pick(["'Cantarell'", "'Noto Sans Display'"]);
  const sep = r.pick([' ', '.', '/']);
  const dt = (d) => dmy(d, sep);
  const labelColor = r.pick(['#5b6473', '#2a5d8a']);
  // A pair alone on its row spans the second pair's columns too.
  const pair = (label, value, span = 1) =>
    `<td style="padding:3px 10px 3px 0;font-size:14px;color:${labelColor};white-space:nowrap">${label}</td>` +
    `<td colspan="${span}" style="padding:3px 22px 3px 0;font-size:23px;font-weight:700;white-space:nowrap">${esc(value)}</td>`;
  const remark = r.pick(REMARKS);
  const remarks = remark === 'ÉTUDIANT'
    ? "ÉTUDIANT - AUTORISE L'EXERCICE, À TITRE ACCESSOIRE, D'UNE ACTIVITÉ PROFESSIONNELLE SALARIÉE DANS LA LIMITE DE 60 %"
    : `${remark} - AUTORISE SON TITULAIRE À TRAVAILLER`;
  const rows = [
    [pair('Nom/<i>Surname</i>', upper(f.surname), 3)],
    [pair('Prénom(s)/<i>Given name(s)</i>', upper(f.given_names).split(' ').join(', '), 3)],
    [pair('Sexe/<i>Sex</i>', f.sex), pair('Nationalité/<i>Nationality</i>', f.nationality)],
    [pair('Date de naissance/<i>Date of birth</i>', dt(f.birth_date)), pair('Lieu/<i>Place</i>', BIRTH_ABROAD[f.nationality] ?? '')],
    [pair('Délivré le/<i>Issued on</i>', dt(doc.issue)), pair("Valable jusqu'au/<i>Valid until</i>", dt(f.expiry_date))],
    [pair('Type de titre', r.pick(TITLES), 3)],
    [pair('Lieu de délivrance', r.pick(PREFECTURES).toLocaleUpperCase('fr-FR'), 3)],
  ];
  const grid = `<table style="border-collapse:collapse">` +
    rows.map((cells) => `<tr>${cells.join('')}</tr>`).join('') + '</table>';
  const style = `<style>.d{font-family:${font};color:#161616;box-sizing:border-box;position:relative;overflow:hidden;border-radius:28px;` +
    `background:repeating-linear-gradient(155deg,#0000 0 9px,#9fb4a022 9px 10px),linear-gradient(120deg,#eaf0e4,#e4e9f3 55%,#f3e7e4)}</style>`;
  const body = `<div style="display:flex;justify-content:space-between;align-items:center;padding:16px 30px 4px 30px">` +
    `<span style="font-size:25px;font-weight:700;letter-spacing:2px;color:#1c3b6e">TITRE DE SÉJOUR</span>` +
    `<span style="font-size:15px;color:#555">RÉPUBLIQUE FRANÇAISE</span></div>` +
    `<div style="display:flex;gap:20px;padding:6px 26px 0 26px">${portrait(160, 206)}<div>${grid}` +
    `<div style="margin-top:4px;font-size:13px;color:${labelColor}">Remarques/<i>Remarks</i></div>` +
    `<div style="font-size:15px;width:740px;line-height:1.25">${esc(remarks)}</div></div></div>`;
  const mrzW = Math.round(w * 0.9);
  const mrz = `<div style="position:absolute;left:${Math.round((w - mrzW) / 2)}px;bottom:12px">${mrzBlock(doc.mrz_lines, mrzW)}</div>`;
  return { width: w, height: h, html: `${style}<div class="d" style="width:${w}px;height:${h}px">${body}${mrz}</div>` };
}

// ----- FFT licence -------------------------------------------------------------------
const LIGUES = ['Ligue de Bretagne', 'Ligue Auvergne-Rhône-Alpes', 'Ligue Grand Est', 'Ligue Hauts-de-France',
  'Ligue de Normandie', 'Ligue Nouvelle-Aquitaine', 'Ligue Sud', 'Ligue Centre-Val de Loire'];
const RANKS = ['NC', '40', '30/5', '30/4', '30/3', '30/2', '30/1', '30', '15/5', '15/4', '15/3', '15/2', '15/1', '15',
  '5/6', '4/6', '3/6', '2/6', '1/6', '0', '-2/6', '-4/6', '-15'];
// A best ranking at or above the current one (a distractor: not the field).
function bestRanking(ranking, r) {
  const i = RANKS.indexOf(ranking);
  if (i < 0) return ranking;
  return RANKS[Math.min(RANKS.length - 1, i + r.int(0, 3))];
}
// The FFT's age categories for a season (millésime) and a birth year.
function ageCategory(season, birth) {
  const age = Number(season) - Number(birth.slice(0, 4));
  if (age <= 10) return `${age} ans`;
  if (age <= 18) { const lo = age % 2 ? age : age - 1; return `${lo}/${lo + 1} ans`; }
  if (age < 35) return 'Senior';
  return `${Math.min(75, Math.floor(age / 5) * 5)} ans`;
}

function attestation(doc, r) {
  const f = doc.fields;
  const w = 1240, h = 1754;
  const font = r.pick(["'Noto Sans'", "'Nimbus Sans'", "'Cantarell'"]);
  const [band, stripe] = r.pick([['#1f4e8c', '#eef3fa'], ['#2e6b3f', '#edf5ee'], ['#5a2a7a', '#f3eef7']]);
  const sep = r.pick(['/', '-', '.']);
  const dt = (d) => dmy(d, sep);
  const prev = Number(f.season) - 1;
  const heading = r.pick(['attestation', 'licence', 'millesime']);
  const title = heading === 'attestation' ? 'Attestation de licence FFT' : heading === 'licence' ? `Licence ${f.season}` : `Millésime ${f.season}`;
  const subtitle = heading === 'attestation' ? `Millésime ${f.season}` : 'Attestation de licence';
  const combined = r.chance(0.3);
  const rows = [];
  if (combined) rows.push(['Nom et prénom', `${upper(f.surname)} ${f.given_names}`]);
  else rows.push(['Nom', upper(f.surname)], ['Prénom(s)', f.given_names]);
  rows.push(['Sexe', f.sex === 'F' ? 'Féminin' : 'Masculin'], ['Date de naissance', dt(f.birth_date)],
    ["Catégorie d'âge", ageCategory(f.season, f.birth_date)], ['Numéro de licence', f.licence_number],
    ['Type de licence', r.pick(['Licence Club FFT', 'Licence C', 'Licence Multi-raquettes'])],
    ['Classement', f.ranking]);
  if (r.chance(0.6)) rows.push(['Meilleur classement', bestRanking(f.ranking, r)]);
  rows.push(['Club', f.club_name], ["N° d'affiliation", f.club_number], ['Ligue', r.pick(LIGUES)],
    ['Compétition', r.pick(['Autorisée', 'Autorisée (questionnaire de santé)'])],
    ['Date de prise de licence', dt(`${prev}-${String(r.int(9, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`)]);
  const table = `<table style="width:100%;border-collapse:collapse;font-size:28px;margin-top:40px">` +
    rows.map(([k, v], i) => `<tr style="background:${i % 2 ? '#ffffff' : stripe}">` +
      `<td style="padding:14px 24px;width:40%;color:#4a4a4a">${esc(k)}</td>` +
      `<td style="padding:14px 24px;font-weight:700">${esc(v)}</td></tr>`).join('') + '</table>';
  const html = `<div style="width:${w}px;height:${h}px;box-sizing:border-box;padding:80px 100px;background:#fff;` +
    `font-family:${font};color:#1a1a1a;position:relative">` +
    `<div style="display:flex;align-items:center;gap:30px;border-bottom:6px solid ${band};padding-bottom:26px">` +
    `<div style="width:110px;height:110px;border-radius:18px;background:${band};color:#fff;font-size:44px;font-weight:700;` +
    `display:flex;align-items:center;justify-content:center">FFT</div>` +
    `<div style="font-size:24px;color:${band};line-height:1.35"><b>Fédération Française de Tennis</b><br>Espace licencié</div></div>` +
    `<div style="margin:80px 0 6px 0;font-size:50px;font-weight:700;color:${band}">${esc(title)}</div>` +
    `<div style="font-size:28px;color:#555">${esc(subtitle)} · valable du 1er septembre ${prev} au 31 août ${f.season}</div>` +
    table +
    `<div style="margin-top:60px;font-size:24px;color:#444;line-height:1.5">Cette attestation est à présenter au ` +
    `juge-arbitre avec une pièce d'identité.</div>` +
    `<div style="position:absolute;right:100px;bottom:160px">${qrCode(200, r)}</div>` +
    `<div style="position:absolute;left:100px;bottom:80px;font-size:20px;color:#777">Édité le ${dt(`${prev}-12-${String(r.int(1, 28)).padStart(2, '0')}`)}` +
    ` · fft.fr</div></div>`;
  return { width: w, height: h, html };
}

// A plastic member card (scan/photo/hard only): white text on a dark gradient, QR code.
function memberCard(doc, r) {
  const f = doc.fields;
  const w = 1011, h = 638;
  const font = r.pick(["'Noto Sans Display'", "'Cantarell'", "'Nimbus Sans'"]);
  const [a, b] = r.pick([['#0f2f63', '#2d6aa8'], ['#17432b', '#2f8a57'], ['#3b1f5c', '#7a3e8c']]);
  const row = (k, v) => `<div style="white-space:nowrap;margin:3px 0"><span style="font-size:17px;opacity:0.8;` +
    `text-transform:uppercase;letter-spacing:1px">${esc(k)}</span>&nbsp;&nbsp;<b style="font-size:25px">${esc(v)}</b></div>`;
  const html = `<div style="width:${w}px;height:${h}px;box-sizing:border-box;border-radius:36px;padding:30px 38px;` +
    `background:linear-gradient(125deg,${a},${b});color:#fff;font-family:${font};position:relative;overflow:hidden">` +
    `<div style="display:flex;justify-content:space-between;align-items:center"><b style="font-size:25px;letter-spacing:1px">` +
    `FÉDÉRATION FRANÇAISE DE TENNIS</b><span style="font-size:34px;font-weight:700;color:#e8f05a">LICENCE ${esc(f.season)}</span></div>` +
    `<div style="font-size:36px;font-weight:700;margin:34px 0 16px 0;white-space:nowrap">${esc(upper(f.surname))} ${esc(f.given_names)}</div>` +
    row('N° de licence', f.licence_number) + row('Né(e) le', dmy(f.birth_date, '/')) +
    row('Sexe', f.sex === 'F' ? 'Féminin' : 'Masculin') + row('Classement', f.ranking) +
    `<div style="margin-top:16px;font-size:25px;font-weight:700;white-space:nowrap">${esc(f.club_name)}</div>` +
    row("N° d'affiliation", f.club_number) +
    `<div style="position:absolute;left:38px;bottom:34px;font-size:17px;opacity:0.8">Catégorie ${esc(ageCategory(f.season, f.birth_date))}` +
    ` · valable jusqu'au 31/08/${esc(f.season)}</div>` +
    `<div style="position:absolute;right:40px;bottom:44px">${qrCode(190, r)}</div></div>`;
  return { width: w, height: h, html };
}

// A licence screen (1080 x 2340): QR code card, "Prénom NOM", ranking with the best one.
function app(doc, r) {
  const f = doc.fields;
  const font = r.pick(["'Cantarell'", "'Noto Sans Display'"]);
  const [a, b] = r.pick([['#123a7a', '#2c7bc0'], ['#0e5a3c', '#2fa37a'], ['#4a1f6e', '#8a4bb0']]);
  const bg = '#eef1f5';
  const muted = '#667085';
  const sep = r.pick(['/', '.']);
  const seasonText = r.pick([`Licence ${f.season}`, `Licence ${Number(f.season) - 1}-${f.season}`]);
  const best = bestRanking(f.ranking, r);
  const info = (k, v) => `<div style="display:flex;justify-content:space-between;padding:22px 0;border-top:1px solid #d0d5dd">` +
    `<span style="color:${muted}">${esc(k)}</span><span style="font-weight:700">${esc(v)}</span></div>`;
  const html = `<div style="position:relative;width:1080px;height:2340px;background:${bg};color:#101828;font-family:${font};box-sizing:border-box">` +
    `<div style="height:96px;display:flex;justify-content:space-between;align-items:center;padding:0 56px;font-size:34px">` +
    `<span>10:24</span><span>◔ ▂▄▆ 64%</span></div>` +
    `<div style="padding:20px 56px;font-size:46px;font-weight:700">Ma licence</div>` +
    `<div style="margin:10px 40px;border-radius:44px;overflow:hidden;background:#fff">` +
    `<div style="background:linear-gradient(120deg,${a},${b});color:#fff;padding:44px 50px">` +
    `<div style="font-size:54px;font-weight:700;white-space:nowrap">${esc(f.given_names)} ${esc(upper(f.surname))}</div>` +
    `<div style="font-size:38px;margin-top:10px;opacity:0.9">${esc(seasonText)}</div>` +
    `<div style="font-size:36px;margin-top:8px;opacity:0.9">N° ${esc(f.licence_number)}</div></div>` +
    `<div style="display:flex;justify-content:center;padding:50px 0">${qrCode(460, r)}</div>` +
    `<div style="text-align:center;font-size:30px;color:${muted};padding-bottom:40px">À présenter au juge-arbitre</div></div>` +
    `<div style="margin:30px 40px;padding:20px 50px;border-radius:44px;background:#fff;font-size:36px">` +
    `<div style="padding:22px 0;font-size:38px">Classement <b>${esc(f.ranking)}</b> · Meilleur classement ${esc(best)}</div>` +
    info('Date de naissance', dmy(f.birth_date, sep)) + info('Sexe', f.sex === 'F' ? 'Féminin' : 'Masculin') +
    info('Catégorie', ageCategory(f.season, f.birth_date)) + '</div>' +
    `<div style="margin:30px 40px;padding:36px 50px;border-radius:44px;background:#fff">` +
    `<div style="font-size:30px;color:${muted}">Mon club</div>` +
    `<div style="font-size:42px;font-weight:700;margin-top:10px">${esc(f.club_name)}</div>` +
    `<div style="font-size:32px;color:${muted};margin-top:6px">N° ${esc(f.club_number)}</div></div>` +
    `<div style="position:absolute;bottom:0;width:1080px;height:180px;background:#fff;display:flex;justify-content:space-around;` +
    `align-items:center;font-size:30px;color:${muted}"><span>Accueil</span><span>Tournois</span><span>Réserver</span>` +
    `<span style="color:${a};font-weight:700">Licence</span></div></div>`;
  return { width: 1080, height: 2340, html, screenshot: true };
}

export function lantern(doc, r, condition) {
  switch (doc.kind) {
    case 'fr_passport': return passport(doc, r);
    case 'fr_id_1988': return card1988(doc, r);
    case 'fr_id_2021_front': return cardFront(doc, r);
    case 'fr_id_2021_back': return cardBack(doc, r);
    case 'fr_residence': return residence(doc, r);
    case 'fft_licence':
      if (condition === 'app') return app(doc, r);
      if (['scan', 'photo', 'hard'].includes(condition) && r.chance(0.4)) return memberCard(doc, r);
      return attestation(doc, r);
  }
  throw new Error(`lantern: unknown kind ${doc.kind}`);
}
lantern.app = true;

export const LANTERN_FAMILIES = { lantern };
