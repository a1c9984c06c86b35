// SPDX-License-Identifier: Apache-2.0
/** The choice among the series of a DICOM folder: a modal list; resolves to the chosen series, or null on Cancel. */
import { $ } from './ui.js';
import { describeSeries } from './dicom.js';

export function chooseSeries(series) {
  const dialog = $('series-dialog');
  const select = $('series-select');
  select.replaceChildren(...series.map((s, n) => {
    const option = document.createElement('option');
    option.value = String(n);
    option.textContent = `${n + 1}: ${describeSeries(s)}`;
    return option;
  }));
  select.value = '0';
  $('series-count').textContent = `The folder holds ${series.length} series; open which one?`;
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'open' ? series[Number(select.value)] : null), { once: true });
    dialog.returnValue = '';
    dialog.showModal();
  });
}
