// SPDX-License-Identifier: Apache-2.0
/**
 * Page controller: connects the sidebar controls, the viewer and the REST API. Open a scan, paint
 * annotations and hints, run jobs and inspect results; every failure is shown in the error banner.
 */
import { Api, loadSettings, saveSettings } from './api.js';
import { Viewer } from './viewer.js';
import { LabelTable } from './label-table.js';
import { DrawingTools } from './drawing-tools.js';
import { JobPanel } from './job-panel.js';
import { LayerWatch } from './layer-watch.js';
import { ViewControls } from './view-controls.js';
import { bindShortcuts, renderHelp } from './shortcuts.js';
import { shortcutActions } from './shortcut-actions.js';
import { $, showError, clearError, setStatus } from './ui.js';
import { describeSession, sessionOption } from './session.js';
import { classifyScanFiles, filesFromDrop } from './scan-files.js';
import { convertDicom } from './dicom.js';
import { chooseSeries } from './series-dialog.js';

const state = {
  api: new Api(loadSettings()),
  conventions: null,
  viewer: null,
  session: null,
  axis: 2,
  planes: null,
};

async function main() {
  state.viewer = new Viewer($('gl'));
  await state.viewer.init();
  state.labels = new LabelTable(state.viewer, state);
  state.watch = new LayerWatch(state);
  state.view = new ViewControls(state, () => state.watch.all());
  state.tools = new DrawingTools(state.viewer, () => state.axis);
  state.jobs = new JobPanel(state, { onResult: showResult, ensureUploaded: uploadAnnotations });
  state.viewer.onDrawingChanged = (action) => state.watch.drawn(action, state.view.inPlane());
  bindScanControls();
  bindSettings();
  bindHelp();
  bindShortcuts(shortcutActions(state), $('gl'));
  window.labelprop = state; // handle for end-to-end tests and the browser console
  await connect();
}

async function connect() {
  try {
    const health = await state.api.health();
    state.conventions = await state.api.labelConventions();
    setStatus(`Connected · LabelProp ${health.version}`, true);
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
  $('annotations-file').addEventListener('change', (e) => {
    if (e.target.files.length) openAnnotations(e.target.files[0]);
    e.target.value = '';
  });
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
    if (!convertedByServer) await showScan(bytes, file.name);
    setInfo(`Uploading ${file.name}${convertedByServer ? ' (the server converts it to NIfTI)' : ''}…`);
    const created = await state.api.createSession();
    try {
      await state.api.putVolume(created.id, 'image', bytes);
    } catch (err) {
      // a session without its scan is of no use: do not leave it behind
      await state.api.deleteSession(created.id).catch(() => {});
      throw err;
    }
    if (convertedByServer) await showScan(await state.api.volume(created.id, 'image'), 'image.nii.gz');
    const session = await state.api.session(created.id);
    await state.viewer.batch(async () => afterLoad(session));
    await refreshSessions();
  } catch (err) {
    setInfo(state.viewer.loaded && !state.session ? `${file.name} is shown but not on the server: nothing can run on it.` : 'No scan open.');
    showError(err);
  }
}

/** Shows a scan (NIfTI bytes) with empty layers, before it has a session. */
async function showScan(bytes, name) {
  await state.viewer.batch(async () => {
    await state.viewer.loadImage(bytes, name);
    state.viewer.setView(document.querySelector('input[name=view]:checked').value);
    state.session = null;
    state.labels.openSession([]);
    state.jobs.reset();
  });
  $('viewer-hint').hidden = true;
}

/** Opens a label volume (NIfTI on the scan's grid) as the annotations and stores it on the server. */
async function openAnnotations(file) {
  clearError();
  if (!state.session) {
    showError('open a scan first: annotations are read onto its grid');
    return;
  }
  try {
    state.labels.setLayer('labels');
    await state.viewer.importLayer('labels', await file.arrayBuffer(), file.name);
    state.watch.layer('labels');
    await saveAnnotations();
  } catch (err) {
    showError(`cannot open ${file.name} as annotations: ${err.message}`);
  }
}

/** Reopens a stored session: everything it has is downloaded at once, then shown. */
async function reopen(id) {
  if (!id) return;
  clearError();
  try {
    setInfo('Loading session…');
    const session = await state.api.session(id);
    if (!session.hasImage) throw new Error(`session ${id} has no image yet`);
    const fused = session.results.includes('fused');
    // the summary says what is stored: no probing requests that would end in 404
    const [image, labels, hints, result, suggestions] = await Promise.all([
      state.api.volume(id, 'image'),
      session.hasAnnotations ? state.api.volume(id, 'labels') : null,
      session.hasHints ? state.api.volume(id, 'hints') : null,
      fused ? state.api.result(id, 'fused') : null,
      session.results.includes('suggestions') ? state.api.suggestions(id) : null,
    ]);
    await state.viewer.batch(async () => {
      await state.viewer.loadImage(image, 'image.nii.gz');
      if (labels) await state.viewer.importLayer('labels', labels);
      if (hints) await state.viewer.importLayer('hints', hints);
      afterLoad(session);
      if (result) await state.jobs.showResults(session, result, suggestions);
    });
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
  const sessions = await state.api.listSessions();
  const select = $('session-select');
  select.replaceChildren(...sessions.map((s) => new Option(sessionOption(s), s.id)));
  if (state.session) select.value = state.session.id;
  for (const control of [select, $('session-open'), $('session-delete')]) control.disabled = sessions.length === 0;
}

function afterLoad(session) {
  state.session = session;
  state.labels.openSession(session.labelDescriptions);
  state.view.opened(session); // chooses the axis, which scans the layers
  setInfo(describeSession(session, state.viewer.grid));
  $('viewer-hint').hidden = true;
  state.labels.resetLayer();
  state.jobs.reset();
}

async function uploadAnnotations() {
  const id = state.session.id;
  await Promise.all([
    state.api.putVolume(id, 'labels', await state.viewer.exportLayer('labels')),
    state.api.putVolume(id, 'hints', await state.viewer.exportLayer('hints')),
  ]);
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
  state.labels.setLayer('result');
  state.watch.layer('result');
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

function bindHelp() {
  renderHelp($('shortcut-rows'), $('mouse-rows'));
  $('help-button').addEventListener('click', () => $('help-dialog').showModal());
}

function setInfo(text) {
  $('scan-info').textContent = text;
}

main().catch(showError);
