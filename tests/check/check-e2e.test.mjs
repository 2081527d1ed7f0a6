// End to end: `jae-ocr check --engine local` on generated dossiers (tools/gendocs
// --dossier), on the result JSONs of `extract`, on hand-corrected results, and on bad
// input. Every answer validates against schema/check.schema.json; the exit status is 0
// exactly when the verdict is ok. Prints one line per dossier (the closing note's table).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { skip, runCases } from '../node/gemini/harness.mjs';

const bin = process.env.JAE_BIN;
const build = process.env.JAE_BUILD_DIR;
const gendocs = build && path.join(build, 'tools', 'gendocs', 'gendocs');
if (!bin || !fs.existsSync(bin)) skip('JAE_BIN not built');
if (!gendocs || !fs.existsSync(gendocs)) skip('gendocs not built');
let checkErrors;
try {
  ({ checkErrors } = await import('../node/lib/check-schema.mjs'));
} catch (e) {
  skip(`ajv not installed (scripts/install-deps.sh --test): ${e.message}`);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jae-check-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
const DATE = '2026-12-05';  // season 2027

function run(args) {
  return new Promise((resolve) => {
    const child = spawn(bin, args, {
      env: { PATH: process.env.PATH, HOME: dir, JAE_ENGINE: 'local' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

function gen(scenario) {
  const out = path.join(dir, scenario);
  return new Promise((resolve, reject) => {
    const child = spawn(gendocs, ['--dossier', scenario, '--out', out, '--seed', '7',
      '--conditions', 'scan', '--truth-dir', path.join(dir, 'truth', scenario)], { stdio: 'ignore' });
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`gendocs ${scenario}: ${code}`))));
  });
}

const files = (d, ext = '.jpg') => fs.readdirSync(d).filter((f) => f.endsWith(ext)).sort().map((f) => path.join(d, f));

async function check(args) {
  const r = await run(['check', '--date', DATE, ...args]);
  assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
  const c = JSON.parse(r.stdout);
  const errors = checkErrors(c);
  assert.equal(errors, null, errors);
  assert.equal(r.code === 0, c.verdict === 'ok', `exit ${r.code} with verdict ${c.verdict}`);
  return c;
}

const summary = (c) => Object.entries(c.checks).map(([k, v]) => `${k}=${v.status}:${v.code}`).join(' ');

// The verdict each dossier must get (tools/gendocs/dossier.h).
const expected = {
  same_person: ['ok'],
  two_people: ['refuse'],
  expired_id: ['refuse'],
  last_season_licence: ['refuse'],
  card_2021: ['ok'],
  card_2021_front_only: ['review'],
  not_a_document: ['refuse', 'review'],
};

await runCases([
  ...Object.entries(expected).map(([scenario, verdicts]) => [`dossier ${scenario}: ${verdicts.join('|')}`, async () => {
    const d = await gen(scenario);
    const c = await check(files(d));
    console.log(`  ${scenario}: ${c.verdict} — ${summary(c)}`);
    assert.ok(verdicts.includes(c.verdict), `${scenario}: ${c.verdict}\n${JSON.stringify(c.reasons, null, 1)}`);
  }]),
  ['2021 card: the two sides are one card', async () => {
    const c = await check(files(path.join(dir, 'card_2021')));
    assert.equal(c.cards.length, 1, JSON.stringify(c.cards));
    assert.deepEqual([...c.cards[0].sides].sort(), ['back', 'front']);
    assert.equal(c.cards[0].model, 'fr_id_2021');
  }],
  ['results of extract give the same check; a manual correction is honoured', async () => {
    const res = path.join(dir, 'results');
    const r = await run(['extract', '--out', res, ...files(path.join(dir, 'same_person'))]);
    assert.equal(r.code, 0, r.stderr);
    const fromResults = await check(files(res, '.json'));
    const fromImages = await check(files(path.join(dir, 'same_person')));
    assert.equal(fromResults.verdict, fromImages.verdict);
    // The referee corrects the licence's season by hand: last season's licence.
    const lic = path.join(res, 'licence.jpg.json');
    const result = JSON.parse(fs.readFileSync(lic, 'utf8'));
    result.document.fields.season = { value: '2026', source: 'manual' };
    fs.writeFileSync(lic, JSON.stringify(result));
    const corrected = await check(files(res, '.json'));
    assert.equal(corrected.checks.licence_valid_for_season.code, 'wrong_season');
    assert.equal(corrected.verdict, 'refuse');
  }],
  ['bad input: never ok, never a crash', async () => {
    let c = await check([]);
    assert.equal(c.verdict, 'review');
    assert.equal(c.checks.documents_readable.code, 'no_documents');
    const res = files(path.join(dir, 'results'), '.json');
    c = await check(Array.from({ length: 30 }, (_, i) => res[i % res.length]));
    assert.notEqual(c.verdict, 'ok');
    assert.equal(c.checks.documents_readable.code, 'too_many_documents');
    const junk = path.join(dir, 'junk.json');
    fs.writeFileSync(junk, '{"hello": 1}');
    c = await check([...res, junk]);
    assert.notEqual(c.verdict, 'ok');
    c = await check([...res, path.join(dir, 'missing.jpg')]);
    assert.notEqual(c.verdict, 'ok');
  }],
  ['usage errors exit 2', async () => {
    for (const args of [['--date', '05/12/2026'], ['--min-age', 'x'], ['--min-age', '20', '--max-age', '10']]) {
      const r = await run(['check', ...args]);
      assert.equal(r.code, 2, `${args}: ${r.code}`);
    }
  }],
]);
