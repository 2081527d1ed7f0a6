// Proves tests/node/fake-gcs.mjs faithful to `gcloud storage` (Google Cloud CLI): cp up
// (multipart with a single-quoted boundary and bare \n), ls, objects describe (stat),
// cp down (hash-checked), a 412 on --if-generation-match=0, rm. gcloud starts slowly
// (seconds per call), so the independent calls run side by side. Skipped (exit 77) when
// gcloud is not installed.
import assert from 'node:assert/strict';
import {execFile, execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {spawnFakeGcs} from './gcs/spawn-fake-gcs.mjs';

let gcloud;
try {
  gcloud = execFileSync('sh', ['-c', 'command -v gcloud'], {encoding: 'utf8'}).trim();
} catch {
  gcloud = '';
}
if (!gcloud) {
  console.log('SKIP: gcloud (Google Cloud CLI) is not installed, so gcloud storage cannot be checked against fake-gcs');
  process.exit(77);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jae-gcloud-'));
const gcs = await spawnFakeGcs();
process.on('exit', () => {
  gcs.child.kill('SIGKILL');
  fs.rmSync(tmp, {recursive: true, force: true});
});

const env = {
  ...process.env,
  CLOUDSDK_API_ENDPOINT_OVERRIDES_STORAGE: `${gcs.url}/`,
  CLOUDSDK_AUTH_DISABLE_CREDENTIALS: 'true',
  CLOUDSDK_CORE_PROJECT: 'demo',
  CLOUDSDK_CONFIG: path.join(tmp, 'gcloud-config'),
  CLOUDSDK_CORE_DISABLE_PROMPTS: '1',
  CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK: 'true',
  CLOUDSDK_CORE_DISABLE_USAGE_REPORTING: 'true',
};
function run(...args) {
  return new Promise((resolve) => {
    execFile(gcloud, ['storage', ...args], {env, cwd: tmp, timeout: 50000},
             (error, stdout, stderr) => resolve({code: error ? (error.code ?? 1) : 0, stdout, stderr}));
  });
}
const must = (r, what) => {
  assert.equal(r.code, 0, `${what} failed:\n${r.stderr}`);
  return r;
};

try {
  const content = 'synthetic scan \u00e9\n'.repeat(1000);
  fs.writeFileSync(path.join(tmp, 'up.txt'), content);
  const uri = 'gs://jae-bucket/scans/a b.txt';

  must(await run('cp', 'up.txt', uri), 'cp up');
  const objects = await gcs.control('objects', 'GET');
  assert.equal(objects.length, 1);
  assert.equal(objects[0].name, 'scans/a b.txt');
  assert.equal(objects[0].size, Buffer.byteLength(content));
  console.log('ok: gcloud storage cp up (multipart)');

  const [ls, stat, down, refused] = await Promise.all([
    run('ls', 'gs://jae-bucket/scans/'),
    run('objects', 'describe', uri, '--format=json'),
    run('cp', uri, 'down.txt'),
    run('cp', '--if-generation-match=0', 'up.txt', uri),
  ]);
  must(ls, 'ls');
  assert.match(ls.stdout, /gs:\/\/jae-bucket\/scans\/a b\.txt/);
  console.log('ok: gcloud storage ls');
  must(stat, 'objects describe');
  const described = JSON.parse(stat.stdout);
  assert.equal(described.name, 'scans/a b.txt');
  assert.equal(String(described.generation), objects[0].generation);
  assert.equal(Number(described.size), Buffer.byteLength(content));
  console.log('ok: gcloud storage objects describe');
  must(down, 'cp down');
  assert.equal(fs.readFileSync(path.join(tmp, 'down.txt'), 'utf8'), content);
  console.log('ok: gcloud storage cp down (hashes checked by gcloud)');
  assert.notEqual(refused.code, 0, 'cp --if-generation-match=0 onto an existing object must fail');
  assert.match(refused.stderr, /412/);
  assert.equal((await gcs.control('objects', 'GET'))[0].generation, objects[0].generation);
  console.log('ok: --if-generation-match=0 on an existing object → HTTP 412, nothing written');

  must(await run('rm', uri), 'rm');
  assert.deepEqual(await gcs.control('objects', 'GET'), []);
  console.log('ok: gcloud storage rm');

  const log = await gcs.control('requests', 'GET');
  const upload = log.find((r) => r.method === 'POST' && r.url.includes('uploadType=multipart'));
  assert.ok(upload, 'gcloud uploaded with uploadType=multipart');
  console.log(`ok: upload Content-Type was ${upload.contentType}`);
} finally {
  await gcs.stop();
}
