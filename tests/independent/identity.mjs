// Fictitious people and documents for the independent set (deterministic from a seed).
import { td1, td3, frId1988 } from './mrz.mjs';

export function rng(seed) {
  // mulberry32
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    range: (lo, hi) => lo + next() * (hi - lo),
    chance: (p) => next() < p,
  };
}

const SURNAMES = ['MARCHAND', 'ROUSSEAU', 'GAUTHIER', 'PERRIN', 'MOREL', 'FONTAINE', 'CHEVALIER',
  'LEFÈVRE', 'MERCIER', 'BLANCHARD', 'DA SILVA', 'N\'GUESSAN', 'HOARAU', 'LE BRIS', 'BOYER',
  'TRAORÉ', 'NGUYEN', 'GARNIER', 'FAURE', 'RENAUD', 'BARBIER', 'COLIN', 'ARNAUD', 'HÉBERT'];
const GIVEN_F = ['Camille', 'Inès', 'Léa', 'Chloé', 'Manon', 'Élise', 'Margaux', 'Sarah', 'Anaëlle',
  'Juliette', 'Nathalie', 'Odile', 'Agathe', 'Maëlys'];
const GIVEN_M = ['Antoine', 'Hugo', 'Mathis', 'Théo', 'Grégoire', 'Yanis', 'Benoît', 'Rémi', 'Noël',
  'Sébastien', 'Olivier', 'Gaël', 'Victor', 'Jérôme'];
const CITIES = ['NANTES', 'ROUEN', 'GRENOBLE', 'DIJON', 'AMIENS', 'TOULON', 'METZ', 'NÎMES', 'PAU',
  'LIMOGES', 'BREST', 'ANGERS', 'SAINT-ÉTIENNE', 'CLERMONT-FERRAND', 'VILLEURBANNE'];
const STREETS = ['RUE VICTOR HUGO', 'AVENUE JEAN JAURÈS', 'BOULEVARD GAMBETTA', 'RUE DE LA PAIX',
  'IMPASSE DES ROSIERS', 'CHEMIN DU MOULIN', 'PLACE DE LA MAIRIE', 'ALLÉE DES PINS'];
const NATIONALITIES = ['ITA', 'MAR', 'DZA', 'PRT', 'SEN', 'TUN', 'CHN', 'BRA', 'USA', 'CMR'];
const CLUBS = ['Tennis Club de Vannes', 'AS Montferrand Tennis', 'TC Boulogne Billancourt',
  'Racing Club Tennis Strasbourg', 'US Orléans Tennis', 'Tennis Padel Club Aix', 'ASPTT Lille',
  'Olympique Tennis Caen', 'Cercle Sportif de Pau'];
const RANKINGS = ['NC', '40', '30/5', '30/4', '30/3', '30/2', '30/1', '30', '15/5', '15/4', '15/3',
  '15/2', '15/1', '15', '5/6', '4/6', '3/6', '2/6', '1/6', '0', '-2/6', '-4/6', '-15'];
const ALNUM = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

const iso = (y, m, d) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const digits = (r, n) => Array.from({ length: n }, () => r.int(0, 9)).join('');

function person(r) {
  const sex = r.chance(0.5) ? 'F' : 'M';
  const pool = sex === 'F' ? GIVEN_F : GIVEN_M;
  const given = [r.pick(pool)];
  if (r.chance(0.5)) given.push(r.pick(pool.filter((g) => g !== given[0])));
  return {
    sex,
    surname: r.pick(SURNAMES),
    given,
    birth: iso(r.int(1950, 2006), r.int(1, 12), r.int(1, 28)),
    birth_place: r.pick(CITIES),
  };
}

export const KINDS = ['fr_passport', 'fr_id_1988', 'fr_id_2021_front', 'fr_id_2021_back',
  'fr_residence', 'fft_licence'];

// {kind, document_type, side, issuing_country, mrz_lines, fields, extra}: `fields` is the
// truth (schema names, ISO dates); `extra` what a design prints besides.
export function makeDocument(kind, r) {
  const p = person(r);
  const issueYear = r.int(2016, 2025);
  const issue = iso(issueYear, r.int(1, 12), r.int(1, 28));
  const expiry = iso(issueYear + 10, Number(issue.slice(5, 7)), Number(issue.slice(8, 10)));
  const givenText = p.given.join(' ');
  const base = { issuing_country: 'FRA', side: 'front' };
  switch (kind) {
    case 'fr_passport': {
      const number = digits(r, 2) + 'AB'[r.int(0, 1)] + 'CDEFGHKLM'[r.int(0, 8)] + digits(r, 5);
      return {
        ...base, kind, document_type: 'passport', p, issue, expiry,
        mrz_lines: td3({ country: 'FRA', number, nationality: 'FRA', birth: p.birth, sex: p.sex,
          expiry, surname: p.surname, given: p.given }),
        fields: { surname: p.surname, given_names: givenText, birth_date: p.birth,
          birth_place: p.birth_place, sex: p.sex, document_number: number, issue_date: issue,
          expiry_date: expiry },
      };
    }
    case 'fr_id_1988': {
      const department = String(r.int(1, 95)).padStart(3, '0');
      const office = digits(r, 3);
      const number = issue.slice(2, 4) + issue.slice(5, 7) + department + digits(r, 5);
      const expiry15 = iso(issueYear + 15, Number(issue.slice(5, 7)), Number(issue.slice(8, 10)));
      return {
        ...base, kind, document_type: 'id_card', p, issue, expiry: expiry15,
        mrz_lines: frId1988({ number, department, office, birth: p.birth, sex: p.sex,
          surname: p.surname, given: p.given }),
        fields: { surname: p.surname, given_names: givenText, birth_date: p.birth,
          birth_place: p.birth_place, sex: p.sex, document_number: number },
      };
    }
    case 'fr_id_2021_front':
    case 'fr_id_2021_back': {
      const number = Array.from({ length: 9 }, () => r.pick(ALNUM)).join('');
      const doc = {
        ...base, kind, document_type: 'id_card', p, issue, expiry,
        number,
        address: `${r.int(1, 120)} ${r.pick(STREETS)} ${digits(r, 5)} ${r.pick(CITIES)}`,
      };
      if (kind === 'fr_id_2021_front') {
        return { ...doc, mrz_lines: [], fields: { surname: p.surname, given_names: givenText,
          birth_date: p.birth, birth_place: p.birth_place, sex: p.sex, nationality: 'FRA',
          document_number: number, expiry_date: expiry } };
      }
      return { ...doc, side: 'back',
        mrz_lines: td1({ code: 'ID', country: 'FRA', number, nationality: 'FRA', birth: p.birth,
          sex: p.sex, expiry, surname: p.surname, given: p.given }),
        fields: { address: doc.address, issue_date: issue } };
    }
    case 'fr_residence': {
      const number = Array.from({ length: 9 }, () => r.pick(ALNUM)).join('');
      const nationality = r.pick(NATIONALITIES);
      const exp = iso(issueYear + r.pick([1, 4, 10]), Number(issue.slice(5, 7)), Number(issue.slice(8, 10)));
      return {
        ...base, kind, document_type: 'residence_permit', side: 'both', p, issue, expiry: exp,
        number, nationality,
        mrz_lines: td1({ code: 'AR', country: 'FRA', number, nationality, birth: p.birth,
          sex: p.sex, expiry: exp, surname: p.surname, given: p.given }),
        fields: { surname: p.surname, given_names: givenText, birth_date: p.birth, sex: p.sex,
          nationality, expiry_date: exp },
      };
    }
    case 'fft_licence': {
      const season = String(r.int(2023, 2027));
      const licence = `${digits(r, 7)} ${r.pick('ABCDEFGHJKLMNPRSTUVWXYZ'.split(''))}`;
      const club_number = digits(r, 8);
      return {
        ...base, kind, document_type: 'fft_licence', p, issue, expiry, mrz_lines: [],
        fields: { surname: p.surname, given_names: givenText, birth_date: p.birth, sex: p.sex,
          licence_number: licence, ranking: r.pick(RANKINGS), season,
          club_name: r.pick(CLUBS), club_number },
      };
    }
  }
  throw new Error(`unknown kind ${kind}`);
}
