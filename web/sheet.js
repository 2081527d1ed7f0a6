// The match sheet: one row per player, as a table on the page, as CSV (semicolons and a
// byte order mark, the form French spreadsheets open directly), and printed (app.css
// @media print shows the sheet alone).
import { VERDICTS, formatDate, identityValue, reasonsOf, verdictOf } from './texts.js';

// The row of a player: what the referee writes on the paper sheet.
export function sheetRow(player) {
  const check = player.check;
  const licence = player.docs
    .map((d) => d.result && d.result.document)
    .find((doc) => doc && doc.type === 'fft_licence');
  const licenceNumber = licence && licence.fields && licence.fields.licence_number
    ? licence.fields.licence_number.value : '';
  const verdict = verdictOf(check);
  return {
    number: player.number,
    surname: identityValue(check, 'surname'),
    given_names: identityValue(check, 'given_names'),
    birth_date: identityValue(check, 'birth_date'),
    licence: licenceNumber,
    verdict,
    verdict_text: verdict ? VERDICTS[verdict] || verdict : 'En cours',
    reasons: reasonsOf(check),
  };
}

function csvCell(value) {
  const s = String(value ?? '');
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function sheetCsv(players, match) {
  const header = ['Date de la rencontre', 'N°', 'Nom', 'Prénoms', 'Date de naissance',
    'N° de licence', 'Verdict', 'Motifs'];
  const lines = [header];
  for (const p of players) {
    const r = sheetRow(p);
    lines.push([match.date || '', r.number, r.surname, r.given_names, formatDate(r.birth_date),
      r.licence, r.verdict_text, r.reasons.join(' | ')]);
  }
  return `\ufeff${lines.map((l) => l.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

export function downloadCsv(players, match) {
  const blob = new Blob([sheetCsv(players, match)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `feuille-de-match-${match.date || 'sans-date'}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
