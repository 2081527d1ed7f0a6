// Runs the C++ GcsStore (OpenStore("gs://…") over real libcurl) against fake-gcs.mjs:
// hostile names, create-only and generation preconditions, pinned reads, max_bytes,
// paging, retries through injected 503s and dropped connections, "storage down".
// Usage: node store-gcs-emulator.test.mjs PATH/TO/store_gcs_emulator_driver
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import fs from 'node:fs';

import {spawnFakeGcs} from './gcs/spawn-fake-gcs.mjs';

const driver = process.argv[2];
assert.ok(driver && fs.existsSync(driver), `driver binary not found: ${driver} (build the store_gcs_emulator_driver target)`);

const gcs = await spawnFakeGcs(['--max-page-size', '2']);
process.on('exit', () => gcs.child.kill('SIGKILL'));
try {
  const env = {...process.env, STORAGE_EMULATOR_HOST: gcs.url};
  delete env.CLOUD_STORAGE_EMULATOR_ENDPOINT;
  const child = spawn(driver, [], {env, stdio: ['ignore', 'inherit', 'inherit']});
  const timer = setTimeout(() => child.kill('SIGKILL'), 45000);
  const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(signal ? 128 : c)));
  clearTimeout(timer);
  assert.equal(code, 0, 'the C++ driver reported failures (see above)');

  // What reached the wire: encoded names, no credentials, the multipart layout.
  const log = await gcs.control('requests', 'GET');
  assert.ok(log.every((r) => r.authorization === null), 'no Authorization header to an emulator');
  const stat = log.find((r) => r.method === 'GET' && r.url.startsWith('/storage/v1/b/jae-bucket/o/in%20box%2Fscans%2F'));
  assert.ok(stat, 'object names are percent-encoded as one path segment');
  assert.ok(!/[ #"<>\\]/.test(stat.url.split('?')[0]), `raw characters in ${stat.url}`);
  const upload = log.find((r) => r.method === 'POST' && r.url.includes('uploadType=multipart&ifGenerationMatch=0'));
  assert.ok(upload, 'create-only upload carries ifGenerationMatch=0');
  assert.match(upload.contentType, /^multipart\/related; boundary="={15}\d{19}=="$/);
  console.log(`ok: the C++ store works against fake-gcs over libcurl (${log.length} requests)`);
} finally {
  await gcs.stop();
}
