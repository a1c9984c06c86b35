// SPDX-License-Identifier: Apache-2.0
/**
 * The annotator's keyboard shortcuts: one list, from which both the key handling and the help panel are made, so the
 * help always says what the keys do. Shortcuts work anywhere on the page except while typing in a field; they take
 * precedence over NiiVue's own canvas keys (which would move the crosshair or change the view behind the page's back).
 */

/** [keys, what the help shows, what it does, action name]; keys as normalised by keyName(). */
export const SHORTCUTS = [
  [['ArrowUp', 'PageUp'], '↑ or Page Up', 'next slice along the propagation axis', 'nextSlice'],
  [['ArrowDown', 'PageDown'], '↓ or Page Down', 'previous slice', 'previousSlice'],
  [['N'], 'N', 'go to the next suggested slice', 'nextSuggestion'],
  [['Shift+N'], 'Shift+N', 'go to the previous suggested slice', 'previousSuggestion'],
  [['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'], '1 … 9', 'paint with that label; two digits in quick succession for 10 and up (1 then 2: label 12)', 'digit'],
  [[']', '='], '] or =', 'larger pen', 'penLarger'],
  [['[', '-'], '[ or -', 'smaller pen', 'penSmaller'],
  [['E'], 'E', 'eraser on / off', 'toggleEraser'],
  [['F'], 'F', 'fill closed outlines on / off', 'toggleFill'],
  [['Ctrl+Z'], 'Ctrl+Z', 'undo', 'undo'],
  [['Ctrl+Shift+Z', 'Ctrl+Y'], 'Ctrl+Shift+Z or Ctrl+Y', 'redo', 'redo'],
  [['A'], 'A', 'edit the annotations layer', 'layerAnnotations'],
  [['H'], 'H', 'edit the hints layer', 'layerHints'],
  [['R'], 'R', 'show and edit the result layer', 'layerResult'],
  [['O'], 'O', 'hide / show the labels (see the scan beneath)', 'toggleLabels'],
  [['U'], 'U', 'uncertainty overlay on / off', 'toggleUncertainty'],
  [['Shift+U'], 'Shift+U', 'up-propagation overlay on / off', 'toggleUp'],
  [['Shift+D'], 'Shift+D', 'down-propagation overlay on / off', 'toggleDown'],
  [['W'], 'W', 'automatic intensity window (0.5–99.5th percentile)', 'resetWindow'],
  [['?'], '?', 'this help', 'help'],
];

/** Mouse gestures on the image, shown in the help below the keys. */
export const MOUSE = [
  ['left drag', 'paint with the pen (or erase)'],
  ['right drag', 'window / level: left–right changes the width, up–down the level'],
  ['scroll wheel', 'move through the slices'],
];

/** "Ctrl+Shift+Z", "Shift+N", "N", "?", "ArrowUp": the event's key with its modifiers. */
export function keyName(event) {
  const letter = /^[a-z]$/i.test(event.key);
  const parts = [];
  if (event.ctrlKey || event.metaKey) parts.push('Ctrl');
  if (event.shiftKey && letter) parts.push('Shift');
  if (event.altKey) parts.push('Alt');
  parts.push(letter ? event.key.toUpperCase() : event.key);
  return parts.join('+');
}

/** The action name for an event, or null. */
export function actionFor(event) {
  const name = keyName(event);
  const entry = SHORTCUTS.find(([keys]) => keys.includes(name));
  return entry ? entry[3] : null;
}

/** Whether the key belongs to a field the user is typing in (text, numbers, selects, sliders). */
function typing(target) {
  if (!(target instanceof Element)) return false;
  if (target.isContentEditable || target.matches('textarea, select')) return true;
  return target.matches('input') && !target.matches('[type=radio], [type=checkbox], [type=button], [type=color], [type=file]');
}

/**
 * Listens on the window (capture phase, ahead of NiiVue's canvas listeners) and calls actions[name](event).
 * Keys aimed at the canvas that are not shortcuts are stopped as well: NiiVue's own keys would change the view.
 */
export function bindShortcuts(actions, canvas) {
  window.addEventListener('keydown', (event) => {
    if (typing(event.target) || document.querySelector('dialog[open]:not(#help-dialog)')) return;
    const action = actionFor(event);
    if (action && actions[action]) {
      event.preventDefault();
      event.stopPropagation();
      actions[action](event);
    } else if (event.target === canvas) {
      event.stopPropagation();
    }
  }, { capture: true });
  window.addEventListener('keyup', (event) => {
    if (event.target === canvas) event.stopPropagation();
  }, { capture: true });
}

/** Fills the help panel's tables from SHORTCUTS and MOUSE. */
export function renderHelp(keysBody, mouseBody) {
  const row = (what, does) => {
    const tr = document.createElement('tr');
    const key = document.createElement('td');
    const kbd = document.createElement('kbd');
    kbd.textContent = what;
    key.append(kbd);
    const text = document.createElement('td');
    text.textContent = does;
    tr.append(key, text);
    return tr;
  };
  keysBody.replaceChildren(...SHORTCUTS.map(([, shown, does]) => row(shown, does)));
  mouseBody.replaceChildren(...MOUSE.map(([what, does]) => row(what, does)));
}
