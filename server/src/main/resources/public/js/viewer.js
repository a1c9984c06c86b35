// SPDX-License-Identifier: Apache-2.0
/**
 * The NiiVue viewer with three editable label layers (annotations, hints, result) that share NiiVue's
 * single drawing bitmap: the active layer lives in nv.drawBitmap, the others are kept here, all in
 * NiiVue's display voxel order. Export goes through NiiVue's own NIfTI writer, which maps the bitmap
 * back onto the image's array grid (checked end to end by the geometry test).
 */
import { VoxelGrid } from './geometry.js';
import { robustRange } from './intensity.js';
import { readLabelVolume } from './nifti-labels.js';
import { tune, uploadBox } from './niivue-tuning.js';

const { Niivue, NVImage, SLICE_TYPE, SHOW_RENDER, DRAG_MODE } = window.niivue;

export const LAYERS = ['labels', 'hints', 'result'];

/** NiiVue methods that batch() holds back: redraw and upload of the drawing texture. */
const HELD = ['drawScene', 'refreshDrawing'];

export const VIEWS = {
  axial: SLICE_TYPE.AXIAL,
  coronal: SLICE_TYPE.CORONAL,
  sagittal: SLICE_TYPE.SAGITTAL,
  multiplanar: SLICE_TYPE.MULTIPLANAR,
};

const OVERLAY_STYLE = {
  up: { colormap: 'green', opacity: 0.5 },
  down: { colormap: 'blue', opacity: 0.5 },
  uncertainty: { colormap: 'hot', opacity: 0.6 },
};

export class Viewer {
  constructor(canvas) {
    this.canvas = canvas;
    this.nv = new Niivue({
      backColor: [0.08, 0.09, 0.11, 1],
      crosshairColor: [1, 0.85, 0, 0.6],
      crosshairWidth: 0.25, // in voxels: a thin line that leaves painted voxels visible
      crosshairGap: 6,
      dragAndDropEnabled: false,
      multiplanarShowRender: SHOW_RENDER.NEVER,
      sliceType: SLICE_TYPE.AXIAL,
      penSize: 1,
      dragMode: DRAG_MODE.windowing, // right-button drag: horizontal = window width, vertical = level
      logLevel: 'warn',
      loadingText: '', // the page shows its own hint until a scan is open
    });
    this.grid = null;
    this.layers = {};
    this.active = 'labels';
    this.overlays = {};
    this.onLocationChange = () => {};
    this.onDrawingChanged = () => {}; // (action) after a stroke, fill, undo, redo or clear: 'draw' | 'undo' | 'redo' | 'clear'
    this.onWindowChange = () => {};
    this.undoable = 0;
    this.redoable = 0;
    this.blank = new Set(); // layers known to hold only zeros, which need not be read
  }

  async init() {
    await this.nv.attachToCanvas(this.canvas);
    // NiiVue 0.69.0 draws a stroke segment from the previous mouse position up to, but not
    // including, the new one, so the last voxel of every stroke stayed unpainted: paint it too
    const drawPenLine = this.nv.drawPenLine.bind(this.nv);
    this.nv.drawPenLine = (newPoint, previousPoint, penValue) => {
      drawPenLine(newPoint, previousPoint, penValue);
      this.nv.drawPt(...newPoint, penValue);
    };
    tune(this.nv, () => this.onWindowChange(this.window()));
    this.nv.onLocationChange = (location) => {
      this.lastLocation = location; // NiiVue's own reading: mm, display voxel and image values
      this.onLocationChange();
    };
    this.nv.onDrawingChanged = (action) => {
      this.blank.delete(this.active);
      if (action === 'draw') this.recordChange();
      this.onDrawingChanged(action);
    };
    this.nv.onIntensityChange = () => this.onWindowChange(this.window());
  }

  get loaded() {
    return this.grid !== null;
  }

  /** Shows a scan (NIfTI bytes) and starts empty label layers on its grid. */
  async loadImage(buffer, name) {
    const image = await NVImage.new(buffer, name || 'scan.nii.gz');
    const limit = this.nv.gl.getParameter(this.nv.gl.MAX_3D_TEXTURE_SIZE);
    const dims = image.hdr.dims.slice(1, 4);
    if (dims.some((n) => n > limit)) {
      throw new Error(`the scan has ${dims.join(' × ')} voxels; this browser displays at most ${limit} per axis `
        + '(WebGL 3-D texture limit): annotate a cropped or downsampled copy');
    }
    for (const volume of [...this.nv.volumes]) this.nv.removeVolume(volume);
    this.overlays = {};
    this.robust = robustWindow(image);
    // NiiVue keeps a window/level drag within global_min..global_max: let it reach the extremes of the data
    if (this.robust) {
      Object.assign(image, { cal_min: this.robust.min, cal_max: this.robust.max,
        global_min: Math.min(this.robust.lowest, image.global_min), global_max: Math.max(this.robust.highest, image.global_max) });
    }
    this.nv.addVolume(image);
    // a right-button drag across the canvas width spans about twice the robust range
    this.nv.opts.windowingGainFactor = this.robust ? Math.max(1e-6, (this.robust.max - this.robust.min) / 400) : 2;
    this.grid = VoxelGrid.of(image);
    const voxels = this.grid.displayDims.reduce((a, b) => a * b, 1);
    this.nv.createEmptyDrawing();
    this.colormapKey = null; // set again for the new drawing
    // the other layers' arrays are kept for a scan of the same size (a new 78 MB array costs more than clearing one)
    const empty = (old) => (old?.length === voxels && old !== this.nv.drawBitmap ? old.fill(0) : new Uint8Array(voxels));
    this.layers = { labels: this.nv.drawBitmap, hints: empty(this.layers.hints), result: empty(this.layers.result) };
    this.blank = new Set(LAYERS);
    this.active = 'labels';
    this.resetUndo();
    this.nv.setDrawingEnabled(true);
    return image;
  }

  /**
   * Runs `work` (async) with NiiVue's redraws, drawing-texture uploads and undo snapshots held back, and does each once
   * at the end: opening a session changes the scan, layers, colours and view many times in a row, and on a large scan
   * each upload of the drawing or snapshot of it costs seconds.
   */
  async batch(work) {
    if (this.batching) return work();
    const nv = this.nv;
    const held = new Set();
    const saved = {};
    for (const name of HELD) {
      saved[name] = Object.getOwnPropertyDescriptor(nv, name);
      nv[name] = () => { held.add(name); };
    }
    this.batching = true;
    this.undoPending = false;
    try {
      return await work();
    } finally {
      for (const name of HELD) {
        if (saved[name]) Object.defineProperty(nv, name, saved[name]);
        else delete nv[name];
      }
      this.batching = false;
      if (this.undoPending) {
        this.resetUndo(); // snapshots, uploads the drawing and draws
      } else {
        if (held.has('refreshDrawing')) nv.refreshDrawing(false);
        if (held.size) nv.drawScene();
      }
    }
  }

  get image() {
    return this.nv.volumes[0];
  }

  setView(name) {
    this.nv.setSliceType(VIEWS[name]);
  }

  setActiveLayer(layer) {
    if (!this.loaded || layer === this.active) return;
    // the layer takes the place of NiiVue's drawing bitmap, which becomes the stored one: no copy
    this.layers[this.active] = this.nv.drawBitmap;
    this.nv.drawBitmap = this.layers[layer];
    this.active = layer;
    this.resetUndo();
  }

  resetUndo() {
    if (this.batching) {
      this.undoPending = true;
      this.undoable = 0;
      this.redoable = 0;
      return;
    }
    this.nv.drawClearAllUndoBitmaps();
    this.nv.drawAddUndoBitmap();
    this.nv.refreshDrawing(true);
    this.undoable = 0;
    this.redoable = 0;
  }

  /** A new change was stored in NiiVue's undo ring: it can be undone, and the redo history ends (as in every editor). */
  recordChange() {
    this.undoable = Math.min(this.undoable + 1, this.nv.opts.maxDrawUndoBitmaps - 1);
    this.redoable = 0;
  }

  layerData(layer) {
    return layer === this.active ? this.nv.drawBitmap : this.layers[layer];
  }

  /** Whether the layer is known to hold only zeros (new, not imported or drawn on since): no need to read it. */
  isBlank(layer) {
    return this.blank.has(layer);
  }

  isEmpty(layer) {
    return this.isBlank(layer) || !this.layerData(layer).some((v) => v !== 0);
  }

  /** The layer as NIfTI bytes on the image's array grid (uint8; gzip-compressed when gzip is true). */
  async exportLayer(layer, gzip = true) {
    // NiiVue's writer (saveImage with isSaveDrawing) maps display order back to the array grid
    const bytes = layer === this.active
      ? await this.nv.saveImage({ filename: '', isSaveDrawing: true })
      : await this.image.saveToDisk('', this.layers[layer]);
    if (!(bytes instanceof Uint8Array)) throw new Error('NiiVue could not export the ' + layer + ' layer');
    return gzip ? gzipBytes(bytes) : bytes;
  }

  /** Replaces a layer with a label volume (NIfTI bytes) that must have the image's array shape. */
  async importLayer(layer, buffer, name = 'labels.nii.gz') {
    const { dims, data } = await readLabelVolume(buffer, `the ${layer} volume (${name})`);
    if (dims.some((n, i) => n !== this.grid.dims[i])) {
      throw new Error(`the ${layer} volume has shape ${dims.join('×')} but the scan has ${this.grid.dims.join('×')}`);
    }
    // label values outside 0..255 cannot be drawn and are left out
    const convert = data instanceof Uint8Array ? null : (value) => {
      const v = Math.round(value);
      return v < 0 || v > 255 ? 0 : v;
    };
    this.grid.arrayToDisplay(data, Uint8Array, convert, this.layerData(layer));
    this.blank.delete(layer);
    if (layer === this.active) this.resetUndo();
  }

  /** Erases the active layer on one slice across array axis a (undoable). */
  clearSlice(arrayAxis, index) {
    const bitmap = this.nv.drawBitmap;
    const [ni, nj, nk] = this.grid.dims;
    const [di, dj] = this.grid.displayDims;
    const ranges = [[0, ni], [0, nj], [0, nk]];
    ranges[arrayAxis] = [index, index + 1];
    for (let k = ranges[2][0]; k < ranges[2][1]; k++) {
      for (let j = ranges[1][0]; j < ranges[1][1]; j++) {
        for (let i = ranges[0][0]; i < ranges[0][1]; i++) {
          const [x, y, z] = this.grid.toDisplay([i, j, k]);
          bitmap[x + di * (y + dj * z)] = 0;
        }
      }
    }
    this.nv.drawAddUndoBitmap();
    const axis = this.grid.displayAxisOf(arrayAxis);
    const at = [0, 0, 0];
    at[arrayAxis] = index;
    const from = [0, 0, 0];
    const to = [...this.grid.displayDims];
    from[axis] = this.grid.toDisplay(at)[axis];
    to[axis] = from[axis] + 1;
    uploadBox(this.nv, from, to); // only the cleared slice changed
    this.nv.drawScene();
    this.recordChange();
    this.onDrawingChanged('clear');
  }

  /** Undoes the last change; false when there is none (NiiVue's ring would wrap round to the newest state). */
  undo() {
    if (this.undoable === 0) return false;
    // NiiVue keeps the states in a ring and moves its index back; the states after it stay until the next change
    this.nv.drawUndo();
    this.undoable--;
    this.redoable++;
    return true;
  }

  /** Re-applies the last undone change, if no stroke came since. */
  redo() {
    if (this.redoable === 0) return false;
    const ring = this.nv.drawUndoBitmaps.length;
    // drawUndo loads the state before its index: move the index two ahead, then let it step one back
    this.nv.currentDrawUndoBitmap = (this.nv.currentDrawUndoBitmap + 2) % ring;
    this.nv.drawUndo();
    this.redoable--;
    this.undoable++;
    this.onDrawingChanged('redo');
    return true;
  }

  /** The intensity window {min, max} (calibrated values) and the robust one it started from. */
  window() {
    return { min: this.image.cal_min, max: this.image.cal_max, robust: this.robust };
  }

  setWindow(min, max) {
    Object.assign(this.image, { cal_min: min, cal_max: Math.max(max, min + 1e-6) });
    this.nv.updateGLVolume();
    this.onWindowChange(this.window());
  }

  /** Back to the robust window (0.5th to 99.5th percentile of the non-zero voxels). */
  resetWindow() {
    if (this.robust) this.setWindow(this.robust.min, this.robust.max);
  }

  setPen(value, filled) {
    this.nv.setPenValue(value, filled);
  }

  /** Opacity of the label layer being edited, 0 (hidden) to 1 (opaque). */
  setLabelOpacity(opacity) {
    this.nv.setDrawOpacity(opacity);
  }

  setPenSize(size) {
    this.nv.opts.penSize = size;
  }

  /** Sets the label colours; NiiVue rebuilds its textures for that, so only when they change. */
  setColormap(cmap) {
    const key = `${cmap.R}|${cmap.G}|${cmap.B}|${cmap.A}`;
    if (key === this.colormapKey) return;
    this.colormapKey = key;
    // NiiVue's setDrawColormap also re-renders the scan's 3-D textures (seconds on a large scan without a GPU); the
    // label colours live in its colour map texture alone, which refreshColormaps rebuilds
    const nv = this.nv;
    const own = Object.prototype.hasOwnProperty.call(nv, 'updateGLVolume');
    const update = nv.updateGLVolume;
    nv.updateGLVolume = () => {};
    try {
      nv.setDrawColormap(cmap);
    } finally {
      if (own) nv.updateGLVolume = update;
      else delete nv.updateGLVolume;
    }
    if (nv.volumes.length) nv.refreshColormaps();
    nv.drawScene();
  }

  /** Index of the crosshair's slice across array axis a. */
  sliceIndex(arrayAxis) {
    return this.crosshairVoxel()[arrayAxis];
  }

  crosshairVoxel() {
    const display = this.nv.frac2vox(this.nv.scene.crosshairPos);
    return this.grid.toArray([...display]);
  }

  /** Moves the crosshair to slice index across array axis a, keeping the other coordinates. */
  goToSlice(arrayAxis, index) {
    const vox = this.crosshairVoxel();
    vox[arrayAxis] = Math.max(0, Math.min(this.grid.dims[arrayAxis] - 1, index));
    this.goToVoxel(vox);
  }

  goToVoxel(vox) {
    this.nv.scene.crosshairPos = this.nv.vox2frac(this.grid.toDisplay(vox));
    this.nv.createOnLocationChange();
    this.nv.drawScene();
  }

  /** Canvas CSS-pixel position of array voxel vox in the current view (used by tests and tools). */
  canvasPositionOf(vox) {
    const frac = this.nv.vox2frac(this.grid.toDisplay(vox));
    const pos = this.nv.frac2canvasPos(frac);
    if (!pos) return null;
    const scale = this.nv.uiData?.dpr || window.devicePixelRatio || 1;
    return [pos[0] / scale, pos[1] / scale];
  }

  /** Adds or removes a result overlay (up, down, uncertainty) from NIfTI bytes. */
  async setOverlay(which, buffer) {
    if (this.overlays[which]) {
      this.nv.removeVolume(this.overlays[which]);
      delete this.overlays[which];
    }
    if (!buffer) {
      this.nv.drawScene();
      return;
    }
    const style = OVERLAY_STYLE[which];
    const volume = await NVImage.new(buffer, `${which}.nii.gz`, style.colormap, style.opacity);
    if (which !== 'uncertainty') {
      volume.cal_min = 0.5;
      volume.cal_max = Math.max(1, volume.global_max ?? 1);
    }
    this.nv.addVolume(volume);
    this.overlays[which] = volume;
    this.nv.updateGLVolume();
  }
}

/** The robust window of a loaded NVImage in calibrated units (scl_slope, scl_inter applied), or null. */
function robustWindow(image) {
  const range = robustRange(image.img);
  if (!range) return null;
  const slope = image.hdr.scl_slope || 1;
  const inter = image.hdr.scl_inter || 0;
  const calibrated = (v) => v * slope + inter;
  const [a, b] = [calibrated(range.min), calibrated(range.max)].sort((x, y) => x - y);
  const [lowest, highest] = [calibrated(range.lowest), calibrated(range.highest)].sort((x, y) => x - y);
  return { min: a, max: b > a ? b : a + 1, lowest: Math.min(lowest, a, 0), highest: Math.max(highest, b) };
}

async function gzipBytes(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
