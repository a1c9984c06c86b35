// SPDX-License-Identifier: Apache-2.0
/**
 * The View section: view (axial, coronal, sagittal, multiplanar), propagation axis in anatomical words, slice
 * navigation along that axis, the voxel under the crosshair, and the intensity window (automatic from robust
 * percentiles; right-drag on the image changes it).
 */
import { planesFromAxisCodes } from './geometry.js';
import { $ } from './ui.js';

export class ViewControls {
  /** @param state page state (viewer, axis, planes); @param onAxis called after the propagation axis changed */
  constructor(state, onAxis) {
    this.state = state;
    this.onAxis = onAxis;
    document.querySelectorAll('input[name=view]').forEach((radio) =>
      radio.addEventListener('change', () => state.viewer.loaded && state.viewer.setView(radio.value)));
    $('axis-select').addEventListener('change', (e) => this.setAxis(Number(e.target.value)));
    $('slice-input').addEventListener('change', (e) => this.goToSlice(Number(e.target.value)));
    $('slice-prev').addEventListener('click', () => this.step(-1));
    $('slice-next').addEventListener('click', () => this.step(1));
    $('window-reset').addEventListener('click', () => state.viewer.resetWindow());
    state.viewer.onLocationChange = () => this.updateLocation();
    state.viewer.onWindowChange = (w) => this.showWindow(w);
  }

  /** A scan was opened: the axis choices in anatomical words, the axial plane shown when there is one. */
  opened(session) {
    const { viewer } = this.state;
    const grid = viewer.grid;
    this.state.planes = planesFromAxisCodes(session.axisCodes) || [0, 1, 2].map((a) => grid.planeOf(a));
    $('axis-select').replaceChildren(...[0, 1, 2].map((a) => {
      const option = document.createElement('option');
      option.value = String(a);
      option.textContent = `${this.state.planes[a]} (array axis ${a}, ${grid.dims[a]} slices)`;
      return option;
    }));
    const axial = this.state.planes.indexOf('axial');
    this.setAxis(axial >= 0 ? axial : 2);
    this.showWindow(viewer.window());
  }

  /** Chooses the propagation axis and shows the plane the user paints in for it. */
  setAxis(axis) {
    const { viewer } = this.state;
    this.state.axis = axis;
    $('axis-select').value = String(axis);
    if (!viewer.loaded) return;
    const plane = viewer.grid.planeOf(axis);
    document.querySelector(`input[name=view][value=${plane}]`).checked = true;
    viewer.setView(plane);
    $('slice-input').max = String(viewer.grid.dims[axis] - 1);
    $('slice-max').textContent = `/ ${viewer.grid.dims[axis] - 1}`;
    this.updateLocation();
    this.onAxis(axis);
  }

  /** Whether the view shows slices across the propagation axis (a stroke there stays on one slice). */
  inPlane() {
    const { viewer, axis } = this.state;
    const view = document.querySelector('input[name=view]:checked').value;
    return viewer.loaded && view === viewer.grid.planeOf(axis);
  }

  goToSlice(index) {
    if (!this.state.viewer.loaded) return;
    this.state.viewer.goToSlice(this.state.axis, index);
    this.updateLocation();
  }

  step(delta) {
    if (!this.state.viewer.loaded) return;
    this.goToSlice(this.state.viewer.sliceIndex(this.state.axis) + delta);
  }

  updateLocation() {
    const { viewer, axis, planes } = this.state;
    if (!viewer.loaded) return;
    const vox = viewer.crosshairVoxel();
    $('slice-input').value = String(vox[axis]);
    $('location').textContent = `voxel (${vox.join(', ')}) · slice ${vox[axis]} of ${planes[axis]} axis`;
  }

  showWindow(w) {
    if (!w || !Number.isFinite(w.min)) return;
    const width = w.max - w.min;
    const level = (w.max + w.min) / 2;
    $('window-value').value = `width ${round(width)} · level ${round(level)}`;
    $('window-value').title = `window ${round(w.min)} to ${round(w.max)}`
      + (w.robust ? `; automatic: ${round(w.robust.min)} to ${round(w.robust.max)} (0.5–99.5th percentile)` : '');
  }
}

function round(v) {
  return Math.abs(v) >= 100 ? String(Math.round(v)) : String(Number(v.toPrecision(3)));
}
