// SPDX-License-Identifier: Apache-2.0
/**
 * The real MR case of `labelprop demo` (Colin27 T1 crop 94×82×68 with 12 AAL deep grey-matter structures annotated
 * on 3 axial slices), obtained exactly as the product does it: `labelprop demo --method nearest` finds Debian's
 * mricron-data or fetches it with `apt-get download` + `dpkg -x` into its cache. The tests' cache is
 * web/.cache/labelprop (LABELPROP_CACHE), never the user's, so a fresh checkout fetches the package itself.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { WEB_DIR, buildClasspath } from './server.js';
import { RESULTS_DIR } from './browser.js';

export const CACHE_DIR = path.join(WEB_DIR, '.cache', 'labelprop');

/** {dir, image, annotations, truth, log}: paths of the case's files under web/test-results/real-case. */
export function realCase() {
  const dir = path.join(RESULTS_DIR, 'real-case');
  mkdirSync(CACHE_DIR, { recursive: true });
  const env = { ...process.env, LABELPROP_CACHE: CACHE_DIR };
  delete env.LABELPROP_MRICRON_DIR; // the product's own way, not a folder someone pointed at
  const log = execFileSync('java', ['-cp', buildClasspath(), 'org.labelprop.cli.Main', 'demo', '--method', 'nearest', '-o', dir],
    { env, encoding: 'utf8', timeout: 600000 });
  if (/GENERATED PHANTOM/.test(log)) {
    throw new Error(`labelprop demo could not obtain the real MR data (mricron-data) and used a phantom:\n${log}`);
  }
  const files = { image: 'image.nii.gz', annotations: 'annotations.nii.gz', truth: 'truth.nii.gz' };
  for (const [key, name] of Object.entries(files)) {
    files[key] = path.join(dir, name);
    if (!existsSync(files[key])) throw new Error(`labelprop demo wrote no ${name} into ${dir}:\n${log}`);
  }
  return { dir, ...files, log, bytes: (file) => readFileSync(file) };
}
