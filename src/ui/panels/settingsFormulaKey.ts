// Settings panel section: the spreadsheet's key for formulas (custom functions cannot use the user's authorization).
// Says plainly that every editor's formulas use it and recommends a read-only key.

import type { SettingsView } from '../../gas/settingsApi';
import { h } from '../dom';
import { call } from '../rpc';
import { refresh } from '../sidebar';
import { run, setFlash } from './settingsCommon';

export function formulaKeySection(settings: SettingsView, line: HTMLElement): HTMLElement {
  const input = h('input', { id: 'settings-formula-key', type: 'password', autocomplete: 'off', spellcheck: 'false', placeholder: 'Paste a read-only API key' });
  const save = h('button', { id: 'settings-formula-save', type: 'button', class: 'secondary' }, ['Save formula key']);
  const children: Array<Node | string> = [
    h('h2', {}, ['Key for formulas']),
    h('p', { class: 'muted', id: 'settings-formula-note' }, [
      'ChartMogul formulas cannot use your own key. They use one key stored in this spreadsheet: ',
      h('strong', {}, ["all editors' formulas use it"]),
      '. We recommend a read-only API key.',
    ]),
    h('p', { id: 'settings-formula-hint' }, [settings.formulaApiKeyHint ? 'Formula key: ' + settings.formulaApiKeyHint : 'No formula key saved.']),
    h('label', { for: 'settings-formula-key' }, [settings.formulaApiKeyHint ? 'Replace the formula key' : 'Read-only API key for formulas']),
    input,
  ];
  const buttons: Array<HTMLButtonElement | HTMLInputElement> = [save, input];
  const actions = h('div', { class: 'actions' }, [save]);
  const go = () =>
    void run(line, buttons, 'Checking the formula key…', async () => {
      const value = input.value.trim();
      if (!value) throw new Error('Paste an API key for formulas first.');
      const s = await call('saveSettings', { formulaApiKey: value });
      input.value = '';
      setFlash('ok', 'Formula key saved (' + (s.formulaApiKeyHint || '') + ').', 'settings-formula');
      await refresh('settings');
    });
  save.addEventListener('click', go);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') go();
  });
  if (settings.formulaApiKeyHint) {
    const remove = h('button', { id: 'settings-formula-remove', type: 'button', class: 'secondary' }, ['Remove key']);
    buttons.push(remove);
    remove.addEventListener('click', () => {
      void run(line, [remove, save, input], 'Removing the formula key…', async () => {
        await call('saveSettings', { formulaApiKey: '' });
        setFlash('ok', 'Formula key removed: formulas in this spreadsheet stop working until a new one is saved.', 'settings-formula');
        await refresh('settings');
      });
    });
    actions.appendChild(remove);
  }
  children.push(actions);
  return h('div', { class: 'settings-section', id: 'settings-formula' }, children);
}
