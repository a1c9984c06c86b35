// SPDX-License-Identifier: Apache-2.0
/**
 * REST client for the LabelProp server: every call sends the Bearer token when one is set and turns
 * a non-2xx answer into an ApiError carrying the server's {"error": "..."} text.
 */

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
    return text ? JSON.parse(text) : {};
  }

  async bytes(path) {
    const response = await this.send('GET', path);
    return response.arrayBuffer();
  }

  health() { return this.json('GET', '/api/health'); }
  createSession() { return this.json('POST', '/api/sessions', { json: {} }); }
  listSessions() { return this.json('GET', '/api/sessions'); }
  session(id) { return this.json('GET', `/api/sessions/${enc(id)}`); }
  deleteSession(id) { return this.send('DELETE', `/api/sessions/${enc(id)}`); }

  /** Uploads a raw NIfTI (.nii or .nii.gz) as the session's image, labels or hints. */
  putVolume(id, kind, bytes) {
    const gz = bytes.byteLength > 1 && new Uint8Array(bytes.buffer ?? bytes, bytes.byteOffset ?? 0, 2)[0] === 0x1f;
    return this.json('PUT', `/api/sessions/${enc(id)}/${kind}`, {
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
  suggestions(id) { return this.json('GET', `/api/sessions/${enc(id)}/suggestions`); }
  submitJob(id, params) { return this.json('POST', `/api/sessions/${enc(id)}/jobs`, { json: params }); }
  job(jobId) { return this.json('GET', `/api/jobs/${enc(jobId)}`); }
  cancelJob(jobId) { return this.send('DELETE', `/api/jobs/${enc(jobId)}`); }
  checkpoints() { return this.json('GET', '/api/checkpoints'); }
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
