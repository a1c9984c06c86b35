// SPDX-License-Identifier: Apache-2.0
/**
 * The label table: one row for every label value described for the session or present in a layer (annotations,
 * hints, result), each with its colour, name and coverage status, and the pen that paints with it. Names and colours
 * are the session's label descriptions on the server: every rename, recolour, added or removed label and every
 * imported ITK-SNAP file is saved there at once, so a reload, another browser or another user sees the same.
 */
import { drawColormap, hexColour, nextFreeValue, paletteColour, parseHexColour, HINT_BACKGROUND_COLOUR } from './labels.js';
import { $, showError } from './ui.js';

const SAVE_DELAY_MS = 250;

export class LabelTable {
  constructor(viewer, state) {
    this.viewer = viewer;
    this.state = state; // api, conventions, session
    this.descriptions = new Map(); // value → {value, name, colour}, as the server stores them
    this.present = new Set(); // values in the layers
    this.coverage = new Map(); // value → {status, slices}
    this.penValue = 1;
    this.layer = 'labels';
    this.saveTimer = null;
    this.saving = Promise.resolve();
    this.bind();
    this.render();
  }

  bind() {
    $('label-add').addEventListener('click', () => this.add());
    $('label-file').addEventListener('change', (e) => this.importFile(e.target));
    document.querySelectorAll('input[name=layer]').forEach((radio) =>
      radio.addEventListener('change', () => this.setLayer(radio.value)));
    document.querySelectorAll('input[name=tool]').forEach((radio) =>
      radio.addEventListener('change', () => this.applyPen()));
    $('fill-check').addEventListener('change', () => this.applyPen());
  }

  get conventions() {
    return this.state.conventions;
  }

  /** A session was opened: its descriptions (from the server) replace the table's. */
  openSession(descriptions) {
    clearTimeout(this.saveTimer);
    this.descriptions = byValue(descriptions);
    this.present = new Set();
    this.coverage = new Map();
    const values = this.values();
    this.penValue = values[0] ?? 1;
    this.render();
  }

  /** The values present in the layers: each gets a row (its palette colour and "Label N" until described). */
  setPresent(values) {
    const before = this.values().join();
    this.present = new Set([...values].filter((v) => v !== this.conventions?.backgroundHint));
    if (this.values().join() !== before) this.render();
    else this.applyColours();
  }

  /** Shows each label's coverage (Map value → {status, slices}) in its row. */
  setCoverage(coverage) {
    this.coverage = coverage;
    for (const row of $('label-rows').querySelectorAll('tr[data-value]')) {
      const status = row.querySelector('.status');
      if (status) this.fillStatus(status, Number(row.dataset.value));
    }
  }

  /** The label values with a row, ascending. */
  values() {
    return [...new Set([...this.descriptions.keys(), ...this.present])].sort((a, b) => a - b);
  }

  /** The row of a value: its description, or "Label N" in its palette colour. */
  label(value) {
    return this.descriptions.get(value)
      ?? { value, name: `Label ${value}`, colour: this.conventions ? paletteColour(this.conventions, value) : [255, 0, 255] };
  }

  labels() {
    return this.values().map((v) => this.label(v));
  }

  setLayer(layer) {
    this.layer = layer;
    document.querySelector(`input[name=layer][value=${layer}]`).checked = true;
    if (layer !== 'hints' && this.penValue === this.conventions?.backgroundHint) this.penValue = this.values()[0] ?? 1;
    this.viewer.setActiveLayer(layer);
    this.render();
  }

  /** Back to the annotations layer (a newly loaded scan starts there). */
  resetLayer() {
    this.layer = 'labels';
    document.querySelector('input[name=layer][value=labels]').checked = true;
    this.render();
  }

  /** Chooses the pen's label by value; false when the table has no such label. */
  selectValue(value) {
    const hint = this.layer === 'hints' && value === this.conventions?.backgroundHint;
    if (!hint && !this.values().includes(value)) return false;
    this.penValue = value;
    document.querySelector('input[name=tool][value=pen]').checked = true;
    const radio = $('label-rows').querySelector(`input[name=pen][value="${value}"]`);
    if (radio) radio.checked = true;
    this.applyPen();
    return true;
  }

  render() {
    const body = $('label-rows');
    const open = Boolean(this.state.session);
    for (const id of ['label-add', 'label-file']) $(id).disabled = !open;
    if (!open) {
      const tr = document.createElement('tr');
      const td = document.createElement('td');
      td.colSpan = 5;
      td.className = 'muted';
      td.textContent = 'Open a scan to see and edit its labels.';
      tr.append(td);
      body.replaceChildren(tr);
      return;
    }
    const rows = this.labels().map((l) => this.row(l, true));
    if (this.layer === 'hints') {
      rows.push(this.row({ value: this.conventions.backgroundHint, name: 'Background (hint)', colour: HINT_BACKGROUND_COLOUR }, false));
    }
    body.replaceChildren(...rows);
    this.applyPen();
  }

  row(entry, editable) {
    const tr = document.createElement('tr');
    tr.dataset.value = String(entry.value);
    if (!editable) tr.className = 'hint-row';
    const pen = input('radio', { name: 'pen', value: String(entry.value), checked: entry.value === this.penValue });
    pen.setAttribute('aria-label', `Paint with ${entry.name} (value ${entry.value})`);
    pen.addEventListener('change', () => this.selectValue(entry.value));
    const colour = input('color', { value: hexColour(entry.colour), disabled: !editable });
    colour.setAttribute('aria-label', `Colour of ${entry.name}`);
    colour.addEventListener('input', () => this.edit(entry.value, { colour: parseHexColour(colour.value) }, SAVE_DELAY_MS));
    const name = input('text', { value: entry.name, disabled: !editable, maxLength: 200 });
    name.setAttribute('aria-label', `Name of label ${entry.value}`);
    name.addEventListener('change', () => this.edit(entry.value, { name: name.value.trim() || `Label ${entry.value}` }, 0));
    const nameCell = cell(name);
    if (editable) {
      const status = document.createElement('div');
      status.className = 'status';
      this.fillStatus(status, entry.value);
      nameCell.append(status);
    }
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = '−';
    remove.setAttribute('aria-label', `Remove label ${entry.value}`);
    remove.hidden = !editable;
    remove.addEventListener('click', () => this.remove(entry.value));
    const value = document.createElement('td');
    value.className = 'value';
    value.textContent = String(entry.value);
    tr.append(cell(pen), value, cell(colour), nameCell, cell(remove));
    return tr;
  }

  /** "range", "single-slice" or "hint-only" with what it means (core's words) and the annotated slices. */
  fillStatus(element, value) {
    const c = this.coverage.get(value);
    element.dataset.status = c ? c.status : 'none';
    if (!c) {
      element.textContent = this.present.has(value) ? 'in the result only' : 'not annotated yet';
      return;
    }
    const key = document.createElement('strong');
    key.textContent = c.status;
    const slices = c.slices.length ? ` (slice${c.slices.length > 1 ? 's' : ''} ${c.slices.join(', ')})` : '';
    element.replaceChildren(key, ` ${this.conventions.coverage[c.status]}${slices}`);
  }

  /** Changes a label's name or colour and saves the table (after `delay` ms, so a colour drag saves once). */
  edit(value, change, delay) {
    this.descriptions.set(value, { ...this.label(value), ...change });
    if (change.colour) {
      this.applyColours();
    } else {
      // the row's accessible names use the label name
      const row = $('label-rows').querySelector(`tr[data-value="${value}"]`);
      row?.querySelector('input[type=radio]')?.setAttribute('aria-label', `Paint with ${change.name} (value ${value})`);
      row?.querySelector('input[type=color]')?.setAttribute('aria-label', `Colour of ${change.name}`);
    }
    this.scheduleSave(delay);
  }

  add() {
    const value = nextFreeValue(this.values(), this.conventions);
    if (value === null) {
      showError('the label table is full: values 1 to 254 are all used');
      return;
    }
    this.descriptions.set(value, this.label(value));
    this.penValue = value;
    this.render();
    this.scheduleSave(0);
  }

  remove(value) {
    if (this.present.has(value)) {
      const slices = this.coverage.get(value)?.slices ?? [];
      showError(`label ${value} ("${this.label(value).name}") is still painted`
        + (slices.length ? ` on slice${slices.length > 1 ? 's' : ''} ${slices.join(', ')} of the annotations` : ' in a layer')
        + '; erase it before removing it from the table');
      return;
    }
    this.descriptions.delete(value);
    if (this.penValue === value) this.penValue = this.values()[0] ?? 1;
    this.render();
    this.scheduleSave(0);
  }

  scheduleSave(delay) {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => { this.saving = this.save(); }, delay);
  }

  /** Stores the table as the session's label descriptions; resolves when the server has them. */
  async save() {
    const { api, session } = this.state;
    if (!session) return;
    try {
      const stored = await api.saveLabelDescriptions(session.id, this.labels());
      const before = this.values().join();
      this.descriptions = byValue(stored);
      if (this.values().join() !== before) this.render();
      document.body.dataset.labelsSaved = String(Date.now()); // tests wait for this
    } catch (err) {
      showError(err);
    }
  }

  /** Flushes a pending save (before a download, a job or leaving the session). */
  async flush() {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
      this.saving = this.save();
    }
    await this.saving;
  }

  async importFile(fileInput) {
    const file = fileInput.files[0];
    fileInput.value = '';
    if (!file || !this.state.session) return;
    try {
      await this.flush(); // an edit still waiting must not overwrite the import afterwards
      this.descriptions = byValue(await this.state.api.importLabelFile(this.state.session.id, await file.text()));
      if (!this.values().includes(this.penValue)) this.penValue = this.values()[0] ?? 1;
      this.render();
    } catch (err) {
      showError(`cannot use ${file.name} as label descriptions: ${err.message}`);
    }
  }

  applyColours() {
    if (this.viewer.loaded && this.conventions) this.viewer.setColormap(drawColormap(this.labels(), this.conventions));
  }

  applyPen() {
    if (!this.viewer.loaded) return;
    this.applyColours();
    const eraser = document.querySelector('input[name=tool]:checked').value === 'eraser';
    this.viewer.setPen(eraser ? 0 : this.penValue, $('fill-check').checked);
  }
}

/** Label descriptions (as the API gives them) by value, in the table's editable form. */
function byValue(descriptions) {
  return new Map(descriptions.map((d) => [d.value, { value: d.value, name: d.name, colour: d.colour.slice() }]));
}

function input(type, props) {
  const element = document.createElement('input');
  element.type = type;
  Object.assign(element, props);
  return element;
}

function cell(child) {
  const td = document.createElement('td');
  td.append(child);
  return td;
}
