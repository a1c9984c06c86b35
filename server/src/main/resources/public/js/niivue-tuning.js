// SPDX-License-Identifier: Apache-2.0
/**
 * Changes to how NiiVue 0.69.0 does its work (not to what it shows) that keep the page responsive on large scans: on a
 * 512×512×300 scan each full copy of a volume to the GPU, each pass over it on the GPU and each snapshot of the drawing
 * costs from half a second to many seconds without a GPU, all on the main thread. Installed once on a Niivue instance
 * attached to its canvas; the page shows 2-D slices only (never the 3-D rendering).
 */
import { encodeBitmap, decodeBitmap, changedBox, emptySnapshot } from './bitmap-snapshots.js';

/** Full-volume refreshes slower than this (ms) are not repeated on every mouse move of a window/level drag. */
const LIVE_REFRESH_MS = 100;

/**
 * @param nv a Niivue attached to its canvas
 * @param onWindow called with no argument when a window/level drag changed the scan's window
 */
export function tune(nv, onWindow = () => {}) {
  skipGradient(nv);
  skipZeroFill(nv);
  lightEmptyDrawing(nv);
  uploadStrokeSlices(nv);
  fastUndo(nv);
  deferWindowing(nv, onWindow);
}

/**
 * NiiVue computes a gradient volume (a blur and a Sobel pass over every voxel, into two RGBA textures of 4 bytes per
 * voxel, one of them filled with zeros from the CPU first) after every refresh of the scan: for shading the 3-D
 * rendering, which the page never shows. Both textures become 2×2×2 placeholders and the passes draw into their first
 * layer, which costs nothing.
 */
function skipGradient(nv) {
  const gl = nv.gl;
  const placeholders = new WeakSet();
  const rgbaTex = nv.rgbaTex.bind(nv);
  nv.rgbaTex = (texture, unit, dims, init = false) => {
    // unit 6: the gradient; unit 8 filled with zeros at full size: the blur pass's temporary (unit 8 is also the
    // label-atlas texture, made without zeros or at 2×2×2)
    const gradient = unit === gl.TEXTURE6 || (unit === gl.TEXTURE8 && init && dims[3] > 2);
    if (!gradient) return rgbaTex(texture, unit, dims, init);
    const placeholder = rgbaTex(texture, unit, [dims[0], 2, 2, 2], false);
    placeholders.add(placeholder);
    return placeholder;
  };
  const attach = gl.framebufferTextureLayer.bind(gl);
  gl.framebufferTextureLayer = (target, attachment, texture, level, layer) =>
    attach(target, attachment, texture, level, placeholders.has(texture) ? 0 : layer);
}

/** A new drawing texture is filled with zeros from the CPU, then at once overwritten with the drawing (WebGL zeroes it anyway). */
function skipZeroFill(nv) {
  const r8Tex = nv.r8Tex.bind(nv);
  nv.r8Tex = (texture, unit, dims) => r8Tex(texture, unit, dims, false);
}

/**
 * NiiVue's new drawing also allocates the bitmap of click-to-segment (off here; NiiVue makes it when needed) and
 * compresses the empty drawing as its first undo state by reading all of it; a new 78 MB array costs up to a second
 * without being read, here. Otherwise the same steps as NiiVue's createEmptyDrawing.
 */
function lightEmptyDrawing(nv) {
  nv.createEmptyDrawing = () => {
    const dims = nv.back?.dims;
    if (!dims || Math.min(dims[1], dims[2], dims[3]) < 1) return;
    const voxels = dims[1] * dims[2] * dims[3];
    nv.drawBitmap = new Uint8Array(voxels);
    nv.clickToSegmentGrowingBitmap = null;
    nv.drawClearAllUndoBitmaps();
    pushSnapshot(nv, emptySnapshot(voxels));
    nv.drawTexture = nv.opts.is2DSliceShader
      ? nv.r8Tex2D(nv.drawTexture, nv.gl.TEXTURE7, dims, true)
      : nv.r8Tex(nv.drawTexture, nv.gl.TEXTURE7, dims);
    nv.refreshDrawing(false);
  };
}

/**
 * NiiVue sends the whole drawing to the GPU after every mouse move of a stroke (78 MB on a 512×512×300 scan); a stroke
 * changes only its own slice, so that slice alone is sent.
 */
function uploadStrokeSlices(nv) {
  const refreshDrawing = nv.refreshDrawing.bind(nv);
  nv.refreshDrawing = (redraw = true, growing = false) => {
    const plane = nv.drawPenAxCorSag; // 0 axial, 1 coronal, 2 sagittal: the plane of the stroke under way
    const at = nv.drawPenLocation;
    if (growing || nv.opts.is2DSliceShader || nv.opts.smoothDrawing > 0 || !(plane >= 0 && plane <= 2)
      || !Number.isFinite(at?.[0]) || !nv.drawTexture) {
      refreshDrawing(redraw, growing);
      return;
    }
    const axis = 2 - plane; // display axis across the plane
    const from = [0, 0, 0];
    const to = nv.back.dims.slice(1, 4);
    from[axis] = at[axis];
    to[axis] = at[axis] + 1;
    uploadBox(nv, from, to);
    if (redraw) nv.drawScene();
  };
}

/**
 * NiiVue's undo snapshots are PackBits-compressed byte by byte (0.7 s per snapshot of a 78 MB drawing, taken after
 * every stroke) and an undo sends the whole drawing to the GPU. Snapshots here are run-length encoded by 32-bit words
 * (bitmap-snapshots.js) in NiiVue's own ring (same index rules, so the page's redo still works), and an undo sends only
 * the box that changed.
 */
function fastUndo(nv) {
  nv.drawAddUndoBitmap = (fillOverwrites = true) => {
    if (!nv.drawBitmap || nv.drawBitmap.length < 1) return;
    const previous = nv.drawUndoBitmaps[nv.currentDrawUndoBitmap];
    if (!fillOverwrites && previous?.ops) {
      // NiiVue's rule for a fill that must not overwrite: the labels of the previous state come back
      const before = decodeBitmap(previous);
      const merged = new Uint8Array(nv.drawBitmap);
      for (let i = 0; i < merged.length; i++) if (before[i] !== 0) merged[i] = before[i];
      nv.drawBitmap = merged;
      nv.refreshDrawing(false);
    }
    pushSnapshot(nv, encodeBitmap(nv.drawBitmap));
  };
  nv.drawUndo = () => {
    const ring = nv.drawUndoBitmaps;
    if (ring.length < 1) return;
    let index = nv.currentDrawUndoBitmap - 1;
    if (index < 0) index = ring.length - 1;
    if (index >= ring.length) index = 0;
    const snapshot = ring[index];
    if (!snapshot?.ops) return; // an empty slot (cleared ring): nothing to go back to, as in NiiVue
    const before = nv.drawBitmap;
    nv.drawBitmap = decodeBitmap(snapshot);
    nv.currentDrawUndoBitmap = index;
    const box = before?.length === nv.drawBitmap.length && nv.drawTexture && !nv.opts.is2DSliceShader
      ? changedBox(before, nv.drawBitmap, nv.back.dims.slice(1, 4)) : undefined;
    if (box === undefined) {
      nv.refreshDrawing(true);
    } else {
      if (box) uploadBox(nv, box.from, box.to);
      nv.drawScene();
    }
    nv._emitEvent('drawingChanged', { action: 'undo' });
    nv.onDrawingChanged('undo');
  };
}

/**
 * NiiVue re-renders the whole scan on every mouse move of a window/level drag. Moves are combined into one refresh per
 * frame; when one refresh takes longer than LIVE_REFRESH_MS (a large scan), the window is applied once, when the
 * button is released, and only the numbers follow the drag.
 */
function deferWindowing(nv, onWindow) {
  let lastRefreshMs = 0; // of the scan's layer (opening the scan is one)
  const refreshLayers = nv.refreshLayers.bind(nv);
  nv.refreshLayers = (volume, layer) => {
    const start = performance.now();
    refreshLayers(volume, layer);
    if (layer === 0) lastRefreshMs = performance.now() - start;
  };
  const windowing = nv.windowingHandler.bind(nv);
  let pending = null; // the volume index whose refresh is due
  let frame = 0;
  const refresh = () => {
    frame = 0;
    if (pending === null) return;
    const volume = nv.volumes[pending];
    pending = null;
    nv.refreshLayers(volume, 0);
    nv.drawScene();
  };
  nv.windowingHandler = (x, y, volume = 0) => {
    const own = Object.prototype.hasOwnProperty.call(nv, 'refreshLayers');
    const refreshLayers = nv.refreshLayers;
    nv.refreshLayers = () => { pending = volume; };
    try {
      windowing(x, y, volume);
    } finally {
      if (own) nv.refreshLayers = refreshLayers;
      else delete nv.refreshLayers;
    }
    onWindow();
    if (lastRefreshMs <= LIVE_REFRESH_MS && !frame) frame = requestAnimationFrame(refresh);
  };
  // the button can be released outside the canvas
  window.addEventListener('mouseup', () => {
    if (pending === null) return;
    cancelAnimationFrame(frame);
    refresh();
  });
}

/** Stores a snapshot as the newest state in NiiVue's undo ring (its index rules). */
function pushSnapshot(nv, snapshot) {
  const ring = [...nv.drawUndoBitmaps];
  let next = nv.currentDrawUndoBitmap + 1;
  if (next >= nv.opts.maxDrawUndoBitmaps) next = 0;
  ring[next] = snapshot;
  nv.drawUndoBitmaps = ring;
  nv.currentDrawUndoBitmap = next;
}

/** Sends the box from..to (display voxels, end exclusive) of NiiVue's drawing bitmap (x fastest) to its 3-D texture. */
export function uploadBox(nv, from, to) {
  const gl = nv.gl;
  const [nx, ny] = nv.back.dims.slice(1, 3);
  const size = [0, 1, 2].map((a) => to[a] - from[a]);
  if (size.some((n) => n <= 0)) return;
  const alignment = gl.getParameter(gl.UNPACK_ALIGNMENT);
  gl.activeTexture(gl.TEXTURE7); // NiiVue's unit for the drawing (TEXTURE7_DRAW)
  gl.bindTexture(gl.TEXTURE_3D, nv.drawTexture);
  gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
  gl.pixelStorei(gl.UNPACK_ROW_LENGTH, nx);
  gl.pixelStorei(gl.UNPACK_IMAGE_HEIGHT, ny);
  gl.pixelStorei(gl.UNPACK_SKIP_PIXELS, from[0]);
  gl.pixelStorei(gl.UNPACK_SKIP_ROWS, from[1]);
  gl.pixelStorei(gl.UNPACK_SKIP_IMAGES, from[2]);
  gl.texSubImage3D(gl.TEXTURE_3D, 0, ...from, ...size, gl.RED, gl.UNSIGNED_BYTE, nv.drawBitmap);
  for (const p of [gl.UNPACK_ROW_LENGTH, gl.UNPACK_IMAGE_HEIGHT, gl.UNPACK_SKIP_PIXELS, gl.UNPACK_SKIP_ROWS, gl.UNPACK_SKIP_IMAGES]) {
    gl.pixelStorei(p, 0);
  }
  gl.pixelStorei(gl.UNPACK_ALIGNMENT, alignment);
}
