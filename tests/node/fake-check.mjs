// A stand-in for POST /v1/check (issue 14) while the real route is being built: the web
// app's browser tests put it in front of a real `jae-ocr serve` only when that server
// answers 404 on /v1/check. It follows the rules of issue 14 loosely (enough to drive the
// page: same person, valid ID, licence season, age, readable documents) and answers the
// same shape as schema/check.schema.json (the check branch's, commit 68b0048). Never used once the server has the route.
import http from 'node:http';

const ID_TYPES = new Set(['id_card', 'passport', 'residence_permit']);

function fold(s) {
  return String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .toUpperCase().replace(/[^A-Z]/g, '');
}
function names(s) {
  return String(s || '').split(/[\s,]+/).map(fold).filter(Boolean);
}
const field = (r, n) => r.document && r.document.fields && r.document.fields[n] && r.document.fields[n].value;

export function computeCheck(results, { date, min_age, max_age }) {
  const ok = results.filter((r) => r.status === 'ok' && r.document);
  const ids = ok.filter((r) => ID_TYPES.has(r.document.type));
  const licences = ok.filter((r) => r.document.type === 'fft_licence');
  const checks = {};
  const set = (name, status, code, message) => { checks[name] = { status, code, message }; };

  const identity = {};
  for (const n of ['surname', 'given_names', 'birth_date', 'sex']) {
    const from = [...ids, ...licences].map((r) => [r, r.document.fields[n]]).filter(([, f]) => f)
      .sort(([, a], [, b]) => (b.source === 'mrz') - (a.source === 'mrz'))[0];
    if (from) identity[n] = { value: from[1].value, document: results.indexOf(from[0]), source: from[1].source || 'unspecified' };
  }

  const idDoc = ids[0];
  const licence = licences[0];
  if (!idDoc || !licence) {
    set('same_person', 'unknown', 'missing_document', !idDoc ? 'Aucune pièce d’identité lue.' : 'Aucune licence lue.');
  } else if (!field(idDoc, 'surname') || !field(licence, 'surname')) {
    set('same_person', 'unknown', 'missing_name', 'Le nom n’a pas été lu sur tous les documents.');
  } else if (fold(field(idDoc, 'surname')) !== fold(field(licence, 'surname'))) {
    set('same_person', 'fail', 'surname_differs',
      `Les noms diffèrent : ${field(idDoc, 'surname')} sur la pièce d’identité, ${field(licence, 'surname')} sur la licence.`);
  } else if (field(licence, 'given_names') && !names(field(idDoc, 'given_names')).includes(names(field(licence, 'given_names'))[0])) {
    set('same_person', 'fail', 'given_name_differs', 'Le prénom de la licence n’est pas un des prénoms de la pièce d’identité.');
  } else if (field(idDoc, 'birth_date') && field(licence, 'birth_date') && field(idDoc, 'birth_date') !== field(licence, 'birth_date')) {
    set('same_person', 'fail', 'birth_date_differs', 'Les dates de naissance diffèrent.');
  } else {
    set('same_person', 'pass', 'same_person', 'Les documents désignent la même personne.');
  }

  if (!idDoc) set('id_document_valid', 'unknown', 'missing_id', 'Aucune pièce d’identité lue.');
  else if (!field(idDoc, 'expiry_date')) set('id_document_valid', 'unknown', 'no_expiry', 'La date d’expiration n’a pas été lue.');
  else if (field(idDoc, 'expiry_date') < date) set('id_document_valid', 'fail', 'expired', `La pièce d’identité a expiré le ${field(idDoc, 'expiry_date')}.`);
  else set('id_document_valid', 'pass', 'valid', 'La pièce d’identité est valide à la date de la rencontre.');

  const season = licence && Number(field(licence, 'season'));
  if (!licence) set('licence_valid_for_season', 'unknown', 'missing_licence', 'Aucune licence lue.');
  else if (!season) set('licence_valid_for_season', 'unknown', 'no_season', 'La saison de la licence n’a pas été lue.');
  else if (date >= `${season - 1}-09-01` && date <= `${season}-08-31`) set('licence_valid_for_season', 'pass', 'current_season', `Licence de la saison ${season}.`);
  else set('licence_valid_for_season', 'fail', 'other_season', `La licence est celle de la saison ${season}, pas de la saison de la rencontre.`);

  const birth = identity.birth_date && identity.birth_date.value;
  if (!birth) set('age', 'unknown', 'no_birth_date', 'La date de naissance n’a pas été lue.');
  else {
    const age = Number(date.slice(0, 4)) - Number(birth.slice(0, 4));
    if (min_age !== undefined && age < min_age) set('age', 'fail', 'too_young', `${age} ans dans l’année, moins que l’âge minimum (${min_age}).`);
    else if (max_age !== undefined && age > max_age) set('age', 'fail', 'too_old', `${age} ans dans l’année, plus que l’âge maximum (${max_age}).`);
    else set('age', 'pass', 'age_ok', `${age} ans dans l’année.`);
  }

  const rejected = results.filter((r) => r.status !== 'ok').length;
  if (rejected) set('documents_readable', 'fail', 'rejected', `${rejected} document(s) illisible(s).`);
  else set('documents_readable', 'pass', 'readable', 'Tous les documents ont été lus.');

  const statuses = Object.values(checks).map((c) => c.status);
  const verdict = statuses.includes('fail') ? 'refuse' : statuses.includes('unknown') ? 'review' : 'ok';
  const reasons = Object.entries(checks).filter(([, c]) => c.status !== 'pass')
    .sort(([, a], [, b]) => (a.status === 'fail' ? 0 : 1) - (b.status === 'fail' ? 0 : 1))
    .map(([name, c]) => ({ check: name, status: c.status, code: c.code, message: c.message }));
  const matchYear = Number(date.slice(0, 4));
  const out = {
    schema_version: '1',
    verdict,
    reasons,
    match_date: date,
    season: date.slice(5) >= '09-01' ? matchYear + 1 : matchYear,
    identity,
    checks,
    documents: results.map((r, index) => {
      const d = { index, name: r.source && r.source.uri ? r.source.uri : `document-${index + 1}`, status: r.status, warnings: (r.verification && r.verification.warnings) || [] };
      if (r.document) { d.type = r.document.type; if (r.document.side) d.side = r.document.side; }
      if (r.verification && r.verification.mrz_check_digits) d.mrz = r.verification.mrz_check_digits;
      if (r.error) d.error_code = r.error.code;
      return d;
    }),
    cards: [],
  };
  if (min_age !== undefined) out.min_age = min_age;
  if (max_age !== undefined) out.max_age = max_age;
  return out;
}

// An HTTP front that forwards everything to `target`, keeps the POST bodies it sees (what
// the server receives, byte for byte: `server.posts`), and answers POST /v1/check itself
// when `fakeCheck` is true.
export async function startFront(target, { fakeCheck = false } = {}) {
  const posts = [];
  const server = http.createServer(async (req, res) => {
    let body = null;
    if (req.method === 'POST') {
      const chunks = [];
      for await (const c of req) chunks.push(c);
      body = Buffer.concat(chunks);
      posts.push({ url: req.url, contentType: req.headers['content-type'], body });
    }
    if (fakeCheck && req.method === 'POST' && req.url.startsWith('/v1/check')) {
      const form = await new Request('http://x/', { method: 'POST', headers: req.headers, body }).formData();
      const results = [];
      for (const part of form.getAll('file')) results.push(JSON.parse(await part.text()));
      const num = (v) => (v === null || v === '' ? undefined : Number(v));
      const answer = computeCheck(results, {
        date: form.get('date') || new Date().toISOString().slice(0, 10),
        min_age: num(form.get('min_age')),
        max_age: num(form.get('max_age')),
      });
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(answer));
      return;
    }
    const url = new URL(req.url, target);
    const upstream = http.request(url, { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => { res.writeHead(502); res.end(); });
    if (body) upstream.end(body);
    else req.pipe(upstream);
  });
  server.posts = posts;
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  server.url = `http://127.0.0.1:${server.address().port}`;
  return server;
}
