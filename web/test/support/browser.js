// SPDX-License-Identifier: Apache-2.0
/**
 * Headless Debian Chromium driven by playwright-core (WebGL2 through SwiftShader), plus helpers that
 * act like a user on the LabelProp page: real mouse drags on the canvas, screenshots per step.
 */
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { WEB_DIR } from './server.js';

export const RESULTS_DIR = path.join(WEB_DIR, 'test-results');

const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: FLAGS,
    headless: true,
  });
}

/** A fresh page on the server's UI with console errors collected in page.errors. */
export async function openPage(browser, server, { token } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (err) => page.errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.errors.push(msg.text());
  });
  if (token) {
    await context.addInitScript((t) => localStorage.setItem('labelprop.settings', JSON.stringify({ baseUrl: '', token: t })), token);
  }
  await page.goto(server.url + '/');
  await page.waitForFunction(() => window.labelprop?.viewer?.nv?.gl);
  return page;
}

export async function screenshot(page, name) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`) });
}

/** Page (CSS pixel) position of the centre of array voxel vox in the current view. */
export async function voxelPoint(page, vox) {
  const point = await page.evaluate((v) => {
    const pos = window.labelprop.viewer.canvasPositionOf(v);
    const rect = document.getElementById('gl').getBoundingClientRect();
    return pos && [rect.left + pos[0], rect.top + pos[1]];
  }, vox);
  if (!point) throw new Error(`voxel ${vox} is not visible in the current view`);
  return point;
}

/** Drags the mouse through the given voxels (all on the shown slice) with the left button. */
export async function dragThrough(page, voxels) {
  const points = [];
  for (const vox of voxels) points.push(await voxelPoint(page, vox));
  await page.mouse.move(...points[0]);
  await page.mouse.down();
  for (const p of points.slice(1)) await page.mouse.move(...p, { steps: 2 });
  await page.mouse.up();
}

export async function clickVoxel(page, vox) {
  const [x, y] = await voxelPoint(page, vox);
  await page.mouse.click(x, y);
}

/** Sets the slice index along the propagation axis through the sidebar's slice field. */
export async function goToSlice(page, index) {
  await page.getByLabel('Slice number').fill(String(index));
  await page.getByLabel('Slice number').press('Enter');
}
