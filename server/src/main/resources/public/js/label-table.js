// SPDX-License-Identifier: Apache-2.0
/**
 * The label table and drawing tools: which layer is edited, which value the pen paints (a label,
 * 255 for a background hint, 0 for the eraser), filled outlines, pen size, undo and clear slice.
 */
import {
  BACKGROUND_HINT, defaultColour, defaultLabels, drawColormap, hexColour, nextFreeValue,
  parseHexColour, parseItkSnapLabels,
} from './labels.js';
import { $, showError } from './ui.js';

export class LabelTable {
  constructor(viewer) {
    this.viewer = viewer;
    this.labels = defaultLabels();
    this.penValue = 1;
    this.layer = 'labels';
    this.bind();
    this.render();
  }

  bind() {
    $('label-add').addEventListener('click', () => this.add());
    $('label-file').addEventListener('change', (e) => this.loadFile(e.target));
    document.querySelectorAll('input[name=layer]').forEach((radio) =>
      radio.addEventListener('change', () => this.setLayer(radio.value)));
    document.querySelectorAll('input[name=tool]').forEach((radio) =>
      radio.addEventListener('change', () => this.applyPen()));
    $('fill-check').addEventListener('change', () => this.applyPen());
    $('pen-size').addEventListener('input', (e) => {
      $('pen-size-value').value = e.target.value;
      this.viewer.setPenSize(Number(e.target.value));
    });
    $('label-opacity').addEventListener('input', (e) => {
      $('label-opacity-value').value = `${e.target.value} %`;
      this.viewer.setLabelOpacity(Number(e.target.value) / 100);
    });
    $('undo').addEventListener('click', () => this.viewer.loaded && this.viewer.undo());
    $('clear-slice').addEventListener('click', () => this.clearSlice());
    document.addEventListener('keydown', (e) => {
      const typing = e.target.matches?.('input[type=text], input[type=number], input[type=url], input[type=password]');
      if ((e.ctrlKey || e.metaKey) && e.key === 'z' && !typing && this.viewer.loaded) {
        e.preventDefault();
        this.viewer.undo();
      }
    });
  }

  setLayer(layer) {
    this.layer = layer;
    if (layer !== 'hints' && this.penValue === BACKGROUND_HINT) this.penValue = this.labels[0]?.value ?? 1;
    this.viewer.setActiveLayer(layer);
    this.render();
  }

  /** Back to the annotations layer (a newly loaded scan starts there). */
  resetLayer() {
    this.layer = 'labels';
    document.querySelector('input[name=layer][value=labels]').checked = true;
    this.render();
  }

  /** Entries the pen can paint with in the current layer. */
  entries() {
    const rows = this.labels.map((l) => ({ ...l, removable: true }));
    if (this.layer === 'hints') {
      rows.push({ value: BACKGROUND_HINT, name: 'Background (hint)', colour: [90, 200, 255], removable: false });
    }
    return rows;
  }

  render() {
    const body = $('label-rows');
    body.replaceChildren(...this.entries().map((entry) => this.row(entry)));
    this.applyPen();
  }

  row(entry) {
    const tr = document.createElement('tr');
    if (!entry.removable) tr.className = 'hint-row';
    const pen = input('radio', { name: 'pen', value: String(entry.value), checked: entry.value === this.penValue });
    pen.setAttribute('aria-label', `Paint with ${entry.name} (value ${entry.value})`);
    pen.addEventListener('change', () => {
      this.penValue = entry.value;
      document.querySelector('input[name=tool][value=pen]').checked = true;
      this.applyPen();
    });
    const colour = input('color', { value: hexColour(entry.colour), disabled: !entry.removable });
    colour.setAttribute('aria-label', `Colour of ${entry.name}`);
    colour.addEventListener('input', () => {
      this.find(entry.value).colour = parseHexColour(colour.value);
      this.applyColours();
    });
    const name = input('text', { value: entry.name, disabled: !entry.removable });
    name.setAttribute('aria-label', `Name of label ${entry.value}`);
    name.addEventListener('change', () => { this.find(entry.value).name = name.value; });
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = '−';
    remove.setAttribute('aria-label', `Remove label ${entry.value}`);
    remove.hidden = !entry.removable;
    remove.addEventListener('click', () => this.remove(entry.value));
    const value = document.createElement('td');
    value.className = 'value';
    value.textContent = String(entry.value);
    tr.append(cell(pen), value, cell(colour), cell(name), cell(remove));
    return tr;
  }

  find(value) {
    return this.labels.find((l) => l.value === value);
  }

  add() {
    const value = nextFreeValue(this.labels);
    if (value === null) {
      showError('the label table is full: values 1 to 254 are all used');
      return;
    }
    this.labels.push({ value, name: `Label ${value}`, colour: defaultColour(value) });
    this.labels.sort((a, b) => a.value - b.value);
    this.penValue = value;
    this.render();
  }

  remove(value) {
    if (this.labels.length === 1) {
      showError('keep at least one label in the table');
      return;
    }
    this.labels = this.labels.filter((l) => l.value !== value);
    if (this.penValue === value) this.penValue = this.labels[0].value;
    this.render();
  }

  async loadFile(fileInput) {
    const file = fileInput.files[0];
    fileInput.value = '';
    if (!file) return;
    try {
      this.labels = parseItkSnapLabels(await file.text());
      this.penValue = this.labels[0].value;
      this.render();
    } catch (err) {
      showError(`cannot read ${file.name}: ${err.message}`);
    }
  }

  applyColours() {
    if (this.viewer.loaded) this.viewer.setColormap(drawColormap(this.labels));
  }

  applyPen() {
    if (!this.viewer.loaded) return;
    this.applyColours();
    const eraser = document.querySelector('input[name=tool]:checked').value === 'eraser';
    this.viewer.setPen(eraser ? 0 : this.penValue, $('fill-check').checked);
  }

  clearSlice() {
    if (!this.viewer.loaded) return;
    const axis = Number($('axis-select').value);
    this.viewer.clearSlice(axis, this.viewer.sliceIndex(axis));
  }
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
