// SPDX-License-Identifier: Apache-2.0
/**
 * Label table: values 1..254 with a name and an RGB colour; value 255 is reserved for background
 * scribbles (hints), value 0 is "no label".
 */

export const BACKGROUND_HINT = 255;

const PALETTE = [
  [230, 25, 75], [60, 180, 75], [255, 225, 25], [0, 130, 200], [245, 130, 48], [145, 30, 180],
  [70, 240, 240], [240, 50, 230], [210, 245, 60], [250, 190, 212], [0, 128, 128], [170, 110, 40],
];
const HINT_BACKGROUND_COLOUR = [90, 200, 255];

export function defaultColour(value) {
  return PALETTE[(value - 1) % PALETTE.length].slice();
}

export function defaultLabels() {
  return [{ value: 1, name: 'Label 1', colour: defaultColour(1) }];
}

/** The smallest label value in 1..254 that the table does not use yet, or null when full. */
export function nextFreeValue(labels) {
  const used = new Set(labels.map((l) => l.value));
  for (let v = 1; v < BACKGROUND_HINT; v++) if (!used.has(v)) return v;
  return null;
}

/**
 * Parses an ITK-SNAP label description file (lines "IDX R G B A VIS MSH \"LABEL\"", '#' comments).
 * Index 0 (clear label) and 255 (reserved here for background hints) are skipped.
 */
export function parseItkSnapLabels(text) {
  const labels = [];
  text.split(/\r?\n/).forEach((raw, lineIndex) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const match = line.match(/^(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+([\d.]+)\s+(\d+)\s+(\d+)\s+"(.*)"\s*$/);
    if (!match) {
      throw new Error(`line ${lineIndex + 1} of the label file is not "IDX R G B A VIS MSH \\"LABEL\\"": ${line}`);
    }
    const value = Number(match[1]);
    if (value === 0 || value >= BACKGROUND_HINT) return;
    const colour = [match[2], match[3], match[4]].map((c) => Math.min(255, Number(c)));
    labels.push({ value, name: match[8] || `Label ${value}`, colour });
  });
  if (labels.length === 0) throw new Error('the label file has no label with an index between 1 and 254');
  return labels.sort((a, b) => a.value - b.value);
}

/** A NiiVue draw colour map ({R, G, B, A, labels}, 256 entries) for the table, 255 = background hint. */
export function drawColormap(labels) {
  const cmap = { R: [], G: [], B: [], A: [], labels: [] };
  for (let v = 0; v < 256; v++) {
    cmap.R.push(255); cmap.G.push(255); cmap.B.push(255); cmap.A.push(v === 0 ? 0 : 255);
    cmap.labels.push(v === 0 ? '' : String(v));
  }
  const set = (v, colour, name) => {
    [cmap.R[v], cmap.G[v], cmap.B[v]] = colour;
    cmap.labels[v] = name;
  };
  for (const label of labels) set(label.value, label.colour, label.name);
  set(BACKGROUND_HINT, HINT_BACKGROUND_COLOUR, 'background hint');
  return cmap;
}

export function hexColour(colour) {
  return '#' + colour.map((c) => c.toString(16).padStart(2, '0')).join('');
}

export function parseHexColour(hex) {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}
