// SPDX-License-Identifier: Apache-2.0
/**
 * Page controller: connects the sidebar controls, the viewer and the REST API. Open a scan, paint
 * annotations and hints, run jobs and inspect results; every failure is shown in the error banner.
 */
import { Api, loadSettings, saveSettings } from './api.js';
import { Viewer } from './viewer.js';
import { planesFromAxisCodes } from './geometry.js';
import { LabelTable } from './label-table.js';
import { JobPanel } from './job-panel.js';
import { $, showError, clearError, setStatus } from './ui.js';
import { describeSession, sessionAxisCodes, sessionShape } from './session.js';
import { classifyScanFiles, filesFromDrop } from './scan-files.js';
import { convertDicom } from './dicom.js';
import { chooseSeries } from './series-dialog.js';

const state = {
  api: new Api(loadSettings()),
  viewer: null,
  session: null,
  axis: 2,
  planes: null,
};

async function main() {
  state.viewer = new Viewer($('gl'));
  await state.viewer.init();
  state.viewer.onLocationChange = updateLocation;
  state.labels = new LabelTable(state.viewer);
  state.jobs = new JobPanel(state, { onResult: showResult, ensureUploaded: uploadAnnotations });
  bindScanControls();
  bindViewControls();
  bindSettings();
  window.labelprop = state; // handle for end-to-end tests and the browser console
  await connect();
}

async function connect() {
  try {
    const health = await state.api.health();
    setStatus(`Connected · LabelProp ${health.version || ''}`.trim(), true);
    await Promise.all([refreshSessions(), state.jobs.refreshCheckpoints()]);
  } catch (err) {
    setStatus(err.status === 401 ? 'Access token required (Server settings)' : 'Not connected', false);
    showError(err);
  }
}

function bindScanControls() {
  for (const input of [$('file-input'), $('dicom-input')]) {
    input.addEventListener('change', () => {
      if (input.files.length) openFiles(Array.from(input.files));
      input.value = '';
    });
  }
  for (const zone of [$('drop-zone'), document.querySelector('.viewer')]) {
    zone.addEventListener('dragover', (e) => { e.preventDefault(); $('drop-zone').classList.add('dragging'); });
    zone.addEventListener('dragleave', () => $('drop-zone').classList.remove('dragging'));
    zone.addEventListener('drop', (e) => {
      e.preventDefault();
      $('drop-zone').classList.remove('dragging');
      // the entries of a dropped folder are only available during the event: filesFromDrop takes them first
      filesFromDrop(e.dataTransfer).then((files) => files.length && openFiles(files)).catch(showError);
    });
  }
  $('session-open').addEventListener('click', () => reopen($('session-select').value));
  $('session-refresh').addEventListener('click', () => refreshSessions().catch(showError));
  $('session-delete').addEventListener('click', deleteSession);
  $('save-annotations').addEventListener('click', saveAnnotations);
}

/**
 * Opens what was dropped or chosen: a NIfTI file; a NRRD, MetaImage or DICOM .zip file (the server converts it); or
 * the files of a DICOM folder, converted here by dcm2niix (WebAssembly), with a choice when they hold several series.
 */
async function openFiles(files) {
  clearError();
  try {
    const picked = classifyScanFiles(files);
    if (picked.kind !== 'dicom') {
      await openFile(picked.file, { convertedByServer: picked.kind === 'converted' });
      return;
    }
    setInfo(`Converting ${picked.files.length} DICOM file(s) in the browser (dcm2niix)…`);
    const series = await convertDicom(picked.files);
    const chosen = series.length === 1 ? series[0] : await chooseSeries(series);
    if (chosen) await openFile(chosen.file);
    else setInfo(state.session ? describeSession(state.session, state.viewer.grid) : 'No scan open.');
  } catch (err) {
    setInfo(state.session ? describeSession(state.session, state.viewer.grid) : 'No scan open.');
    showError(err);
  }
}

/**
 * A NIfTI is shown first (a file the browser cannot read or display is refused before anything is uploaded), then
 * uploaded; a file the server converts is uploaded first and its stored NIfTI shown, so that annotations are drawn on
 * exactly the grid the server keeps.
 */
async function openFile(file, { convertedByServer = false } = {}) {
  try {
    setInfo(`Opening ${file.name}…`);
    const bytes = await file.arrayBuffer();
    if (!convertedByServer) showScan(await state.viewer.loadImage(bytes, file.name));
    setInfo(`Uploading ${file.name}${convertedByServer ? ' (the server converts it to NIfTI)' : ''}…`);
    const created = await state.api.createSession();
    try {
      await state.api.putVolume(created.id, 'image', bytes);
    } catch (err) {
      // a session without its scan is of no use: do not leave it behind
      await state.api.deleteSession(created.id).catch(() => {});
      throw err;
    }
    if (convertedByServer) showScan(await state.viewer.loadImage(await state.api.volume(created.id, 'image'), 'image.nii.gz'));
    afterLoad(await state.api.session(created.id));
    await refreshSessions();
  } catch (err) {
    setInfo(state.viewer.loaded && !state.session ? `${file.name} is shown but not on the server: nothing can run on it.` : 'No scan open.');
    showError(err);
  }
}

function showScan() {
  state.viewer.setView(document.querySelector('input[name=view]:checked').value);
  state.session = null;
  state.jobs.reset();
  $('viewer-hint').hidden = true;
}

async function reopen(id) {
  if (!id) return;
  clearError();
  try {
    setInfo('Loading session…');
    const session = await state.api.session(id);
    const image = await state.api.volume(id, 'image');
    if (!image) throw new Error(`session ${id} has no image yet`);
    await state.viewer.loadImage(image, 'image.nii.gz');
    // the summary says what is stored: no probing requests that would end in 404
    if (session.annotations) await state.viewer.importLayer('labels', await state.api.volume(id, 'labels'));
    if (session.hints) await state.viewer.importLayer('hints', await state.api.volume(id, 'hints'));
    afterLoad(session);
    if ((session.results || []).includes('fused')) await state.jobs.loadResults();
  } catch (err) {
    showError(err);
  }
}

async function deleteSession() {
  const id = $('session-select').value;
  if (!id || !confirm(`Delete session ${id} and its files on the server?`)) return;
  try {
    await state.api.deleteSession(id);
    await refreshSessions();
  } catch (err) {
    showError(err);
  }
}

async function refreshSessions() {
  const answer = await state.api.listSessions();
  const sessions = Array.isArray(answer) ? answer : answer.sessions || [];
  const select = $('session-select');
  select.replaceChildren(...sessions.map((s) => {
    const option = document.createElement('option');
    option.value = s.id;
    const shape = sessionShape(s);
    option.textContent = s.id + (shape ? ` (${shape.join('×')})` : '');
    return option;
  }));
  if (state.session) select.value = state.session.id;
  for (const control of [select, $('session-open'), $('session-delete')]) control.disabled = sessions.length === 0;
}

function afterLoad(session) {
  state.session = session;
  const grid = state.viewer.grid;
  state.planes = planesFromAxisCodes(sessionAxisCodes(session)) || [0, 1, 2].map((a) => grid.planeOf(a));
  const select = $('axis-select');
  select.replaceChildren(...[0, 1, 2].map((a) => {
    const option = document.createElement('option');
    option.value = String(a);
    option.textContent = `${state.planes[a]} (array axis ${a}, ${grid.dims[a]} slices)`;
    return option;
  }));
  const axial = state.planes.indexOf('axial');
  setAxis(axial >= 0 ? axial : 2);
  setInfo(describeSession(session, grid));
  $('viewer-hint').hidden = true;
  state.labels.resetLayer();
  state.jobs.reset();
}

function bindViewControls() {
  document.querySelectorAll('input[name=view]').forEach((radio) =>
    radio.addEventListener('change', () => state.viewer.loaded && state.viewer.setView(radio.value)));
  $('axis-select').addEventListener('change', (e) => setAxis(Number(e.target.value)));
  $('slice-input').addEventListener('change', (e) => goToSlice(Number(e.target.value)));
  $('slice-prev').addEventListener('click', () => goToSlice(Number($('slice-input').value) - 1));
  $('slice-next').addEventListener('click', () => goToSlice(Number($('slice-input').value) + 1));
}

/** Chooses the propagation axis and shows the plane the user paints in for it. */
function setAxis(axis) {
  state.axis = axis;
  $('axis-select').value = String(axis);
  if (!state.viewer.loaded) return;
  const plane = state.viewer.grid.planeOf(axis);
  const radio = document.querySelector(`input[name=view][value=${plane}]`);
  radio.checked = true;
  state.viewer.setView(plane);
  $('slice-input').max = String(state.viewer.grid.dims[axis] - 1);
  $('slice-max').textContent = `/ ${state.viewer.grid.dims[axis] - 1}`;
  updateLocation();
}

function goToSlice(index, axis = state.axis) {
  if (!state.viewer.loaded) return;
  state.viewer.goToSlice(axis, index);
  updateLocation();
}

function updateLocation() {
  if (!state.viewer.loaded) return;
  const vox = state.viewer.crosshairVoxel();
  $('slice-input').value = String(vox[state.axis]);
  $('location').textContent = `voxel (${vox.join(', ')}) · slice ${vox[state.axis]} of ${state.planes[state.axis]} axis`;
}

async function uploadAnnotations() {
  const id = state.session.id;
  await state.api.putVolume(id, 'labels', await state.viewer.exportLayer('labels'));
  await state.api.putVolume(id, 'hints', await state.viewer.exportLayer('hints'));
}

async function saveAnnotations() {
  if (!state.session || !state.viewer.loaded) return;
  clearError();
  try {
    await uploadAnnotations();
    state.session = await state.api.session(state.session.id);
    setInfo(describeSession(state.session, state.viewer.grid) + ' · annotations saved');
  } catch (err) {
    showError(err);
  }
}

function showResult() {
  document.querySelector('input[name=layer][value=result]').checked = true;
  state.labels.setLayer('result');
}

function bindSettings() {
  const dialog = $('settings-dialog');
  $('settings-button').addEventListener('click', () => {
    const settings = loadSettings();
    $('server-url').value = settings.baseUrl;
    $('server-token').value = settings.token;
    dialog.showModal();
  });
  dialog.addEventListener('close', () => {
    if (dialog.returnValue !== 'save') return;
    saveSettings({ baseUrl: $('server-url').value, token: $('server-token').value });
    state.api = new Api(loadSettings());
    clearError();
    connect();
  });
}

function setInfo(text) {
  $('scan-info').textContent = text;
}

main().catch(showError);
