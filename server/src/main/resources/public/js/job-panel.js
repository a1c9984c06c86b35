// SPDX-License-Identifier: Apache-2.0
/**
 * Runs server jobs (shape-interpolation preview, train & propagate, propagate with a checkpoint), shows their progress,
 * ETA and queue position with a cancel button, and loads the results: the fused labels become the
 * editable "result" layer; up, down and uncertainty are optional overlays; suggestions jump to slices.
 */
import { watchJob, formatEta } from './jobs.js';
import { explain } from './suggestion-text.js';
import { $, showError, clearError } from './ui.js';

/** Value of the "Start from" choice that trains from random weights instead of the shipped pretrained checkpoint. */
const SCRATCH = ':scratch';

/** A number input's value, or undefined when it is left blank (the server's automatic choice). */
function optionalNumber(id) {
  const v = $(id).value.trim();
  return v === '' ? undefined : Number(v);
}

/** Drops undefined fields, so a request carries only what the user set (the server fills in its defaults). */
function defined(fields) {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

const OVERLAYS = ['up', 'down', 'uncertainty'];

export class JobPanel {
  /** @param state page state (api, viewer, session, axis); @param hooks {onResult, ensureUploaded} */
  constructor(state, hooks) {
    this.state = state;
    this.hooks = hooks;
    this.job = null;
    $('run-preview').addEventListener('click', () => this.run({ type: 'propagate', method: 'shape' }));
    // "train" trains the network on this scan, stores it as a checkpoint, then propagates
    $('run-train').addEventListener('click', () => {
      // '' = the server's shipped pretrained checkpoint, SCRATCH = random weights, else a stored checkpoint
      const start = $('pretrained-select').value;
      const weights = start === SCRATCH ? 'none' : start || undefined;
      const saveAs = $('save-as-input').value.trim();
      // the session's own checkpoint (the default name) is replaced by a new training; a named one is not
      this.run(defined({ type: 'train', weights, training: defined({ steps: optionalNumber('steps-input'),
        seconds: optionalNumber('budget-input') }), ...this.refinement(), ...(saveAs ? { saveAs } : { overwrite: true }) }));
    });
    $('run-checkpoint').addEventListener('click', () => {
      const checkpoint = $('checkpoint-select').value;
      if (!checkpoint) {
        showError('no checkpoint on the server yet: train one ("Train & propagate") or upload one (PUT /api/checkpoints/{name})');
        return;
      }
      this.run({ type: 'propagate', weights: checkpoint, ...this.refinement() });
    });
    $('job-cancel').addEventListener('click', () => this.cancel());
    for (const which of OVERLAYS) $(`show-${which}`).addEventListener('change', (e) => this.toggle(which, e.target));
    $('download-result').addEventListener('click', () => this.download());
    this.setRunning(false);
  }

  get api() {
    return this.state.api;
  }

  reset() {
    for (const which of OVERLAYS) Object.assign($(`show-${which}`), { checked: false, disabled: true });
    $('download-result').disabled = true;
    this.report = null;
    this.current = -1;
    $('suggestions').replaceChildren();
    $('suggest-method').textContent = '';
    $('job-panel').hidden = true;
    this.setRunning(false);
  }

  async refreshCheckpoints() {
    const names = (await this.api.checkpoints()).map((c) => c.name);
    fillSelect($('checkpoint-select'), names, 'no checkpoint yet');
    const start = $('pretrained-select');
    const previous = start.value;
    fillSelect(start, names, 'shipped pretrained (default)', '');
    start.append(new Option('none (from scratch)', SCRATCH));
    if (previous === SCRATCH) start.value = SCRATCH;
  }

  setRunning(running) {
    const ready = !running && this.state.viewer?.loaded && this.state.session;
    for (const id of ['run-preview', 'run-train', 'run-checkpoint']) $(id).disabled = !ready;
    $('job-cancel').disabled = !running;
  }

  async run(params) {
    clearError();
    const { viewer, session } = this.state;
    if (!session || !viewer.loaded) return;
    if (viewer.isEmpty('labels')) {
      showError('paint annotations first: complete masks on at least two slices across the propagation axis');
      return;
    }
    this.setRunning(true);
    this.showProgress({ state: 'uploading', progress: 0 });
    try {
      await this.hooks.ensureUploaded();
      const body = { ...params, axis: this.state.axis, inference: { fusion: $('fusion-select').value } };
      const submitted = await this.api.submitJob(session.id, body);
      this.job = submitted;
      const job = await watchJob(this.api, submitted.id, (update) => this.showProgress(update));
      if (job.state === 'succeeded') await this.loadResults();
      else if (job.state === 'failed') showError(`${params.type} job failed: ${job.message || 'no message'}`);
    } catch (err) {
      this.showProgress({ type: params.type, state: 'failed', progress: 0 });
      showError(err);
    } finally {
      this.job = null;
      this.setRunning(false);
      this.refreshCheckpoints().catch(() => {});
    }
  }

  /** The refinement budget the user set (seconds), or nothing for the automatic one. */
  refinement() {
    const seconds = optionalNumber('refine-input');
    return seconds === undefined ? {} : { refinement: { seconds } };
  }

  showProgress(job) {
    $('job-panel').hidden = false;
    const fraction = Math.max(0, Math.min(1, Number(job.progress) || 0));
    $('job-progress').value = fraction;
    $('job-percent').textContent = `${Math.round(fraction * 100)} %`;
    const parts = [`${job.type || 'job'} ${job.state}`];
    if (job.state === 'queued' && job.queuePosition !== null && job.queuePosition !== undefined) {
      parts.push(`position ${job.queuePosition} in queue`);
    }
    if (job.message && job.message !== job.state) parts.push(job.message);
    const eta = job.state === 'running' ? formatEta(job.eta) : '';
    if (eta) parts.push(`about ${eta} left`);
    $('job-text').textContent = parts.join(' · ');
    $('job-panel').dataset.state = job.state;
  }

  async cancel() {
    if (!this.job) return;
    try {
      await this.api.cancelJob(this.job.id);
    } catch (err) {
      showError(err);
    }
  }

  /** After a job: the session, its fused result and suggestions, downloaded together, then shown. */
  async loadResults() {
    const { api, session } = this.state;
    const fresh = await api.session(session.id);
    const [fused, suggestions] = await Promise.all([api.result(session.id, 'fused'),
      fresh.results.includes('suggestions') ? api.suggestions(session.id) : null]);
    this.state.session = fresh;
    await this.state.viewer.batch(() => this.showResults(fresh, fused, suggestions));
  }

  /** Shows a fused result (NIfTI bytes) as the editable result layer, with the overlays and suggestions it has. */
  async showResults(session, fused, suggestions) {
    const { viewer } = this.state;
    await viewer.importLayer('result', fused);
    // only the result maps this job produced can be shown (interpolation has no up/down/uncertainty)
    for (const which of OVERLAYS) {
      const box = $(`show-${which}`);
      box.disabled = !session.results.includes(which);
      box.parentElement.title = box.disabled ? 'not produced by the last job' : '';
      if (box.disabled && box.checked) {
        box.checked = false;
        await viewer.setOverlay(which, null);
      }
    }
    $('download-result').disabled = false;
    this.hooks.onResult();
    for (const which of OVERLAYS) {
      if ($(`show-${which}`).checked) await this.toggle(which, $(`show-${which}`));
    }
    this.report = suggestions;
    this.current = -1;
    this.renderSuggestions();
    document.body.dataset.resultShown = String(Date.now()); // tests wait for this
  }

  async toggle(which, checkbox) {
    const { api, viewer, session } = this.state;
    try {
      await viewer.setOverlay(which, checkbox.checked ? await api.result(session.id, which) : null);
    } catch (err) {
      checkbox.checked = false;
      showError(err);
    }
  }

  /** The suggested slices, each with why in words: which labels the two directions disagree on, and how much. */
  renderSuggestions() {
    const report = this.report;
    const list = $('suggestions');
    if (!report) {
      list.replaceChildren();
      $('suggest-method').textContent = '';
      return;
    }
    $('suggest-method').textContent = report.method === 'uncertainty'
      ? 'where the two propagation directions disagree most'
      : 'middle of the largest gaps between annotated slices (this method does not look at the image)';
    list.replaceChildren(...report.slices.map((s, index) => {
      const li = document.createElement('li');
      if (index === this.current) li.setAttribute('aria-current', 'step');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = `Slice ${s.slice}`;
      button.setAttribute('aria-label', `Go to suggested slice ${s.slice}`);
      button.addEventListener('click', () => this.goToSuggestion(index));
      const why = document.createElement('span');
      why.className = 'why';
      why.textContent = explain(s, (value) => this.state.labels.label(value).name);
      li.append(button, why);
      return li;
    }));
  }

  /** Goes to the next (+1) or previous (-1) suggested slice. */
  stepSuggestion(direction) {
    const n = this.report?.slices.length ?? 0;
    if (n === 0) return;
    this.goToSuggestion(this.current < 0 ? (direction > 0 ? 0 : n - 1) : (this.current + direction + n) % n);
  }

  goToSuggestion(index) {
    this.current = index;
    this.state.view.goToSlice(this.report.slices[index].slice);
    for (const [i, li] of [...$('suggestions').children].entries()) {
      if (i === index) li.setAttribute('aria-current', 'step');
      else li.removeAttribute('aria-current');
    }
  }

  /** Downloads the result layer as NIfTI with its label descriptions beside it (ITK-SNAP file, same stem). */
  async download() {
    const { api, viewer, session, labels } = this.state;
    try {
      const bytes = await viewer.exportLayer('result', true);
      await labels.flush();
      const text = await api.labelFile(session.id);
      const stem = `labelprop-${session.id}-result`;
      save(new Blob([bytes], { type: 'application/gzip' }), `${stem}.nii.gz`);
      save(new Blob([text], { type: 'text/plain' }), `${stem}.labels.txt`);
    } catch (err) {
      showError(err);
    }
  }
}

function save(blob, name) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function fillSelect(select, names, emptyText, emptyValue) {
  const options = names.map((name) => new Option(name, name));
  if (emptyValue !== undefined || names.length === 0) options.unshift(new Option(emptyText, emptyValue ?? ''));
  const previous = select.value;
  select.replaceChildren(...options);
  if (names.includes(previous)) select.value = previous;
}
