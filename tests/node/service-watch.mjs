// jae-ocr watch and backfill on local folders with the fake Gemini: files already in the
// inbox are processed (--once), exactly once across runs; a rejected input gives exit
// status 1; the continuous mode picks up a file written later and a file renamed into
// place, ignores temporary files, and exits 0 on SIGTERM.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { check, startBackends, startChild, jaeBin, tempDir, testJpeg, waitFor, sleep } from './service-lib.mjs';

const JPEG = testJpeg();
const backends = await startBackends();
const env = { ...process.env, ...backends.env };
const bin = jaeBin();
const root = tempDir('jae-watch-');
// Asynchronous: the fake Gemini answers from this very process.
const run = (args) => new Promise((resolve) => {
  const child = spawn(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = ''; let stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  const timer = setTimeout(() => child.kill('SIGKILL'), 60000);
  child.on('exit', (status) => { clearTimeout(timer); resolve({ status, stdout, stderr }); });
});
const inbox = path.join(root, 'inbox');
const results = path.join(root, 'results');
fs.mkdirSync(path.join(inbox, 'scans'), { recursive: true });
fs.writeFileSync(path.join(inbox, 'a.jpg'), JPEG);
fs.writeFileSync(path.join(inbox, 'scans', 'b.jpg'), JPEG);

let r = await run(['watch', '--inbox', inbox, '--results', results, '--once']);
check(r.status === 0, `watch --once exits 0 when all are ok (${r.status}: ${r.stderr.trim()})`);
check(JSON.parse(fs.readFileSync(path.join(results, 'a.jpg.json'))).status === 'ok', 'a.jpg.json written');
check(fs.existsSync(path.join(results, 'scans', 'b.jpg.json')), 'scans/b.jpg.json written (sub-folder)');
check(backends.modelCalls() === 2, 'two model calls');
check(r.stdout === '', 'nothing on stdout');

r = await run(['watch', '--inbox', inbox, '--results', results, '--once']);
check(r.status === 0 && backends.modelCalls() === 2, 'a second --once run makes no model call');

fs.writeFileSync(path.join(inbox, 'notes.txt'), 'not a document');
r = await run(['watch', '--inbox', inbox, '--results', results, '--once']);
check(r.status === 1, `a rejected input gives exit status 1 (${r.status})`);
r = await run(['watch', '--inbox', path.join(root, 'missing'), '--results', results, '--once']);
check(r.status === 2, `a missing inbox is a usage error, exit 2 (${r.status})`);

// backfill: the same folders; everything already has its result.
r = await run(['backfill', '--source', inbox, '--results', results, '--jobs', '2']);
check(r.status === 0 && backends.modelCalls() === 2, `backfill: everything has its result, nothing reprocessed (exit ${r.status})`);
fs.writeFileSync(path.join(inbox, 'c.jpg'), JPEG);
fs.unlinkSync(path.join(inbox, 'notes.txt'));
fs.unlinkSync(path.join(results, 'notes.txt.json'));
r = await run(['backfill', '--source', inbox, '--results', results]);
check(r.status === 0 && backends.modelCalls() === 3 && fs.existsSync(path.join(results, 'c.jpg.json')),
  `backfill processes only the new document (exit ${r.status})`);

// Continuous mode.
const watcher = startChild(bin, ['watch', '--inbox', inbox, '--results', results], { env: backends.env });
await sleep(700);
const fd = fs.openSync(path.join(inbox, 'slow.jpg'), 'w');
fs.writeSync(fd, JPEG.subarray(0, 100));
await sleep(400);
check(!fs.existsSync(path.join(results, 'slow.jpg.json')), 'a file still being written is not taken');
fs.writeSync(fd, JPEG.subarray(100));
fs.closeSync(fd);
await waitFor(() => fs.existsSync(path.join(results, 'slow.jpg.json')), { what: 'slow.jpg.json' });
check(JSON.parse(fs.readFileSync(path.join(results, 'slow.jpg.json'))).status === 'ok', 'taken once closed (IN_CLOSE_WRITE)');
fs.writeFileSync(path.join(root, 'moved.jpg'), JPEG);
fs.renameSync(path.join(root, 'moved.jpg'), path.join(inbox, 'moved.jpg'));
fs.writeFileSync(path.join(inbox, 'upload.jpg.part'), JPEG);
await waitFor(() => fs.existsSync(path.join(results, 'moved.jpg.json')), { what: 'moved.jpg.json' });
check(true, 'a file renamed into the inbox is taken (IN_MOVED_TO)');
check(!fs.existsSync(path.join(results, 'upload.jpg.part.json')), 'temporary .part files are ignored');
process.kill(watcher.pid, 'SIGTERM');
const { code } = await watcher.exited;
check(code === 0, `watch exits 0 on SIGTERM (${code})`);
check(backends.modelCalls() === 5, `one model call per document (${backends.modelCalls()})`);
process.exit(0);
