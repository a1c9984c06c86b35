// SPDX-License-Identifier: Apache-2.0
/**
 * The API's answers as the page reads them: one reader per schema of /openapi.yaml, each taking exactly the documented
 * field names and returning a frozen object. A required field that is missing or of the wrong type throws an
 * ApiShapeError naming the request, the field and what was expected, so a server/page mismatch is seen at once
 * instead of showing nothing.
 */

/** The server's answer does not have the shape the page expects (names the request and the field). */
export class ApiShapeError extends Error {}

const check = (test, expected) => Object.assign(test, { expected });
const string = check((v) => typeof v === 'string', 'a string');
const number = check((v) => typeof v === 'number' && Number.isFinite(v), 'a number');
const integer = check((v) => Number.isInteger(v), 'an integer');
const boolean = check((v) => typeof v === 'boolean', 'true or false');
const object = check((v) => v !== null && typeof v === 'object' && !Array.isArray(v), 'an object');
const nullable = (c) => check((v) => v === null || c(v), `${c.expected} or null`);
const arrayOf = (c) => check((v) => Array.isArray(v) && v.every((x) => c(x)), `a list of ${c.expected.replace(/^an? /, '')}s`);
const tripleOf = (c) => check((v) => Array.isArray(v) && v.length === 3 && v.every((x) => c(x)), `3 × ${c.expected}`);

/** The value of a required field, checked. */
function field(o, name, c, where) {
  if (!(name in o) || o[name] === undefined) throw new ApiShapeError(`${where}: field "${name}" is missing`);
  const v = o[name];
  if (!c(v)) throw new ApiShapeError(`${where}: field "${name}" is ${JSON.stringify(v)}, expected ${c.expected}`);
  return v;
}

/** The value of an optional field (documented as sometimes absent), checked when present. */
function optional(o, name, c, where, absent) {
  return name in o && o[name] !== undefined && o[name] !== null ? field(o, name, c, where) : absent;
}

function root(json, where) {
  if (!object(json)) throw new ApiShapeError(`${where}: expected a JSON object, got ${JSON.stringify(json)?.slice(0, 80)}`);
  return json;
}

/** GET /api/health → {version, jobTypes}. */
export function readHealth(json, where = 'GET /api/health') {
  const o = root(json, where);
  return Object.freeze({ version: field(o, 'version', string, where), jobTypes: field(o, 'jobTypes', arrayOf(string), where) });
}

/** GET /api/label-conventions → {palette: [[r, g, b]], backgroundHint, coverage: {key: text}}. */
export function readConventions(json, where = 'GET /api/label-conventions') {
  const o = root(json, where);
  const palette = field(o, 'palette', arrayOf(tripleOf(integer)), where);
  if (palette.length === 0) throw new ApiShapeError(`${where}: field "palette" is empty`);
  const coverage = field(o, 'coverage', object, where);
  for (const key of ['range', 'single-slice', 'hint-only']) field(coverage, key, string, `${where} coverage`);
  return Object.freeze({ palette, backgroundHint: field(o, 'backgroundHint', integer, where), coverage: Object.freeze({ ...coverage }) });
}

/** One LabelDescription → {value, name, colour: [r, g, b], opacity, visible}. */
export function readLabelDescription(json, where) {
  const o = root(json, where);
  return Object.freeze({
    value: field(o, 'value', integer, where),
    name: field(o, 'name', string, where),
    colour: field(o, 'colour', tripleOf(integer), where),
    opacity: field(o, 'opacity', number, where),
    visible: field(o, 'visible', boolean, where),
  });
}

/** GET/POST .../label-descriptions → [LabelDescription]. */
export function readLabelDescriptions(json, where) {
  const o = root(json, where);
  return field(o, 'labels', arrayOf(object), where).map((d, i) => readLabelDescription(d, `${where} labels[${i}]`));
}

/** A session (GET /api/sessions/{id}, and each entry of the list). */
export function readSession(json, where) {
  const o = root(json, where);
  const id = field(o, 'id', string, where);
  const at = `${where} (session ${id})`;
  return Object.freeze({
    id,
    name: field(o, 'name', nullable(string), at),
    createdAt: field(o, 'createdAt', string, at),
    shape: field(o, 'shape', nullable(tripleOf(integer)), at),
    spacingMm: field(o, 'spacingMm', nullable(tripleOf(number)), at),
    axisCodes: field(o, 'axisCodes', nullable(string), at),
    labels: field(o, 'labels', arrayOf(integer), at),
    hasImage: field(o, 'image', nullable(object), at) !== null,
    hasAnnotations: field(o, 'annotations', nullable(object), at) !== null,
    hasHints: field(o, 'hints', nullable(object), at) !== null,
    results: field(o, 'results', arrayOf(string), at),
    staleResults: field(o, 'staleResults', arrayOf(string), at),
    labelDescriptions: field(o, 'labelDescriptions', arrayOf(object), at)
      .map((d, i) => readLabelDescription(d, `${at} labelDescriptions[${i}]`)),
  });
}

/** GET /api/sessions → [Session]. */
export function readSessions(json, where = 'GET /api/sessions') {
  if (!Array.isArray(json)) throw new ApiShapeError(`${where}: expected a list of sessions, got ${JSON.stringify(json)?.slice(0, 80)}`);
  return json.map((s, i) => readSession(s, `${where} [${i}]`));
}

/** A job (GET /api/jobs/{id}, POST .../jobs, and each server-sent event). */
export function readJob(json, where) {
  const o = root(json, where);
  return Object.freeze({
    id: field(o, 'id', string, where),
    type: field(o, 'type', string, where),
    state: field(o, 'state', check((v) => ['queued', 'running', 'succeeded', 'failed', 'cancelled'].includes(v),
      'queued, running, succeeded, failed or cancelled'), where),
    progress: field(o, 'progress', number, where),
    queuePosition: field(o, 'queuePosition', nullable(integer), where),
    message: field(o, 'message', nullable(string), where) ?? '',
    eta: optional(o, 'eta', number, where, null), // documented as present only when known
  });
}

/** GET .../suggestions → {axis, method, labels: {value: coverage key}, slices: [{slice, score, reason, disagreements}]}. */
export function readSuggestions(json, where) {
  const o = root(json, where);
  const labels = field(o, 'labels', object, where);
  const coverage = check((v) => ['range', 'single-slice', 'hint-only'].includes(v), 'range, single-slice or hint-only');
  for (const key of Object.keys(labels)) field(labels, key, coverage, `${where} labels`);
  const slices = field(o, 'slices', arrayOf(object), where).map((s, i) => {
    const at = `${where} slices[${i}]`;
    return Object.freeze({
      slice: field(s, 'slice', integer, at),
      score: field(s, 'score', number, at),
      reason: field(s, 'reason', string, at),
      disagreements: field(s, 'disagreements', arrayOf(object), at).map((d, j) => {
        const w = `${at} disagreements[${j}]`;
        return Object.freeze({
          label: field(d, 'label', integer, w),
          areaMm2: field(d, 'areaMm2', number, w),
          labelAreaMm2: field(d, 'labelAreaMm2', number, w),
          percent: field(d, 'percent', number, w),
        });
      }),
    });
  });
  return Object.freeze({
    axis: field(o, 'axis', integer, where),
    method: field(o, 'method', check((v) => v === 'uncertainty' || v === 'largest-gap', 'uncertainty or largest-gap'), where),
    labels: Object.freeze(Object.fromEntries(Object.entries(labels).map(([k, v]) => [Number(k), v]))),
    slices,
  });
}

/** GET /api/checkpoints → [{name, bytes, modifiedAt}]. */
export function readCheckpoints(json, where = 'GET /api/checkpoints') {
  if (!Array.isArray(json)) throw new ApiShapeError(`${where}: expected a list of checkpoints, got ${JSON.stringify(json)?.slice(0, 80)}`);
  return json.map((c, i) => {
    const at = `${where} [${i}]`;
    const o = root(c, at);
    return Object.freeze({ name: field(o, 'name', string, at), bytes: field(o, 'bytes', integer, at), modifiedAt: field(o, 'modifiedAt', string, at) });
  });
}
