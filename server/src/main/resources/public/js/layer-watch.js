// SPDX-License-Identifier: Apache-2.0
/**
 * Keeps the label table in step with what the layers hold: the values present (every one gets a row and a colour) and
 * each label's coverage along the propagation axis. A stroke in the plane across that axis rescans its one slice; any
 * other change (undo, a stroke in another view, an imported volume) rescans the layer, at most once per frame burst.
 */
import { SlicePresence, labelCoverage } from './coverage.js';
import { LAYERS } from './viewer.js';

const RESCAN_DELAY_MS = 120;

export class LayerWatch {
  /** @param state page state: viewer, labels (LabelTable), axis, conventions */
  constructor(state) {
    this.state = state;
    this.presence = {};
    this.pending = new Set();
    this.timer = null;
  }

  /** Scans every layer again (a scan was opened, layers imported, or the propagation axis changed). */
  all() {
    const { viewer } = this.state;
    if (!viewer.loaded) return;
    for (const layer of LAYERS) this.presence[layer] = this.scan(layer);
    this.publish();
  }

  /** One layer changed as a whole (imported or reset). */
  layer(layer) {
    const { viewer } = this.state;
    if (!viewer.loaded) return;
    this.presence[layer] = this.scan(layer);
    this.publish();
  }

  /** The active layer was drawn on (`action` from the viewer); `inPlane`: the view shows slices across the axis. */
  drawn(action, inPlane) {
    const { viewer, axis } = this.state;
    const layer = viewer.active;
    const presence = this.presence[layer];
    if (!presence || presence.axis !== axis) {
      this.later(layer);
      return;
    }
    if (action === 'draw' && inPlane) {
      const s = viewer.sliceIndex(axis);
      presence.scan(viewer.layerData(layer), s, s + 1);
      this.publish();
    } else {
      this.later(layer);
    }
  }

  later(layer) {
    this.pending.add(layer);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const layers = [...this.pending];
      this.pending.clear();
      for (const l of layers) this.presence[l] = this.scan(l);
      this.publish();
    }, RESCAN_DELAY_MS);
  }

  /** The presence of each value on each slice of a layer (a blank layer is not read). */
  scan(layer) {
    const { viewer, axis } = this.state;
    if (viewer.isBlank(layer)) return new SlicePresence(viewer.grid, axis);
    return SlicePresence.of(viewer.grid, axis, viewer.layerData(layer));
  }

  publish() {
    const { labels, conventions } = this.state;
    const values = new Set();
    for (const layer of LAYERS) for (const v of this.presence[layer]?.values() ?? []) values.add(v);
    labels.setPresent(values);
    const hints = this.presence.hints ?? null;
    labels.setCoverage(this.presence.labels ? labelCoverage(this.presence.labels, hints, conventions.backgroundHint) : new Map());
    document.body.dataset.coverage = String(Date.now()); // tests wait for this
  }
}
