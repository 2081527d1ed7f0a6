// The referee's web app: a match, its players one by one, each player's documents read by
// jae-ocr (POST /v1/extract) and checked together (POST /v1/check). Everything lives in
// this page's memory: nothing in localStorage, IndexedDB or cookies, and the thumbnails
// are object URLs released with their player.
import { ApiError, check, extract, loadConfig } from './api.js';
import { isAcceptable, isPdf, prepareUpload } from './resize.js';
import { downloadCsv, sheetRow } from './sheet.js';
import {
  CHECK_MARKS, DATE_FIELDS, DOC_TYPES, FIELD_LABELS, FIELD_ORDER, REJECTIONS, SIDES, VERDICTS,
  checksOf, formatDate, identityValue, longDate, mebibytes, reasonsOf, verdictOf, warningText,
} from './texts.js';

const $ = (id) => document.getElementById(id);

// h('tag.class', {attr}, ...children): DOM built without innerHTML, so that nothing read
// from a document can become markup.
function h(spec, attrs = {}, ...children) {
  const [tag, ...classes] = spec.split('.');
  const el = document.createElement(tag);
  if (classes.length) el.className = classes.join(' ');
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

const state = {
  config: { image_max_side: 1536, max_image_bytes: 20 * 1024 * 1024 },
  match: { date: '', min_age: '', max_age: '' },
  players: [],
  current: null,
};
let nextDocId = 1;

function newPlayer() {
  const player = { number: state.players.length + 1, docs: [], check: null, checkError: '', checking: false, seq: 0 };
  state.players.push(player);
  state.current = player;
  return player;
}

// --- Documents ---------------------------------------------------------------------------

function addFiles(fileList) {
  const player = state.current;
  const files = [...fileList];
  for (const file of files) {
    const doc = { id: nextDocId++, name: file.name || 'photo', file, state: 'waiting', progress: 0, message: '', result: null, editing: null };
    if (!isPdf(file) && isAcceptable(file)) doc.thumbUrl = URL.createObjectURL(file);
    player.docs.push(doc);
  }
  renderPlayer();
  processQueue(player);
}

// Documents go one at a time: on a weak uplink two uploads at once only make both slower.
async function processQueue(player) {
  if (player.busy) return;
  player.busy = true;
  try {
    for (;;) {
      const doc = player.docs.find((d) => d.state === 'waiting');
      if (!doc) break;
      await processDocument(player, doc);
    }
  } finally {
    player.busy = false;
  }
  await runCheck(player);
}

function setDoc(player, doc, changes) {
  Object.assign(doc, changes);
  if (player === state.current) renderDoc(doc);
}

async function processDocument(player, doc) {
  const file = doc.file;
  if (!isAcceptable(file)) {
    setDoc(player, doc, { state: 'error', message: REJECTIONS.unsupported_media_type });
    return;
  }
  setDoc(player, doc, { state: 'preparing', message: 'Préparation de la photo…' });
  let upload;
  try {
    upload = await prepareUpload(file, state.config.image_max_side);
  } catch {
    upload = { blob: file, name: file.name, resized: false };
  }
  if (upload.blob.size > state.config.max_image_bytes) {
    setDoc(player, doc, {
      state: 'error',
      message: `Fichier trop volumineux (${mebibytes(upload.blob.size)}, limite ${mebibytes(state.config.max_image_bytes)}).`,
    });
    return;
  }
  if (upload.resized && doc.thumbUrl) {
    URL.revokeObjectURL(doc.thumbUrl);
    doc.thumbUrl = URL.createObjectURL(upload.blob);
  }
  doc.file = null;  // the original photo is no longer needed: let it go
  doc.sentBytes = upload.blob.size;
  setDoc(player, doc, { state: 'sending', progress: 0, message: 'Envoi…' });
  try {
    const result = await extract(upload.blob, upload.name, {
      onUploadProgress: (f) => {
        if (f >= 1) setDoc(player, doc, { state: 'reading', progress: 1, message: 'Lecture du document…' });
        else setDoc(player, doc, { state: 'sending', progress: f, message: `Envoi… ${Math.round(f * 100)} %` });
      },
      onWait: (kind, s) => setDoc(player, doc, {
        state: 'sending', progress: 0,
        message: kind === 'busy' ? `Service occupé : nouvel essai dans ${s} s…` : `Connexion perdue : nouvel essai dans ${s} s…`,
      }),
    });
    if (result.status === 'rejected') {
      const code = result.error && result.error.code;
      setDoc(player, doc, { state: 'rejected', result, message: REJECTIONS[code] || 'Document illisible : reprenez la photo.' });
    } else {
      setDoc(player, doc, { state: 'done', result, message: 'Lu.' });
    }
  } catch (e) {
    let message = 'Échec de l’envoi.';
    if (e instanceof ApiError) {
      if (e.kind === 'too_large') message = `Fichier trop volumineux pour le service (limite ${mebibytes(state.config.max_image_bytes)}).`;
      else if (e.kind === 'busy') message = 'Le service est occupé : réessayez dans un moment.';
      else if (e.kind === 'network') message = 'Pas de connexion avec le service : vérifiez le réseau puis réessayez.';
      else message = e.message;
    }
    setDoc(player, doc, { state: 'error', message, retryBlob: upload.blob, retryName: upload.name });
  }
}

function retryDocument(player, doc) {
  doc.file = new File([doc.retryBlob], doc.retryName, { type: doc.retryBlob.type });
  doc.retryBlob = null;
  setDoc(player, doc, { state: 'waiting', message: '' });
  processQueue(player);
}

function removeDocument(player, doc) {
  if (doc.thumbUrl) URL.revokeObjectURL(doc.thumbUrl);
  player.docs = player.docs.filter((d) => d !== doc);
  renderPlayer();
  runCheck(player);
}

// --- The player check --------------------------------------------------------------------

// The name a document goes by in the check's sentences (« … ») and on its card: the name
// it was uploaded under, numbered when two are alike (a phone names every shot image.jpg).
function partNames(docs) {
  const base = docs.map((d) => {
    const uri = d.result && d.result.source && d.result.source.uri;
    return (uri && uri.startsWith('upload:') ? uri.slice(7) : d.name).replace(/[^\x20-\x7e]/g, '_');
  });
  return base.map((n, i) => (base.indexOf(n) !== base.lastIndexOf(n) ? `${n} (${i + 1})` : n));
}

async function runCheck(player) {
  const withResult = player.docs.filter((d) => d.result);
  const names = partNames(withResult);
  withResult.forEach((d, i) => {
    if (d.label === names[i]) return;
    d.label = names[i];
    if (player === state.current) renderDoc(d);
  });
  const results = withResult.map((d, i) => ({ result: d.result, name: names[i] }));
  if (player.busy) return;  // documents still coming: the queue checks when it is done
  const seq = ++player.seq;
  if (!results.length) {
    player.check = null;
    player.checking = false;
    renderPlayer();
    renderSheet();
    return;
  }
  player.checking = true;
  player.checkError = '';
  if (player === state.current) renderVerdict();
  try {
    const answer = await check(results, state.match, {
      onWait: (kind, s) => {
        player.checkError = kind === 'busy' ? `Service occupé : nouvel essai dans ${s} s…` : `Connexion perdue : nouvel essai dans ${s} s…`;
        if (player === state.current) renderVerdict();
      },
    });
    if (seq !== player.seq) return;  // a newer check is on its way
    player.check = answer;
    player.checkError = '';
  } catch (e) {
    if (seq !== player.seq) return;
    player.checkError = e instanceof ApiError && e.kind === 'network'
      ? 'Pas de connexion avec le service : le contrôle n’a pas pu être fait.'
      : `Le contrôle n’a pas pu être fait. ${e.message || ''}`;
  }
  player.checking = false;
  if (player === state.current) renderVerdict();
  renderSheet();
}

function recheckAll() {
  for (const p of state.players) if (p.docs.some((d) => d.result)) runCheck(p);
}

// --- Corrections by hand -----------------------------------------------------------------

function saveCorrection(player, doc, name, value) {
  const trimmed = value.trim();
  const doc2 = doc.result.document || (doc.result.document = { type: 'other', fields: {} });
  const fields = doc2.fields || (doc2.fields = {});
  if (!trimmed) delete fields[name];
  // A value typed by the referee: source "manual", never counted as proven by the MRZ.
  else fields[name] = { value: trimmed, source: 'manual' };
  doc.editing = null;
  renderDoc(doc);
  const again = document.querySelector(`[data-edit="${doc.id}:${name}"]`);
  if (again) again.focus();
  runCheck(player);
}

function editForm(player, doc, name, current) {
  const inputId = `edit-${doc.id}-${name}`;
  const input = h('input', {
    id: inputId, name, value: current, type: DATE_FIELDS.has(name) ? 'date' : 'text', autocomplete: 'off',
  });
  const form = h('form.edit-form', {
    onsubmit: (e) => { e.preventDefault(); saveCorrection(player, doc, name, input.value); },
  },
  h('label.visually-hidden', { for: inputId, text: `${FIELD_LABELS[name] || name} corrigé` }),
  input,
  h('button.button.small', { type: 'submit', text: 'Enregistrer' }),
  h('button.button.small', {
    type: 'button', text: 'Annuler',
    onclick: () => { doc.editing = null; renderDoc(doc); const b = document.querySelector(`[data-edit="${doc.id}:${name}"]`); if (b) b.focus(); },
  }));
  // Typing replaces the value read: the referee corrects, rarely appends.
  queueMicrotask(() => { input.focus(); if (input.type === 'text') input.select(); });
  return form;
}

// --- Rendering ---------------------------------------------------------------------------

function fieldTags(result, field) {
  const tags = [];
  const mrzProven = field.source === 'mrz' && result.verification && result.verification.mrz_check_digits === 'pass';
  if (mrzProven) tags.push(h('span.tag.mrz', { title: 'Valeur prouvée par la bande MRZ (clés de contrôle justes)' }, 'MRZ ✓'));
  if (field.source === 'manual') tags.push(h('span.tag.manual', {}, 'corrigé à la main'));
  else if (typeof field.confidence === 'number' && field.confidence < 0.6) tags.push(h('span.tag.low', {}, 'peu sûr'));
  return tags;
}

function fieldsTable(player, doc) {
  const document_ = doc.result.document;
  const fields = (document_ && document_.fields) || {};
  const names = FIELD_ORDER.filter((n) => n in fields).concat(Object.keys(fields).filter((n) => !FIELD_ORDER.includes(n)));
  // The fields a check relies on can be added when the reading missed them.
  for (const n of ['surname', 'given_names', 'birth_date']) if (!names.includes(n)) names.push(n);
  if (document_ && document_.type === 'fft_licence' && !names.includes('season')) names.push('season');
  if (document_ && document_.type !== 'fft_licence' && !names.includes('expiry_date')) names.push('expiry_date');
  const rows = names.map((name) => {
    const field = fields[name];
    const label = FIELD_LABELS[name] || name;
    const shown = field ? (DATE_FIELDS.has(name) ? formatDate(field.value) : field.value) : '';
    if (doc.editing === name) {
      return h('tr', {}, h('th', { scope: 'row' }, label),
        h('td', { colspan: '2' }, editForm(player, doc, name, field ? field.value : '')));
    }
    return h('tr', {}, h('th', { scope: 'row' }, label),
      h('td', {}, field ? shown : h('span.hint', {}, 'non lu'), field ? fieldTags(doc.result, field) : null),
      h('td.fix', {}, h('button.button.small', {
        type: 'button', 'data-edit': `${doc.id}:${name}`, 'aria-label': `Corriger : ${label}`,
        onclick: () => { doc.editing = name; renderDoc(doc); },
      }, 'Corriger')));
  });
  return h('table.fields', {}, h('caption.visually-hidden', {}, `Champs lus : ${doc.name}`), h('tbody', {}, rows));
}

function docTitle(doc) {
  const d = doc.result && doc.result.document;
  if (!d) return doc.name;
  const side = SIDES[d.side] ? ` (${SIDES[d.side]})` : '';
  return `${DOC_TYPES[d.type] || 'Document'}${side}`;
}

function docContent(player, doc) {
  const thumb = doc.thumbUrl
    ? h('img.thumb', { src: doc.thumbUrl, alt: `Photo : ${doc.name}` })
    : h('div.thumb.pdf', { 'aria-hidden': 'true' }, isPdfName(doc.name) ? 'PDF' : '—');
  const failed = doc.state === 'error' || doc.state === 'rejected';
  const status = h(`p.state${failed ? '.error' : ''}`, { role: failed ? 'alert' : null }, doc.message);
  const progress = (doc.state === 'sending' || doc.state === 'reading' || doc.state === 'preparing')
    ? h('progress', {
      max: '1', value: doc.state === 'sending' ? String(doc.progress) : null,
      'aria-label': `Progression : ${doc.name}`,
    })
    : null;
  const buttons = [];
  if (doc.state === 'error' && doc.retryBlob) {
    buttons.push(h('button.button.small', { type: 'button', onclick: () => retryDocument(player, doc) }, 'Réessayer'));
  }
  if (!['preparing', 'sending', 'reading'].includes(doc.state)) {
    buttons.push(h('button.button.small', {
      type: 'button', 'aria-label': `Retirer : ${doc.name}`, onclick: () => removeDocument(player, doc),
    }, 'Retirer'));
  }
  const warnings = (doc.result && doc.result.verification && doc.result.verification.warnings) || [];
  return [
    h('div.doc-head', {}, thumb, h('div.doc-title', {},
      h('h3', {}, docTitle(doc)),
      doc.result && doc.result.document ? h('p.hint', {}, doc.label || doc.name) : null,
      status, progress, h('div.actions', {}, buttons))),
    warnings.length ? h('ul.warnings', { 'aria-label': 'Avertissements' }, warnings.map((w) => h('li', {}, `⚠ ${warningText(w)}`))) : null,
    doc.state === 'done' ? fieldsTable(player, doc) : null,
  ];
}

function isPdfName(name) { return /\.pdf$/i.test(name || ''); }

function renderDoc(doc) {
  const li = document.querySelector(`li[data-doc="${doc.id}"]`);
  if (!li) return;
  li.replaceChildren(...docContent(state.current, doc).filter(Boolean));
}

// Where an identity value comes from: "MRZ ✓" when the MRZ proves it, and its document
// when the values come from more than one.
function identityOrigin(check, name) {
  const v = check.identity && check.identity[name];
  if (!v || typeof v !== 'object') return null;
  const sources = new Set(Object.values(check.identity).map((x) => x && x.document));
  const d = sources.size > 1 && Array.isArray(check.documents) ? check.documents[v.document] : null;
  const type = d && d.type ? DOC_TYPES[d.type] : '';
  return [
    v.source === 'mrz' ? h('span.tag.mrz', { title: 'Prouvé par la bande MRZ' }, 'MRZ ✓') : null,
    v.source === 'manual' ? h('span.tag.manual', {}, 'corrigé à la main') : null,
    type ? h('span.hint', {}, ` (${type.toLowerCase()})`) : null,
  ];
}

function renderVerdict() {
  const player = state.current;
  const box = $('verdict');
  const verdict = verdictOf(player.check);
  if (!player.check && !player.checking && !player.checkError) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  box.hidden = false;
  box.dataset.state = player.checking ? 'checking' : 'done';
  box.className = `verdict${verdict && !player.checking ? ` ${verdict}` : ''}`;
  const parts = [];
  if (player.checking && !player.check) {
    parts.push(h('span.badge.pending', {}, 'Contrôle en cours…'));
  } else if (verdict) {
    parts.push(h('p', {}, h(`span.badge.${verdict}`, { 'data-verdict': verdict }, VERDICTS[verdict] || verdict),
      player.checking ? h('span.hint', {}, ' mise à jour…') : null));
    const reasons = reasonsOf(player.check);
    if (reasons.length) parts.push(h('ul.reasons', { 'aria-label': 'Motifs' }, reasons.map((r) => h('li', {}, r))));
    const identity = [['surname', 'Nom'], ['given_names', 'Prénoms'], ['birth_date', 'Né(e) le'], ['sex', 'Sexe']]
      .map(([n, label]) => [label, identityValue(player.check, n), n])
      .filter(([, v]) => v);
    if (identity.length) {
      parts.push(h('h3', {}, 'Identité trouvée'));
      parts.push(h('dl.identity', {}, identity.map(([label, v, n]) => [
        h('dt', {}, label),
        h('dd', {}, n === 'birth_date' ? formatDate(v) : v, identityOrigin(player.check, n))])));
    }
    const checks = checksOf(player.check);
    if (checks.length) {
      parts.push(h('h3', {}, 'Contrôles'));
      parts.push(h('ul.checks', {}, checks.map((c) => h('li', {},
        h(`span.mark.${c.status}`, {}, CHECK_MARKS[c.status] || c.status), ' ',
        h('strong', {}, c.label), c.text ? ` — ${c.text}` : ''))));
    }
  }
  if (player.checkError) parts.push(h('p.state.error', { role: 'alert' }, player.checkError));
  box.replaceChildren(...parts);
}

function renderPlayer() {
  const player = state.current;
  $('player-number').textContent = String(player.number);
  const list = $('documents');
  list.replaceChildren(...player.docs.map((doc) => h('li.doc', { 'data-doc': doc.id })));
  for (const doc of player.docs) renderDoc(doc);
  renderVerdict();
}

function renderSheet() {
  const players = state.players.filter((p) => p.docs.length);
  const table = $('sheet-table');
  $('sheet-empty').hidden = players.length > 0;
  table.hidden = players.length === 0;
  const m = state.match;
  const ages = [m.min_age !== '' ? `âge minimum ${m.min_age} ans` : '', m.max_age !== '' ? `âge maximum ${m.max_age} ans` : ''].filter(Boolean).join(', ');
  $('sheet-date').textContent = `Rencontre du ${longDate(m.date) || '(date non précisée)'}${ages ? ` — ${ages}` : ''}`;
  table.tBodies[0].replaceChildren(...players.map((p) => {
    const r = sheetRow(p);
    const name = [r.surname, r.given_names].filter(Boolean).join(' ') || 'Identité non lue';
    return h('tr', {},
      h('td', {}, String(r.number)),
      h('td', {}, name),
      h('td', {}, formatDate(r.birth_date)),
      h('td', {}, r.licence),
      h('td', {}, h(`span.v.${r.verdict || 'pending'}`, {}, r.verdict_text)),
      h('td', {}, r.reasons.join(' ; ')),
      h('td.no-print', {}, p === state.current ? h('span.hint', {}, 'en cours')
        : h('button.button.small', { type: 'button', 'aria-label': `Revoir le joueur n° ${r.number}`, onclick: () => openPlayer(p) }, 'Revoir')));
  }));
}

function openPlayer(player) {
  state.current = player;
  renderPlayer();
  renderSheet();
  $('player').focus();
}

// --- Wiring ------------------------------------------------------------------------------

function readMatch() {
  state.match = { date: $('match-date').value, min_age: $('min-age').value, max_age: $('max-age').value };
}

function todayIso() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function main() {
  $('match-date').value = todayIso();
  readMatch();
  newPlayer();
  renderPlayer();
  renderSheet();

  for (const id of ['match-date', 'min-age', 'max-age']) {
    $(id).addEventListener('change', () => { readMatch(); renderSheet(); recheckAll(); });
  }
  $('match-form').addEventListener('submit', (e) => e.preventDefault());
  $('take-photo').addEventListener('click', () => $('camera-input').click());
  $('pick-file').addEventListener('click', () => $('file-input').click());
  for (const id of ['camera-input', 'file-input']) {
    $(id).addEventListener('change', (e) => {
      if (e.target.files.length) addFiles(e.target.files);
      e.target.value = '';
    });
  }
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer && e.dataTransfer.files.length) addFiles(e.dataTransfer.files);
  });
  $('next-player').addEventListener('click', () => {
    if (state.current.docs.length) newPlayer();
    renderPlayer();
    renderSheet();
    $('player').focus();
  });
  $('export-csv').addEventListener('click', () => downloadCsv(state.players.filter((p) => p.docs.length), state.match));
  $('print-sheet').addEventListener('click', () => window.print());

  state.config = await loadConfig();
  document.documentElement.dataset.ready = 'true';
}

main();
