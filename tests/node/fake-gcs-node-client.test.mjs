// Proves tests/node/fake-gcs.mjs faithful to the official Node client
// (@google-cloud/storage with STORAGE_EMULATOR_HOST): save (simple and resumable),
// getMetadata, download (by generation), getFiles, delete, 412 on ifGenerationMatch: 0,
// 404s, and retries through injected 503s.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';

import {spawnFakeGcs} from './gcs/spawn-fake-gcs.mjs';

let Storage;
try {
  ({Storage} = await import('@google-cloud/storage'));
} catch (e) {
  console.log(`SKIP: @google-cloud/storage is not installed (run scripts/install-deps.sh --test): ${e.message}`);
  process.exit(77);
}

const gcs = await spawnFakeGcs();
process.on('exit', () => gcs.child.kill('SIGKILL'));
try {
  process.env.STORAGE_EMULATOR_HOST = gcs.url;
  const storage = new Storage({
    projectId: 'demo',
    retryOptions: {autoRetry: true, maxRetries: 3, retryDelayMultiplier: 1.1, maxRetryDelay: 1.5,
                   totalTimeout: 20},
  });
  const bucket = storage.bucket('jae-test');
  const name = 'scans/ü a+b?#%.jpg';
  const small = Buffer.from('\xff\xd8\xff small jpeg', 'latin1');
  const big = crypto.randomBytes(600 * 1024);

  // Simple (multipart) upload.
  await bucket.file(name).save(small, {resumable: false, contentType: 'image/jpeg'});
  const [meta1] = await bucket.file(name).getMetadata();
  assert.equal(meta1.name, name);
  assert.equal(meta1.contentType, 'image/jpeg');
  assert.equal(Number(meta1.size), small.length);
  assert.match(String(meta1.generation), /^\d+$/);
  assert.equal(meta1.md5Hash, crypto.createHash('md5').update(small).digest('base64'));
  console.log('ok: simple upload + getMetadata');

  // Resumable upload replaces it: a new, larger generation.
  await bucket.file(name).save(big, {resumable: true, contentType: 'application/octet-stream'});
  const [meta2] = await bucket.file(name).getMetadata();
  assert.ok(BigInt(meta2.generation) > BigInt(meta1.generation));
  assert.equal(Number(meta2.size), big.length);
  console.log('ok: resumable upload');

  // Resumable in several chunks (Content-Range + 308s).
  await bucket.file('chunked.bin').save(big, {resumable: true, chunkSize: 256 * 1024});
  const [chunked] = await bucket.file('chunked.bin').download();
  assert.ok(chunked.equals(big));
  console.log('ok: chunked resumable upload');

  // Downloads, with hash validation by the client; pinned generations.
  const [latest] = await bucket.file(name).download();
  assert.ok(latest.equals(big));
  const [pinned] = await bucket.file(name, {generation: meta2.generation}).download();
  assert.ok(pinned.equals(big));
  await assert.rejects(bucket.file(name, {generation: meta1.generation}).download(),
                       (e) => e.code === 404);
  console.log('ok: download, by generation, old generation → 404');

  // Create-only preconditions: 412 for an existing object, both upload kinds.
  for (const resumable of [false, true]) {
    await assert.rejects(
        bucket.file(name).save(Buffer.from('other'), {resumable, preconditionOpts: {ifGenerationMatch: 0}}),
        // The simple path reports ApiError.code; the resumable one a GaxiosError.status.
        (e) => e.code === 412 || e.status === 412, `resumable=${resumable}`);
  }
  const [after] = await bucket.file(name).download();
  assert.ok(after.equals(big), 'a failed precondition wrote nothing');
  await bucket.file('fresh.json').save('{}', {resumable: false, preconditionOpts: {ifGenerationMatch: 0}});
  console.log('ok: ifGenerationMatch: 0 → 412 on existing, success on absent');

  // Listing with a prefix, and paging.
  for (let i = 0; i < 5; i++) await bucket.file(`list/${i}.jpg`).save(`x${i}`, {resumable: false});
  const [all] = await bucket.getFiles({prefix: 'list/'});
  assert.deepEqual(all.map((f) => f.name), ['list/0.jpg', 'list/1.jpg', 'list/2.jpg', 'list/3.jpg', 'list/4.jpg']);
  const [page1, next] = await bucket.getFiles({prefix: 'list/', maxResults: 2, autoPaginate: false});
  assert.equal(page1.length, 2);
  assert.ok(next && next.pageToken);
  const [page2] = await bucket.getFiles({...next, autoPaginate: false});
  assert.deepEqual(page2.map((f) => f.name), ['list/2.jpg', 'list/3.jpg']);
  const [, , delimited] = await bucket.getFiles({delimiter: '/', autoPaginate: false});
  assert.deepEqual(delimited.prefixes, ['list/', 'scans/']);
  console.log('ok: getFiles with prefix, paging, delimiter');

  // Transient failures are GCS-shaped enough for the client to retry (idempotent GET).
  // A fresh client: the Node client switches autoRetry off on its shared instance after an
  // upload without a precondition (a quirk of 7.x), which would hide the retries.
  const fresh = new Storage({projectId: 'demo', retryOptions: {maxRetryDelay: 1.5, retryDelayMultiplier: 1.1}});
  await gcs.control('fail?count=2&status=503');
  const [retried] = await fresh.bucket('jae-test').file('list/0.jpg').getMetadata();
  assert.equal(retried.name, 'list/0.jpg');
  // ... and "down" is reported as 503 once its retries are spent.
  await gcs.control('down');
  await assert.rejects(bucket.file('list/0.jpg').download(), (e) => e.code === 503);
  await gcs.control('up');
  console.log('ok: 503s injected and retried through');

  // Delete, then 404s.
  await bucket.file(name).delete();
  const [exists] = await bucket.file(name).exists();
  assert.equal(exists, false);
  await assert.rejects(bucket.file(name).getMetadata(), (e) => e.code === 404);
  await assert.rejects(bucket.file(name).delete(), (e) => e.code === 404);
  console.log('ok: delete, then 404');

  // Emulators get no credentials.
  const log = await gcs.control('requests', 'GET');
  assert.ok(log.length > 10);
  assert.ok(log.every((r) => r.authorization === null), 'no Authorization header was sent');
  console.log('ok: no Authorization header sent to the emulator');
} finally {
  await gcs.stop();
}
