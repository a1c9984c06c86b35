// SPDX-License-Identifier: Apache-2.0
/** What each keyboard shortcut of shortcuts.js does on this page (the action names are the list's). */
import { $ } from './ui.js';

/** Two digits typed within this time form one label value (1 then 2: label 12). */
const DIGIT_WINDOW_MS = 700;

export function shortcutActions(state) {
  let digits = '';
  let digitTimer = null;
  const loaded = () => state.viewer.loaded;
  const layer = (name) => () => loaded() && state.labels.setLayer(name);
  const overlay = (which) => () => {
    const box = $(`show-${which}`);
    if (box.disabled) return;
    box.checked = !box.checked;
    box.dispatchEvent(new Event('change'));
  };
  const toggle = (id, onChange) => () => {
    const box = $(id);
    box.checked = !box.checked;
    onChange();
  };
  return {
    nextSlice: () => state.view.step(1),
    previousSlice: () => state.view.step(-1),
    nextSuggestion: () => state.jobs.stepSuggestion(1),
    previousSuggestion: () => state.jobs.stepSuggestion(-1),
    digit: (event) => {
      clearTimeout(digitTimer);
      const combined = Number(digits + event.key);
      // the digit extends the previous one when that names a label, else it starts again
      if (digits && state.labels.selectValue(combined)) {
        digits = '';
        return;
      }
      digits = event.key;
      state.labels.selectValue(Number(event.key));
      digitTimer = setTimeout(() => { digits = ''; }, DIGIT_WINDOW_MS);
    },
    penLarger: () => state.tools.changePenSize(1),
    penSmaller: () => state.tools.changePenSize(-1),
    toggleEraser: () => {
      const eraser = document.querySelector('input[name=tool]:checked').value !== 'eraser';
      document.querySelector(`input[name=tool][value=${eraser ? 'eraser' : 'pen'}]`).checked = true;
      state.labels.applyPen();
    },
    toggleFill: toggle('fill-check', () => state.labels.applyPen()),
    undo: () => state.tools.undo(),
    redo: () => state.tools.redo(),
    layerAnnotations: layer('labels'),
    layerHints: layer('hints'),
    layerResult: layer('result'),
    toggleLabels: () => state.tools.toggleLabels(),
    toggleUncertainty: overlay('uncertainty'),
    toggleUp: overlay('up'),
    toggleDown: overlay('down'),
    resetWindow: () => loaded() && state.viewer.resetWindow(),
    help: () => {
      const dialog = $('help-dialog');
      if (dialog.open) dialog.close();
      else dialog.showModal();
    },
  };
}
