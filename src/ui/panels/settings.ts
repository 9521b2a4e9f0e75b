// Settings panel: API key (password field, only ever shown masked), account details, test/disconnect, time zone
// warning, then the data source and formula key sections. API strings go through textContent only.

import type { SettingsView } from '../../gas/settingsApi';
import { h } from '../dom';
import { call } from '../rpc';
import { refresh } from '../sidebar';
import { dataSourceSection } from './settingsDataSource';
import { formulaKeySection } from './settingsFormulaKey';
import { run, setFlash, showFlash } from './settingsCommon';

function keyForm(settings: SettingsView, line: HTMLElement): HTMLElement[] {
  const input = h('input', {
    id: 'settings-api-key', type: 'password', autocomplete: 'off', spellcheck: 'false', placeholder: 'Paste a read & write API key',
    'aria-describedby': 'settings-api-key-help',
  });
  const connect = h('button', { id: 'settings-connect', type: 'button', class: settings.connected ? 'secondary' : 'primary' }, [settings.connected ? 'Replace key' : 'Connect']);
  const go = () =>
    run(line, [connect, input], 'Checking the key with ChartMogul…', async () => {
      const value = input.value.trim();
      if (!value) throw new Error('Paste your ChartMogul API key first.');
      const s = await call('saveSettings', { apiKey: value });
      input.value = '';
      setFlash('ok', 'Connected to ' + (s.account ? s.account.name : 'ChartMogul') + '.', 'settings-connection');
      await refresh('settings');
    });
  connect.addEventListener('click', () => void go());
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') void go();
  });
  return [
    h('label', { for: 'settings-api-key' }, [settings.connected ? 'Use another API key' : 'ChartMogul API key (read & write)']),
    input,
    h('p', { class: 'help', id: 'settings-api-key-help' }, ['Find it in ChartMogul under Settings › API keys. It is stored for you only and never shown again.']),
    connect,
  ];
}

function accountBlock(settings: SettingsView, line: HTMLElement): HTMLElement {
  const a = settings.account;
  const rows: Array<[string, string]> = a
    ? [['Account', a.name], ['Currency', a.currency], ['Time zone', a.timeZone], ['API key', settings.apiKeyHint || '']]
    : [['API key', settings.apiKeyHint || ''], ['Account', 'Not checked yet: press Test connection']];
  const dl = h('dl', { id: 'settings-account', class: 'kv' }, rows.flatMap(([k, v]) => [h('dt', {}, [k]), h('dd', {}, [v])]));
  const test = h('button', { id: 'settings-test', type: 'button', class: 'secondary' }, ['Test connection']);
  const disconnect = h('button', { id: 'settings-disconnect', type: 'button', class: 'secondary' }, ['Disconnect']);
  const confirm = h('div', { id: 'settings-disconnect-confirm', class: 'confirm' }, [
    h('p', {}, ['Disconnect? Your key is removed; this spreadsheet keeps its data source and formula key.']),
  ]);
  confirm.hidden = true;
  const yes = h('button', { id: 'settings-disconnect-yes', type: 'button', class: 'primary danger' }, ['Disconnect']);
  const no = h('button', { id: 'settings-disconnect-no', type: 'button', class: 'secondary' }, ['Cancel']);
  confirm.append(h('div', { class: 'actions' }, [yes, no]));

  test.addEventListener('click', () => {
    void run(line, [test, disconnect], 'Testing the connection…', async () => {
      const r = await call('testConnection');
      if (!r.ok) throw new Error(r.message);
      setFlash('ok', r.message, 'settings-connection');
      await refresh('settings');
    });
  });
  disconnect.addEventListener('click', () => {
    confirm.hidden = false;
    no.focus();
  });
  no.addEventListener('click', () => {
    confirm.hidden = true;
    disconnect.focus();
  });
  yes.addEventListener('click', () => {
    void run(line, [yes, no, test, disconnect], 'Disconnecting…', async () => {
      await call('disconnect');
      setFlash('ok', 'Disconnected: your API key was removed.', 'settings-connection');
      await refresh('settings');
    });
  });
  return h('div', {}, [dl, h('div', { class: 'actions' }, [test, disconnect]), confirm]);
}

function timeZoneWarning(settings: SettingsView): HTMLElement | null {
  if (!settings.timeZoneMismatch || !settings.account) return null;
  return h('p', { id: 'settings-tz-warning', class: 'warn', role: 'alert' }, [
    `This spreadsheet's time zone (${settings.spreadsheetTimeZone}) differs from your ChartMogul account's ` +
      `(${settings.account.timeZone}). Dates without a time zone are read in the spreadsheet's zone, while ChartMogul ` +
      'reports days in the account zone. Change it under File › Settings if that is not what you want.',
  ]);
}

export function mountSettings(root: HTMLElement, settings: SettingsView): void {
  const line = h('div', { id: 'settings-msg', class: 'msg empty', role: 'status', 'aria-live': 'polite' });
  const connection: HTMLElement[] = [h('h2', {}, ['Connection'])];
  if (settings.connected) connection.push(accountBlock(settings, line));
  else connection.push(h('p', { class: 'muted' }, ['Connect this spreadsheet to your ChartMogul account to import data and build reports.']));
  const warning = timeZoneWarning(settings);
  if (warning) connection.push(warning);
  connection.push(...keyForm(settings, line), line);
  root.appendChild(h('div', { class: 'settings-section', id: 'settings-connection' }, connection));
  if (settings.connected) root.appendChild(dataSourceSection(settings, line));
  root.appendChild(formulaKeySection(settings, line));
  showFlash(line);
}
