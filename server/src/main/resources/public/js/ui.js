// SPDX-License-Identifier: Apache-2.0
/** Small DOM helpers shared by the page modules: element lookup, error banner, server status. */

export function $(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`page element #${id} is missing`);
  return element;
}

/** Shows an error (Error, ApiError or text) in the banner; the page stays usable. */
export function showError(err) {
  const text = typeof err === 'string' ? err : err?.message || String(err);
  console.error(err);
  $('error-text').textContent = text;
  $('error').hidden = false;
}

export function clearError() {
  $('error').hidden = true;
  $('error-text').textContent = '';
}

export function setStatus(text, ok) {
  const status = $('server-status');
  status.textContent = text;
  status.classList.toggle('ok', ok);
  status.classList.toggle('bad', !ok);
}

// module scripts run after the document is parsed, so the banner exists here
$('error-close').addEventListener('click', clearError);
