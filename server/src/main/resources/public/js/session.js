// SPDX-License-Identifier: Apache-2.0
/** Texts about a session (as read by api-types.js readSession) for the sidebar and the session list. */

/** "0123456789abcdef (94×82×68)", or the id alone before an image is uploaded. */
export function sessionOption(session) {
  return session.id + (session.shape ? ` (${session.shape.join('×')})` : '');
}

/** One line for the sidebar: shape, voxel spacing, orientation and annotated labels. */
export function describeSession(session, grid) {
  const shape = session.shape || grid.dims;
  const parts = [`Session ${session.id}`, `${shape.join(' × ')} voxels`];
  if (session.spacingMm) parts.push(`spacing ${session.spacingMm.map((s) => formatMm(s)).join(' × ')} mm`);
  if (session.axisCodes) parts.push(`orientation ${session.axisCodes}`);
  if (session.labels.length) parts.push(`labels ${session.labels.join(', ')}`);
  return parts.join(' · ');
}

/** A length in mm with as many decimals as it needs (at most 3): 1 → "1", 0.9375 → "0.938", 2.5 → "2.5". */
export function formatMm(value) {
  return String(Number(value.toFixed(3)));
}
