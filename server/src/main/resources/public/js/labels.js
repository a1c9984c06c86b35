// SPDX-License-Identifier: Apache-2.0
/**
 * Label colours: the palette and the background hint value come from the server (GET /api/label-conventions, core's
 * one definition), so the page, the server's defaults and every file written agree. Value 0 is "no label"; the
 * background hint value (255) means "background here" in the hints layer.
 */

/** The colour of the background hint (a light blue that no palette entry uses). */
export const HINT_BACKGROUND_COLOUR = [90, 200, 255];

/** The palette colour of label value v ≥ 1: entry (v - 1) mod length, as core's LabelPalette. */
export function paletteColour(conventions, value) {
  return conventions.palette[(value - 1) % conventions.palette.length].slice();
}

/** The smallest label value from 1 that is neither used nor the background hint, or null when all are. */
export function nextFreeValue(values, conventions) {
  const used = new Set(values);
  for (let v = 1; v < 256; v++) if (!used.has(v) && v !== conventions.backgroundHint) return v;
  return null;
}

/**
 * A NiiVue draw colour map ({R, G, B, A, labels}, 256 entries): each described label in its colour, every other
 * value 1..255 in its palette colour (never a default white), the background hint in HINT_BACKGROUND_COLOUR.
 */
export function drawColormap(labels, conventions) {
  const cmap = { R: [], G: [], B: [], A: [], labels: [] };
  for (let v = 0; v < 256; v++) {
    const [r, g, b] = v === 0 ? [0, 0, 0] : paletteColour(conventions, v);
    cmap.R.push(r); cmap.G.push(g); cmap.B.push(b); cmap.A.push(v === 0 ? 0 : 255);
    cmap.labels.push(v === 0 ? '' : `Label ${v}`);
  }
  const set = (v, colour, name) => {
    [cmap.R[v], cmap.G[v], cmap.B[v]] = colour;
    cmap.labels[v] = name;
  };
  for (const label of labels) if (label.value > 0 && label.value < 256) set(label.value, label.colour, label.name);
  set(conventions.backgroundHint, HINT_BACKGROUND_COLOUR, 'background hint');
  return cmap;
}

export function hexColour(colour) {
  return '#' + colour.map((c) => c.toString(16).padStart(2, '0')).join('');
}

export function parseHexColour(hex) {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}
