// SPDX-License-Identifier: Apache-2.0
/**
 * Starts a real LabelProp server for a test file: a free loopback port, a temporary data directory,
 * the page files served straight from server/src/main/resources/public (so tests see the current
 * sources). Needs the Maven build of the server module (run-tests.sh does it) and its classpath file.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, cpSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ROOT = path.resolve(WEB_DIR, '..');
const SUPPORT = path.join(WEB_DIR, 'test', 'support');

function classpath(staticRoot) {
  const file = path.join(ROOT, 'server', 'target', 'classpath.txt');
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: build first with web/run-tests.sh (mvn -pl server -am package dependency:build-classpath)`);
  }
  // a folder whose only entry "public" is the page source, ahead of the build output on the classpath
  // a copy, not a symlink: Jetty refuses to serve files whose real path is outside the static root
  cpSync(path.join(ROOT, 'server', 'src', 'main', 'resources', 'public'), path.join(staticRoot, 'public'), { recursive: true });
  return [staticRoot, path.join(ROOT, 'server', 'target', 'classes'), readFileSync(file, 'utf8').trim()].join(':');
}

/** Resolves with {url, dataDir, token, stop()} once the server listens. */
export async function startServer({ token } = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'labelprop-data-'));
  const staticRoot = mkdtempSync(path.join(tmpdir(), 'labelprop-static-'));
  mkdirSync(path.join(WEB_DIR, 'test-results'), { recursive: true });
  const args = [
    `-Dlogback.configurationFile=${path.join(SUPPORT, 'logback-test.xml')}`,
    '-cp', classpath(staticRoot),
    path.join(SUPPORT, 'ServeForTests.java'), dataDir,
  ];
  if (token) args.push(token);
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${log}`)), 60000);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const match = out.match(/LISTENING (\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${log}${out}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    dataDir,
    token,
    log: () => log,
    async stop() {
      child.stdin.end();
      if (child.exitCode === null) await new Promise((resolve) => {
        const timer = setTimeout(() => { child.kill('SIGKILL'); resolve(); }, 5000);
        child.on('exit', () => { clearTimeout(timer); resolve(); });
      });
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(staticRoot, { recursive: true, force: true });
    },
  };
}
