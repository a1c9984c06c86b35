// SPDX-License-Identifier: Apache-2.0
/**
 * Follows a server job until it ends, calling onUpdate with each job object; never blocks the page.
 * Uses the Server-Sent Events stream GET /api/jobs/{id}/events read through fetch (so the Bearer
 * header is sent, which EventSource cannot do) and falls back to polling GET /api/jobs/{id}.
 */

import { readJob } from './api-types.js';

export const FINAL_STATES = new Set(['succeeded', 'failed', 'cancelled']);

const POLL_MS = 600;

/** Resolves with the last job object once its state is final. */
export async function watchJob(api, jobId, onUpdate) {
  let last = null;
  const update = (job) => {
    last = job;
    onUpdate(job);
  };
  try {
    await streamEvents(api, jobId, update);
  } catch (err) {
    // the stream is optional: a proxy may buffer or drop it; polling below still finishes the job
    console.warn('job events stream unavailable, polling instead:', err.message);
  }
  while (!last || !FINAL_STATES.has(last.state)) {
    if (last) await sleep(POLL_MS);
    update(await api.job(jobId));
  }
  return last;
}

async function streamEvents(api, jobId, update) {
  const response = await api.send('GET', `/api/jobs/${encodeURIComponent(jobId)}/events`, {
    headers: { Accept: 'text/event-stream' },
  });
  if (!response.body) throw new Error('no response body');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const job = parseEvent(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
      if (!job) continue;
      update(job);
      if (FINAL_STATES.has(job.state)) {
        reader.cancel().catch(() => {});
        return;
      }
    }
  }
}

/** The job of one SSE event block (read as GET /api/jobs/{id} is), or null for comments and keep-alives. */
function parseEvent(block) {
  const data = block.split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).replace(/^ /, ''))
    .join('\n');
  return data ? readJob(JSON.parse(data), 'job event') : null;
}

/** Remaining time as "1 min 05 s"; eta may be seconds remaining or an ISO instant. */
export function formatEta(eta) {
  if (eta === null || eta === undefined || eta === '') return '';
  let seconds = typeof eta === 'number' ? eta : (Date.parse(eta) - Date.now()) / 1000;
  if (!Number.isFinite(seconds)) return '';
  seconds = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(seconds / 60);
  const rest = String(seconds % 60).padStart(minutes ? 2 : 1, '0');
  return minutes ? `${minutes} min ${rest} s` : `${rest} s`;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
