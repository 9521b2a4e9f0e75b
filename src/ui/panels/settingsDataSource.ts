// Settings panel section: the spreadsheet's data source — a dropdown filled from listDataSources (choosing saves
// at once) and "Create data source" by name. Only custom sources can be chosen; the others are listed, disabled.

import type { DataSourceOption, SettingsView } from '../../gas/settingsApi';
import { h, showMessage } from '../dom';
import { call } from '../rpc';
import { refresh } from '../sidebar';
import { placeLine, run, setFlash } from './settingsCommon';

function optionLabel(ds: DataSourceOption): string {
  return ds.custom ? ds.name : `${ds.name} (${ds.system || 'built-in'}: not for imports)`;
}

function fill(select: HTMLSelectElement, list: DataSourceOption[], current: SettingsView['dataSource']): void {
  while (select.firstChild) select.removeChild(select.firstChild);
  select.appendChild(h('option', { value: '' }, [list.length ? 'Choose a data source…' : 'No data sources yet: create one below']));
  for (const ds of list) {
    const option = h('option', { value: ds.uuid }, [optionLabel(ds)]);
    if (!ds.custom) option.disabled = true;
    select.appendChild(option);
  }
  select.value = current && list.some((d) => d.uuid === current.uuid) ? current.uuid : '';
  select.removeAttribute('data-loading');
  select.disabled = false;
}

export function dataSourceSection(settings: SettingsView, line: HTMLElement): HTMLElement {
  const current = h('p', { id: 'settings-ds-current' }, [
    settings.dataSource ? 'Imports go to: ' + settings.dataSource.name : 'No data source chosen for this spreadsheet yet.',
  ]);
  const select = h('select', { id: 'settings-ds-select' }, [h('option', { value: '' }, ['Loading data sources…'])]);
  select.disabled = true;
  select.setAttribute('data-loading', 'true');
  const nameInput = h('input', { id: 'settings-ds-name', type: 'text', placeholder: 'e.g. Google Sheets', maxlength: '255', autocomplete: 'off' });
  const create = h('button', { id: 'settings-ds-create', type: 'button', class: 'secondary' }, ['Create data source']);

  call('listDataSources')
    .then((list) => fill(select, list, settings.dataSource))
    .catch((e: Error) => {
      select.replaceChildren(h('option', { value: '' }, ['Could not load data sources']));
      placeLine(line, section);
      showMessage(line, 'error', e.message);
    });

  select.addEventListener('change', () => {
    const uuid = select.value;
    if (!uuid) return;
    void run(line, [select, create, nameInput], 'Saving the data source…', async () => {
      const s = await call('saveSettings', { dataSourceUuid: uuid });
      setFlash('ok', 'Imports will go to ' + (s.dataSource ? s.dataSource.name : 'the chosen data source') + '.', 'settings-ds');
      await refresh('settings');
    });
  });
  const go = () =>
    void run(line, [create, nameInput, select], 'Creating the data source…', async () => {
      if (!nameInput.value.trim()) throw new Error('Type a name for the new data source first.');
      const ds = await call('createDataSource', nameInput.value);
      setFlash('ok', `Created "${ds.name}" and chose it for this spreadsheet.`, 'settings-ds');
      await refresh('settings');
    });
  create.addEventListener('click', go);
  nameInput.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') go();
  });

  const section = h('div', { class: 'settings-section', id: 'settings-ds' }, [
    h('h2', {}, ['Data source']),
    current,
    h('label', { for: 'settings-ds-select' }, ['Import into']),
    select,
    h('label', { for: 'settings-ds-name' }, ['Or create a new custom data source']),
    nameInput,
    create,
  ]);
  return section;
}
