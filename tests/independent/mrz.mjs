// MRZ lines for the independent document set, written from ICAO 9303 (and the French
// 1988 card's published layout), not from src/mrz or tools/gendocs: a second, separate
// implementation, so that a shared misreading of the standard cannot hide.

const value = (c) => {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  if (c >= 'A' && c <= 'Z') return c.charCodeAt(0) - 55;
  return 0; // '<'
};

export function checkDigit(s) {
  const w = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < s.length; ++i) sum += value(s[i]) * w[i % 3];
  return String(sum % 10);
}

// Upper case, accents dropped, anything else than A-Z a filler.
export function mrzName(s) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '<');
}

const pad = (s, n) => (s + '<'.repeat(n)).slice(0, n);
const yymmdd = (iso) => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);

// Names field: SURNAME<<GIVEN<NAMES, cut to `n`.
function names(surname, given, n) {
  return pad(mrzName(surname) + '<<' + given.map(mrzName).join('<'), n);
}

// TD3 (passport): 2 x 44.
export function td3({ code = 'P<', country, number, nationality, birth, sex, expiry, surname, given }) {
  const l1 = pad(code, 2) + country + names(surname, given, 39);
  const num = pad(number, 9);
  const personal = '<'.repeat(14);
  const personalCd = '<';
  const l2a = num + checkDigit(num) + nationality + yymmdd(birth) + checkDigit(yymmdd(birth)) +
    sex + yymmdd(expiry) + checkDigit(yymmdd(expiry)) + personal + personalCd;
  const composite = checkDigit(l2a.slice(0, 10) + l2a.slice(13, 20) + l2a.slice(21, 43));
  return [l1, l2a + composite];
}

// TD1 (2021 card back, residence permit): 3 x 30.
export function td1({ code, country, number, nationality, birth, sex, expiry, surname, given }) {
  const num = pad(number, 9);
  const l1 = pad(code, 2) + country + num + checkDigit(num) + '<'.repeat(15);
  const l2a = yymmdd(birth) + checkDigit(yymmdd(birth)) + sex + yymmdd(expiry) +
    checkDigit(yymmdd(expiry)) + nationality + '<'.repeat(11);
  const composite = checkDigit(l1.slice(5, 30) + l2a.slice(0, 7) + l2a.slice(8, 15) + l2a.slice(18, 29));
  return [l1, l2a + composite, names(surname, given, 30)];
}

// French identity card of 1988: 2 x 36. Line 1: IDFRA, surname (25), department (3) and
// office (3); line 2: number (YYMM + department + 5-digit serial) and its check digit,
// given names (14), birth date and its check digit, sex, then the check digit of both
// lines.
export function frId1988({ number, department, office, birth, sex, surname, given }) {
  const l1 = 'IDFRA' + pad(mrzName(surname), 25) + department + office;
  const l2a = number + checkDigit(number) + pad(given.map(mrzName).join('<<'), 14) +
    yymmdd(birth) + checkDigit(yymmdd(birth)) + sex;
  return [l1, l2a + checkDigit(l1 + l2a)];
}
