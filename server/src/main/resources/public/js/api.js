// SPDX-License-Identifier: Apache-2.0
/**
 * REST client for the LabelProp server: every call sends the Bearer token when one is set, turns a non-2xx answer into
 * an ApiError carrying the server's {"error": "..."} text, and returns the answer read by api-types.js (typed, frozen
 * objects; an ApiShapeError naming the field when the answer lacks one).
 */
import {
  readCheckpoints, readConventions, readHealth, readJob, readLabelDescriptions, readSession, readSessions, readSuggestions,
} from './api-types.js';

/** An HTTP failure with the server's message and status code. */
export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

const SETTINGS_KEY = 'labelprop.settings';

/** Reads {baseUrl, token} from localStorage; baseUrl '' means the server that served this page. */
export function loadSettings() {
  try {
    const stored = JSON.parse(localStorage.getItem(SETTINGS_KEY) || '{}');
    return { baseUrl: stored.baseUrl || '', token: stored.token || '' };
  } catch {
    return { baseUrl: '', token: '' };
  }
}

export function saveSettings(settings) {
  localStorage.setItem(SETTINGS_KEY, JSON.stringify({
    baseUrl: (settings.baseUrl || '').trim().replace(/\/+$/, ''),
    token: (settings.token || '').trim(),
  }));
}

export class Api {
  constructor(settings) {
    this.baseUrl = settings.baseUrl || '';
    this.token = settings.token || '';
  }

  url(path) {
    return this.baseUrl + path;
  }

  headers(extra = {}) {
    const headers = { ...extra };
    if (this.token) headers.Authorization = 'Bearer ' + this.token;
    return headers;
  }

  /** Sends one request; returns the Response when it is 2xx, throws ApiError otherwise. */
  async send(method, path, { body, json, headers, signal } = {}) {
    const init = { method, headers: this.headers(headers), signal };
    if (json !== undefined) {
      init.body = JSON.stringify(json);
      init.headers['Content-Type'] = 'application/json';
    } else if (body !== undefined) {
      init.body = body;
    }
    let response;
    try {
      response = await fetch(this.url(path), init);
    } catch (err) {
      if (err.name === 'AbortError') throw err;
      throw new ApiError(`cannot reach the server at ${this.baseUrl || location.origin}: ${err.message}`, 0);
    }
    if (!response.ok) throw new ApiError(await errorText(method, path, response), response.status);
    return response;
  }

  async json(method, path, options) {
    const response = await this.send(method, path, options);
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      throw new ApiError(`${method} ${path}: the answer is not JSON: ${text.slice(0, 80)}`, response.status);
    }
  }

  async bytes(path) {
    const response = await this.send('GET', path);
    return response.arrayBuffer();
  }

  health() { return this.json('GET', '/api/health').then((j) => readHealth(j)); }
  labelConventions() { return this.json('GET', '/api/label-conventions').then((j) => readConventions(j)); }
  createSession() { return this.json('POST', '/api/sessions', { json: {} }).then((j) => readSession(j, 'POST /api/sessions')); }
  listSessions() { return this.json('GET', '/api/sessions').then((j) => readSessions(j)); }

  session(id) {
    const path = `/api/sessions/${enc(id)}`;
    return this.json('GET', path).then((j) => readSession(j, `GET ${path}`));
  }

  deleteSession(id) { return this.send('DELETE', `/api/sessions/${enc(id)}`); }

  /** Uploads a raw NIfTI (.nii or .nii.gz) as the session's image, labels or hints. */
  async putVolume(id, kind, bytes) {
    const gz = bytes.byteLength > 1 && new Uint8Array(bytes.buffer ?? bytes, bytes.byteOffset ?? 0, 2)[0] === 0x1f;
    await this.send('PUT', `/api/sessions/${enc(id)}/${kind}`, {
      body: bytes,
      headers: { 'Content-Type': gz ? 'application/gzip' : 'application/octet-stream' },
    });
  }

  /** The stored volume, or null when the session has none (404). */
  async volume(id, kind) {
    try {
      return await this.bytes(`/api/sessions/${enc(id)}/${kind}`);
    } catch (err) {
      if (err.status === 404) return null;
      throw err;
    }
  }

  result(id, which) { return this.bytes(`/api/sessions/${enc(id)}/results/${which}`); }

  suggestions(id) {
    const path = `/api/sessions/${enc(id)}/suggestions`;
    return this.json('GET', path).then((j) => readSuggestions(j, `GET ${path}`));
  }

  /** The session's label descriptions (completed for every value present). */
  labelDescriptions(id) {
    const path = `/api/sessions/${enc(id)}/label-descriptions`;
    return this.json('GET', path).then((j) => readLabelDescriptions(j, `GET ${path}`));
  }

  /** Replaces the session's label descriptions with [{value, name, colour}]; answers the stored ones. */
  saveLabelDescriptions(id, labels) {
    const path = `/api/sessions/${enc(id)}/label-descriptions`;
    const json = { labels: labels.map(({ value, name, colour }) => ({ value, name, colour })) };
    return this.json('POST', path, { json }).then((j) => readLabelDescriptions(j, `POST ${path}`));
  }

  /** Replaces the session's label descriptions with an ITK-SNAP label description file (its text). */
  importLabelFile(id, text) {
    const path = `/api/sessions/${enc(id)}/label-descriptions.txt`;
    return this.json('PUT', path, { body: text, headers: { 'Content-Type': 'application/octet-stream' } })
      .then((j) => readLabelDescriptions(j, `PUT ${path}`));
  }

  /** The session's label descriptions as an ITK-SNAP label description file (text). */
  async labelFile(id) {
    return (await this.send('GET', `/api/sessions/${enc(id)}/label-descriptions.txt`)).text();
  }

  submitJob(id, params) {
    const path = `/api/sessions/${enc(id)}/jobs`;
    return this.json('POST', path, { json: params }).then((j) => readJob(j, `POST ${path}`));
  }

  job(jobId) {
    const path = `/api/jobs/${enc(jobId)}`;
    return this.json('GET', path).then((j) => readJob(j, `GET ${path}`));
  }

  cancelJob(jobId) { return this.send('DELETE', `/api/jobs/${enc(jobId)}`); }
  checkpoints() { return this.json('GET', '/api/checkpoints').then((j) => readCheckpoints(j)); }
}

function enc(value) {
  return encodeURIComponent(value);
}

async function errorText(method, path, response) {
  let detail = '';
  try {
    const text = await response.text();
    try {
      detail = JSON.parse(text).error || text;
    } catch {
      detail = text;
    }
  } catch {
    // the body could not be read; the status line still says what happened
  }
  const status = `${response.status} ${response.statusText}`.trim();
  return `${method} ${path} failed (${status})${detail ? ': ' + detail : ''}`;
}
