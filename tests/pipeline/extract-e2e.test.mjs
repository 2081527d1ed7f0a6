// End to end: `jae-ocr extract --engine gemini` against the fake Gemini server, on
// synthetic inputs of every kind the pipeline decides on (ok JPEG/HEIC/PDF, pixel bomb,
// text, truncated JPEG). Checks exit status, JSON Lines on stdout, the schema, what the
// model was sent (a normalised JPEG), --out, and that a transient model failure prints
// no result. Needs the test tools of tests/node (exit 77 otherwise).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { startFake, skip, runCases } from '../node/gemini/harness.mjs';

const bin = process.env.JAE_BIN;
const build = process.env.JAE_BUILD_DIR;
const makeFixture = build && path.join(build, 'tests', 'image', 'make_fixture');
if (!bin || !fs.existsSync(bin)) skip('JAE_BIN not built');
if (!makeFixture || !fs.existsSync(makeFixture)) skip('make_fixture not built');
let resultErrors;
try {
  ({ resultErrors } = await import('../node/lib/schema.mjs'));
} catch (e) {
  skip(`ajv not installed (scripts/install-deps.sh --test): ${e.message}`);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jae-extract-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      env: { PATH: process.env.PATH, HOME: path.join(dir, 'home'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const files = {};
for (const [name, kind] of [['card.jpg', 'jpeg-rotated'], ['card.heic', 'heic'], ['scan.pdf', 'pdf'],
  ['bomb.png', 'png-bomb'], ['cut.jpg', 'jpeg-truncated']]) {
  const file = path.join(dir, name);
  const r = await run(makeFixture, [kind, file]);
  if (r.code === 0) files[name] = file;
  else if (r.code !== 77) throw new Error(`make_fixture ${kind}: ${r.code} ${r.stderr}`);
}
files['note.txt'] = path.join(dir, 'note.txt');
fs.writeFileSync(files['note.txt'], 'not an image');

const fake = await startFake();
const env = { GEMINI_API_KEY: 'test-key', GEMINI_BASE_URL: fake.url };

await runCases([
  ['every input gets one schema-valid result line, in order', async () => {
    await fake.reset();
    const inputs = Object.values(files);
    const r = await run(bin, ['extract', '--engine', 'gemini', ...inputs], env);
    assert.equal(r.code, 1, r.stderr);  // some inputs are rejected
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, inputs.length);
    const byName = {};
    lines.forEach((res, i) => {
      assert.equal(resultErrors(res), null, JSON.stringify(res));
      assert.equal(res.source.uri, 'file://' + inputs[i]);
      byName[path.basename(inputs[i])] = res;
    });
    assert.equal(byName['card.jpg'].status, 'ok');
    assert.equal(byName['card.jpg'].verification.mrz_check_digits, 'pass');
    if (files['card.heic']) assert.equal(byName['card.heic'].status, 'ok');
    assert.equal(byName['scan.pdf'].status, 'ok');
    assert.equal(byName['bomb.png'].error.code, 'too_large');
    assert.equal(byName['cut.jpg'].error.code, 'undecodable');
    assert.equal(byName['note.txt'].error.code, 'unsupported_media_type');
    // Only decodable documents reach the model, always as a normalised JPEG.
    const calls = (await fake.requests()).filter((q) => q.status === 200);
    assert.equal(calls.length, files['card.heic'] ? 3 : 2);
    for (const q of calls) {
      const parts = q.body.contents.flatMap((c) => c.parts);
      const media = parts.map((p) => p.inlineData ?? p.inline_data).filter(Boolean);
      assert.equal(media.length, 1);
      assert.equal(media[0].mimeType ?? media[0].mime_type, 'image/jpeg');
    }
  }],
  ['--out writes <name>.json and prints nothing', async () => {
    const out = path.join(dir, 'results');
    const r = await run(bin, ['extract', '--engine', 'gemini', '--out', out, files['card.jpg']], env);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const res = JSON.parse(fs.readFileSync(path.join(out, 'card.jpg.json'), 'utf8'));
    assert.equal(resultErrors(res), null);
    assert.equal(res.status, 'ok');
  }],
  ['--pretty indents', async () => {
    const r = await run(bin, ['extract', '--engine', 'gemini', '--pretty', files['card.jpg']], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^\{\n  "/);
    assert.equal(JSON.parse(r.stdout).status, 'ok');
  }],
  ['a transient model failure prints no result and exits 1', async () => {
    await fake.script({ responses: [], default: { status: 503, message: 'overloaded' } });
    const r = await run(bin, ['extract', '--engine', 'gemini', files['card.jpg']],
      { ...env, GEMINI_MAX_ATTEMPTS: '1' });
    await fake.reset();
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /card\.jpg/);
  }],
  ['a missing file fails without a result; progress never goes to a pipe', async () => {
    const r = await run(bin, ['extract', '--engine', 'gemini', path.join(dir, 'nope.jpg'), files['card.jpg']], env);
    assert.equal(r.code, 1);
    assert.equal(r.stdout.trim().split('\n').length, 1);
    assert.doesNotMatch(r.stderr, /extract: \d+\/\d+/);
  }],
]);
await fake.stop();
