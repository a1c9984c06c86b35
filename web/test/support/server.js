// SPDX-License-Identifier: Apache-2.0
/**
 * Starts a real LabelProp server for a test file with the project's own command, `labelprop serve`, on a
 * free loopback port with a temporary data directory. The page files are served from a copy of
 * server/src/main/resources/public placed ahead of the build on the classpath, so tests see the current
 * sources. Needs the Maven build (cli/target, made by bin/build; run-tests.sh does it).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, cpSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ROOT = path.resolve(WEB_DIR, '..');
const SUPPORT = path.join(WEB_DIR, 'test', 'support');

/** The page sources the server serves: LABELPROP_PAGE_DIR (e.g. an older version, to compare), else this checkout's. */
export const PAGE_DIR = process.env.LABELPROP_PAGE_DIR || path.join(ROOT, 'server', 'src', 'main', 'resources', 'public');

/** The built labelprop (cli/target: the jar and its lib folder) as a Java class path. */
export function buildClasspath() {
  const target = path.join(ROOT, 'cli', 'target');
  const jar = existsSync(target) && readdirSync(target).find((f) => /^labelprop-cli-.*\.jar$/.test(f));
  if (!jar || !existsSync(path.join(target, 'lib'))) {
    throw new Error(`no build in ${target}: build first with bin/build (web/run-tests.sh does it)`);
  }
  return [path.join(target, jar), path.join(target, 'lib', '*')].join(':');
}

function classpath(staticRoot) {
  // a folder whose only entry "public" is the page source, ahead of the build output on the classpath;
  // a copy, not a symlink: Jetty refuses to serve files whose real path is outside the static root
  cpSync(PAGE_DIR, path.join(staticRoot, 'public'), { recursive: true });
  return [staticRoot, buildClasspath()].join(':');
}

/** Resolves with {url, dataDir, token, stop()} once the server listens. */
export async function startServer({ token } = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'labelprop-data-'));
  const staticRoot = mkdtempSync(path.join(tmpdir(), 'labelprop-static-'));
  mkdirSync(path.join(WEB_DIR, 'test-results'), { recursive: true });
  const args = [
    `-Dlogback.configurationFile=${path.join(SUPPORT, 'logback-test.xml')}`,
    '-cp', classpath(staticRoot),
    'org.labelprop.cli.Main', 'serve', '--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir,
  ];
  if (token) args.push('--token', token);
  const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const orphanGuard = () => child.kill('SIGKILL'); // never leave a server behind a crashed test run
  process.on('exit', orphanGuard);
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${log}`)), 60000);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const match = out.match(/listening on http:\/\/127\.0\.0\.1:(\d+)\//);
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
      if (child.exitCode === null) await new Promise((resolve) => {
        child.kill('SIGTERM'); // the serve command stops the server in its shutdown hook
        const timer = setTimeout(() => { child.kill('SIGKILL'); resolve(); }, 5000);
        child.on('exit', () => { clearTimeout(timer); resolve(); });
      });
      process.off('exit', orphanGuard);
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(staticRoot, { recursive: true, force: true });
    },
  };
}
