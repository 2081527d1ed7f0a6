// `jae-ocr extract --engine gemini|vertex` end to end against fake-gemini.mjs: for every
// document kind the model's answer becomes a schema-valid result (ajv, the contract's
// schema), verified (MRZ check digits, MRZ vs printed fields), and refusals become
// `rejected` results. The images are synthetic PNGs; the fake plays the model's part.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { startFake, runCases, skip, writeTemp, syntheticPng } from './harness.mjs';
import { resultErrors } from '../lib/schema.mjs';

const bin = process.env.JAE_BIN;
if (!bin || !fs.existsSync(bin)) skip(`jae-ocr not built (JAE_BIN=${bin})`);

const fake = await startFake(['--api-key', 'x-key', '--token', 'x-token']);
const image = writeTemp('card.png', syntheticPng());

function extract(env, args = ['--engine', 'gemini']) {
  return new Promise((resolve) => {
    const child = spawn(bin, ['extract', ...args, image], {
      env: { PATH: process.env.PATH, HOME: os.tmpdir() + '/jae-no-home', ...env },
      stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const lines = stdout.trim().split('\n').filter(Boolean);
      let result = null;
      try { result = lines.length ? JSON.parse(lines[0]) : null; } catch { /* left null */ }
      resolve({ code, result, stdout, stderr });
    });
  });
}

const env = { GEMINI_API_KEY: 'x-key', GEMINI_BASE_URL: fake.url };

async function run(output, { expectType, check, engineEnv = env, args } = {}) {
  await fake.reset();
  await fake.script({ responses: [output] });
  const r = await extract(engineEnv, args);
  assert.ok(r.result, `no result: exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  const errors = resultErrors(r.result);
  assert.equal(errors, null, `schema: ${errors}\n${JSON.stringify(r.result)}`);
  if (expectType) {
    assert.equal(r.result.status, 'ok', JSON.stringify(r.result));
    assert.equal(r.code, 0);
    assert.equal(r.result.document.type, expectType);
    assert.equal(r.result.engine.attempts, 1);
    assert.ok(r.result.engine.input_tokens > 0);
  }
  const calls = (await fake.requests()).filter((q) => q.api);
  assert.equal(calls.length, 1, 'one model call per document');
  assert.equal(calls[0].body.contents[0].parts[0].inlineData.mimeType, 'image/jpeg');
  if (check) check(r.result, r);
  return r;
}

const doc = (document_type, fields, mrz_lines = [], extra = {}) =>
  ({ ok: { document_type, side: 'front', issuing_country: 'FRA', fields, mrz_lines, ...extra } });

await runCases([
  ['CNI 2021 (back, 3-line MRZ): verified ok', () => run({ ok: undefined }, {
    expectType: 'id_card',
    check: (res) => {
      assert.equal(res.document.mrz.format, 'TD1');
      assert.equal(res.document.mrz.valid, true);
      assert.equal(res.verification.mrz_check_digits, 'pass');
      assert.equal(res.document.fields.surname.value, 'MARTIN');
      assert.equal(res.engine.name, 'gemini');
    },
  })],
  ['CNI 1988 (2-line 36-char MRZ)', () => run(doc('id_card',
    { surname: 'BERTHIER', given_names: 'CORINNE', birth_date: '1965-12-06', sex: 'F' },
    ['IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<', '9409923102854CORINNE<<<<<<<6512068F4']), {
    expectType: 'id_card',
    check: (res) => assert.equal(res.document.mrz.format, 'FR_ID_1988'),
  })],
  ['passport (TD3)', () => run(doc('passport',
    { surname: 'ERIKSSON', given_names: 'ANNA MARIA', birth_date: '1974-08-12' },
    ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
    { issuing_country: 'UTO' }), {
    expectType: 'passport',
    check: (res) => {
      assert.equal(res.document.mrz.format, 'TD3');
      assert.equal(res.verification.expired, true);
    },
  })],
  ['titre de séjour (TD1)', () => run(doc('residence_permit', { surname: 'ERIKSSON' },
    ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'],
    { issuing_country: 'UTO' }), { expectType: 'residence_permit' })],
  ['permis de conduire (1-line MRZ)', () => run(doc('driving_licence',
    { surname: 'MARTIN', document_number: '13AA00002' }, ['D1FRA13AA000026181231MARTIN<<9']),
  { expectType: 'driving_licence', check: (res) => assert.equal(res.document.mrz?.format, 'FR_DL') })],
  ['FFT licence (no MRZ)', () => run(doc('fft_licence', { surname: 'DURAND', given_names: 'LEA',
    licence_number: '1234567 A', club_name: 'TC EXEMPLE', club_number: '57 12 0001', ranking: '30/2', season: '2026' }), {
    expectType: 'fft_licence',
    check: (res) => {
      assert.equal(res.document.fields.licence_number.value, '1234567A');
      assert.equal(res.document.fields.club_number.value, '57120001');
      assert.equal(res.document.fields.ranking.value, '30/2');
      assert.equal(res.verification.mrz_check_digits, 'absent');
    },
  })],
  ['model misreads one MRZ digit: never a silent pass', () => run(doc('id_card',
    { surname: 'MARTIN' },
    ['IDFRAX4RTBPFW46<<<<<<<<<<<<<<<', '9007139F3002119FRA<<<<<<<<<<<6', 'MARTIN<<MAELYS<GAELLE<MARIE<<<']), {
    check: (res) => {
      const mrz = res.document.mrz;
      assert.ok(mrz.valid === false || mrz.corrected === true, JSON.stringify(mrz));
      if (!mrz.valid) assert.equal(res.verification.mrz_check_digits, 'fail');
    },
  })],
  ['printed name disagrees with the MRZ: mismatch', () => run(doc('id_card',
    { surname: 'MARTINEZ', given_names: 'MAELYS GAELLE MARIE' },
    ['IDFRAX4RTBPFW46<<<<<<<<<<<<<<<', '9007138F3002119FRA<<<<<<<<<<<6', 'MARTIN<<MAELYS<GAELLE<MARIE<<<']), {
    check: (res) => assert.equal(res.verification.mrz_matches_visual, 'mismatch'),
  })],
  ['SAFETY: rejected model_refused', () => run({ finishReason: 'SAFETY' }, {
    check: (res, r) => {
      assert.equal(res.status, 'rejected');
      assert.equal(res.error.code, 'model_refused');
      assert.equal(r.code, 1);
    },
  })],
  ['vertex engine (metadata-server token)', () => run({ ok: undefined }, {
    expectType: 'id_card',
    engineEnv: { GOOGLE_CLOUD_PROJECT: 'demo', GEMINI_BASE_URL: fake.url, GCE_METADATA_HOST: `127.0.0.1:${fake.port}` },
    args: ['--engine', 'vertex'],
    check: (res) => assert.equal(res.engine.name, 'vertex'),
  })],
]);
await fake.stop();
