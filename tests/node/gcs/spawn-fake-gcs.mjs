// Starts tests/node/fake-gcs.mjs as a child process (as integration tests of the service
// do) and resolves once it prints "listening on PORT".
//   const gcs = await spawnFakeGcs(['--max-page-size', '2']);
//   gcs.url, gcs.port, await gcs.control('fail?count=2&status=503'), await gcs.stop()
import {spawn} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fake-gcs.mjs');

export function spawnFakeGcs(args = [], {timeoutMs = 10000} = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, '--port', '0', ...args],
                        {stdio: ['ignore', 'pipe', 'inherit']});
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('fake-gcs did not start in time'));
    }, timeoutMs);
    child.on('exit', (code) => reject(new Error(`fake-gcs exited early with ${code}`)));
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      const port = Number(m[1]);
      const url = `http://127.0.0.1:${port}`;
      resolve({
        child, port, url,
        control: async (what, method = 'POST') => (await fetch(`${url}/_fake/${what}`, {method})).json(),
        stop: () => new Promise((done) => {
          if (child.exitCode !== null) return done();
          child.removeAllListeners('exit');
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
      });
    });
  });
}
