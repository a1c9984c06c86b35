// SPDX-License-Identifier: Apache-2.0
/** Why a slice is suggested, in words, from the server's suggestion (GET .../suggestions, read by api-types.js). */

/**
 * Why a slice is suggested, with the labels' current names: "the two directions disagree on Caudate L: 42 mm² (35 % of
 * its area here); Putamen R: 20 mm² (12 %)"; the server's reason when it names no label.
 */
export function explain(suggestion, nameOf) {
  const d = suggestion.disagreements;
  if (d.length === 0) return suggestion.reason;
  const shown = d.slice(0, 3).map((x, i) => `${nameOf(x.label)}: ${formatArea(x.areaMm2)} mm² (${Math.round(x.percent)} %${i === 0 ? ' of its area here' : ''})`);
  const more = d.length > 3 ? `, and ${d.length - 3} more label${d.length - 3 > 1 ? 's' : ''}` : '';
  return `the two directions disagree on ${shown.join('; ')}${more}`;
}

function formatArea(mm2) {
  return mm2 >= 10 ? String(Math.round(mm2)) : String(Number(mm2.toPrecision(2)));
}
