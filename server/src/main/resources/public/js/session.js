// SPDX-License-Identifier: Apache-2.0
/** Reads the fields of a session summary (GET /api/sessions/{id}) that the page displays. */

export function sessionImage(session) {
  return session?.image && typeof session.image === 'object' ? session.image : session || {};
}

export function sessionShape(session) {
  const image = sessionImage(session);
  const shape = image.shape ?? session?.shape;
  if (Array.isArray(shape)) return shape;
  if (shape && typeof shape === 'object') return [shape.nx, shape.ny, shape.nz];
  return null;
}

export function sessionSpacing(session) {
  const image = sessionImage(session);
  const spacing = image.spacing ?? session?.spacing;
  if (Array.isArray(spacing)) return spacing;
  if (spacing && typeof spacing === 'object') return [spacing.xMm, spacing.yMm, spacing.zMm];
  return null;
}

export function sessionAxisCodes(session) {
  const image = sessionImage(session);
  return image.axisCodes ?? image.axes ?? image.orientation ?? session?.axisCodes ?? session?.orientation ?? null;
}

/** One line for the sidebar: shape, spacing, orientation and annotated labels. */
export function describeSession(session, grid) {
  const shape = sessionShape(session) || grid.dims;
  const spacing = sessionSpacing(session);
  const codes = sessionAxisCodes(session);
  const parts = [`Session ${session.id}`, `${shape.join(' × ')} voxels`];
  if (spacing) parts.push(`${spacing.map((s) => Number(s).toFixed(2)).join(' × ')} mm`);
  if (codes) parts.push(`orientation ${codes}`);
  const labels = session.labels ?? session.labelsPresent;
  if (Array.isArray(labels) && labels.length) parts.push(`labels ${labels.join(', ')}`);
  return parts.join(' · ');
}
