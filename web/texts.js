// The French words of the page, and the reading of the service's answers into them.

export const FIELD_LABELS = {
  surname: 'Nom',
  given_names: 'Prénoms',
  birth_date: 'Date de naissance',
  birth_place: 'Lieu de naissance',
  sex: 'Sexe',
  nationality: 'Nationalité',
  document_number: 'N° du document',
  issue_date: 'Délivré le',
  expiry_date: 'Expire le',
  issuing_authority: 'Autorité',
  address: 'Adresse',
  licence_number: 'N° de licence',
  club_name: 'Club',
  club_number: 'N° de club',
  ranking: 'Classement',
  season: 'Saison',
};
export const FIELD_ORDER = Object.keys(FIELD_LABELS);
export const DATE_FIELDS = new Set(['birth_date', 'issue_date', 'expiry_date']);

export const DOC_TYPES = {
  id_card: 'Carte d’identité',
  passport: 'Passeport',
  residence_permit: 'Titre de séjour',
  driving_licence: 'Permis de conduire',
  fft_licence: 'Licence FFT',
  other: 'Autre document',
};
export const SIDES = { front: 'recto', back: 'verso', both: 'recto-verso' };

export const CHECK_LABELS = {
  same_person: 'Même personne',
  id_document_valid: 'Pièce d’identité valide',
  licence_valid_for_season: 'Licence de la saison',
  age: 'Âge',
  documents_readable: 'Documents lisibles',
};
export const CHECK_MARKS = { pass: '✓ conforme', fail: '✗ non conforme', unknown: '? à vérifier' };

export const VERDICTS = { ok: 'OK', review: 'À vérifier', refuse: 'Refusé' };

export const REJECTIONS = {
  too_large: 'Fichier trop volumineux.',
  unsupported_media_type: 'Ce fichier n’est ni une photo ni un PDF.',
  undecodable: 'Image illisible : reprenez la photo.',
  no_document: 'Aucun document reconnu : cadrez la pièce entière, à plat et bien éclairée.',
  model_refused: 'Lecture refusée : reprenez la photo.',
  model_output_invalid: 'Lecture impossible : reprenez la photo.',
  internal: 'Erreur du service : reprenez la photo.',
};

const WARNING_PROBLEMS = [
  [/: confidence out of range$/, ' : confiance hors limites'],
  [/: not a valid date$/, ' : date impossible'],
  [/: not a date$/, ' : pas une date'],
  [/: not F, M or X$/, ' : ni F, ni M, ni X'],
  [/: not a three-letter code$/, ' : pas un code de trois lettres'],
  [/: not 7 digits and a letter$/, ' : pas 7 chiffres et une lettre'],
  [/: not digits$/, ' : pas des chiffres'],
  [/: not on the French ranking scale$/, ' : classement inconnu'],
  [/: not a season year$/, ' : pas une année de saison'],
  [/: in the future$/, ' : dans le futur'],
  [/: before issue_date$/, ' : avant la date de délivrance'],
  [/: check digits do not hold$/, ' : les clés de contrôle ne concordent pas'],
  [/: not a machine readable zone$/, ' : bande MRZ illisible'],
  [/ differs between the MRZ and the visual reading$/, ' diffère entre la bande MRZ et le texte imprimé'],
  [/ differs between the MRZ and the model reading$/, ' diffère entre la bande MRZ et la lecture du modèle'],
  [/ differs between the MRZ and the \w+ reading$/, ' diffère entre la bande MRZ et la zone imprimée'],
  [/ differs$/, ' diffère de la bande MRZ'],
  [/: confidence below the threshold, not used$/, ' : lecture peu sûre, non utilisée'],
  [/: not a name \(a digit, a sign or no letter\)$/, ' : pas un nom'],
  [/: not a country code of the ISO 3166 \/ ICAO list$/, ' : pas un code de pays connu'],
  [/^MRZ: (.+) breaks its form$/, 'MRZ : $1 hors de son format'],
  [/ breaks its form$/, ' : hors de son format'],
  [/^MRZ: (\d+) character\(s\) repaired along OCR confusions$/, 'MRZ : $1 caractère(s) corrigé(s) (confusions de lecture)'],
  [/: not the format of a French passport number.*$/, ' : pas au format d’un numéro de passeport français (2 chiffres, 2 lettres, 5 chiffres)'],
  [/: extended by 5 years.*$/, ' : prolongée de 5 ans (carte d’identité délivrée de 2004 à 2013 à un majeur)'],
];

// The verifier's warnings are short English notes ("birth_date: in the future"): said in
// French when they are known, shown as they are otherwise.
export function warningText(text) {
  let out = String(text);
  for (const [name, label] of Object.entries(FIELD_LABELS)) {
    out = out.replace(new RegExp(`\\b${name}\\b`), label);
  }
  out = out.replace(/^mrz_matches_visual: /, '').replace(/^mrz\b/, 'MRZ');
  for (const [pattern, french] of WARNING_PROBLEMS) {
    if (pattern.test(out)) return out.replace(pattern, french);
  }
  return out;
}

export function formatDate(iso) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso || '')) return iso || '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function longDate(iso) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso || '')) return '';
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeZone: 'UTC' })
    .format(new Date(`${iso}T12:00:00Z`));
}

export function mebibytes(bytes) {
  return `${(bytes / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}

// --- Reading a player check (schema/check.schema.json) ---------------------------------

export function verdictOf(check) {
  if (!check) return null;
  const v = check.verdict;
  if (typeof v === 'string') return v;
  return (v && (v.value || v.status || v.verdict)) || null;
}

function sentence(item) {
  if (item == null) return '';
  if (typeof item === 'string') return item;
  return item.message || item.text || item.sentence || item.fr || item.reason || item.code || '';
}

export function reasonsOf(check) {
  if (!check) return [];
  const v = check.verdict;
  const list = check.reasons || (v && typeof v === 'object' && v.reasons) || [];
  return list.map(sentence).filter(Boolean);
}

export function checksOf(check) {
  const checks = (check && check.checks) || {};
  const entries = Array.isArray(checks)
    ? checks.map((c) => [c.name || c.check || c.id, c])
    : Object.entries(checks);
  return entries.map(([name, c]) => ({
    name,
    label: CHECK_LABELS[name] || name,
    status: c.status || c.result || 'unknown',
    code: c.reason || c.code || '',
    text: c.message || c.text || c.sentence || c.fr || '',
  }));
}

// identity.<field> may be a plain value or {value, document/from/source...}.
export function identityValue(check, name) {
  const id = check && check.identity;
  if (!id) return '';
  const v = id[name];
  if (v == null) return '';
  if (typeof v === 'object') return v.value || '';
  return String(v);
}
