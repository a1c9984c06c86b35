// SPDX-License-Identifier: Apache-2.0
/** The drawing controls besides the label table: pen size, layer opacity, undo, redo and clear slice. */
import { $ } from './ui.js';

export const MAX_PEN_SIZE = 15;

export class DrawingTools {
  /** @param viewer the Viewer; @param axis () → the propagation axis (clear slice clears across it) */
  constructor(viewer, axis) {
    this.viewer = viewer;
    this.axis = axis;
    this.hiddenOpacity = null; // the opacity to restore when the labels were hidden with the shortcut
    $('pen-size').addEventListener('input', (e) => this.setPenSize(Number(e.target.value)));
    $('label-opacity').addEventListener('input', (e) => this.setOpacity(Number(e.target.value)));
    $('undo').addEventListener('click', () => this.undo());
    $('redo').addEventListener('click', () => this.redo());
    $('clear-slice').addEventListener('click', () => this.clearSlice());
  }

  setPenSize(size) {
    const s = Math.max(1, Math.min(MAX_PEN_SIZE, Math.round(size)));
    $('pen-size').value = String(s);
    $('pen-size-value').value = String(s);
    this.viewer.setPenSize(s);
  }

  changePenSize(delta) {
    this.setPenSize(Number($('pen-size').value) + delta);
  }

  /** Opacity of the edited label layer in percent. */
  setOpacity(percent) {
    $('label-opacity').value = String(percent);
    $('label-opacity-value').value = `${percent} %`;
    this.viewer.setLabelOpacity(percent / 100);
    if (percent > 0) this.hiddenOpacity = null;
  }

  /** Hides the labels (opacity 0) or shows them again at the opacity they had. */
  toggleLabels() {
    const now = Number($('label-opacity').value);
    if (now > 0) {
      this.setOpacity(0);
      this.hiddenOpacity = now;
    } else {
      this.setOpacity(this.hiddenOpacity ?? 80);
    }
  }

  undo() {
    if (this.viewer.loaded) this.viewer.undo();
  }

  redo() {
    if (this.viewer.loaded) this.viewer.redo();
  }

  clearSlice() {
    if (!this.viewer.loaded) return;
    const axis = this.axis();
    this.viewer.clearSlice(axis, this.viewer.sliceIndex(axis));
  }
}
