// Settings end to end: the built dist/Code.js over the Apps Script fakes, talking to the ChartMogul emulator in a
// child process. Calls the top-level functions exactly as google.script.run does; checks no key ever leaks.

import { createGasEnvironment, type GasEnvironment, type GasEnvironmentOptions } from '../fakes';
import { startEmulatorProcess, type EmulatorProcess } from '../support/emulator-process';
import { callEntry, loadBundle } from '../support/load-bundle';

interface View {
  connected: boolean;
  account: { name: string; currency: string; timeZone: string } | null;
  apiKeyHint: string | null;
  dataSource: { uuid: string; name: string } | null;
  formulaApiKeyHint: string | null;
  spreadsheetTimeZone: string;
  timeZoneMismatch: boolean;
}
interface Option { uuid: string; name: string; system: string; status: string; custom: boolean }

let emu: EmulatorProcess;
let seen: string[]; // every result and thrown message, checked for keys after each test
let envs: GasEnvironment[];

beforeAll(async () => {
  emu = await startEmulatorProcess();
}, 30000);
afterAll(async () => {
  await emu?.stop();
});
beforeEach(async () => {
  seen = [];
  envs = [];
  await fetch(emu.url + '/_emulator/reset', { method: 'POST' });
});
afterEach(() => {
  const keys = [emu.readWriteKey, emu.readOnlyKey, 'bad0key0never0valid'];
  const everything = [...seen, ...envs.flatMap((e) => e.logs.map((l) => l.message)), ...envs.map(cellText)];
  for (const text of everything) for (const k of keys) expect(text).not.toContain(k);
});

function cellText(env: GasEnvironment): string {
  return env.untracked(() => JSON.stringify(env.spreadsheet.getSheets().map((s) => s.getDataRange().getValues())));
}

async function setAccountTimeZone(zone: string): Promise<void> {
  const state = (await (await fetch(emu.url + '/_emulator/state')).json()) as { account: { time_zone: string } };
  state.account.time_zone = zone;
  await fetch(emu.url + '/_emulator/state', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(state) });
}

function addon(opts: GasEnvironmentOptions = {}, baseUrl = emu.url) {
  const env = createGasEnvironment(opts);
  envs.push(env);
  env.untracked(() => env.properties.script.setProperty('CHARTMOGUL_API_BASE', baseUrl));
  const ctx = loadBundle(env);
  const call = <T>(name: string, ...args: unknown[]): T => {
    const out = callEntry<T>(ctx, name, ...args);
    seen.push(JSON.stringify(out));
    return out;
  };
  const fails = (name: string, ...args: unknown[]): string => {
    try {
      callEntry(ctx, name, ...args);
    } catch (e) {
      const message = (e as Error).message;
      seen.push(message, String(e));
      return message;
    }
    throw new Error(`${name} did not throw`);
  };
  return { env, ctx, call, fails };
}

const user = (env: GasEnvironment) => env.properties.user.data;
const doc = (env: GasEnvironment) => env.properties.document.data;

describe('Settings through the bundle', () => {
  it('connects with a read & write key: account cached, key in user properties, only a masked hint out', () => {
    const { env, call } = addon();
    expect(call<View>('getSettings').connected).toBe(false);
    const s = call<View>('saveSettings', { apiKey: emu.readWriteKey });
    expect(s).toEqual({
      connected: true,
      account: { name: 'Example Company', currency: 'USD', timeZone: 'Etc/UTC' },
      apiKeyHint: '••••' + emu.readWriteKey.slice(-4),
      dataSource: null,
      formulaApiKeyHint: null,
      spreadsheetTimeZone: 'Europe/Berlin',
      timeZoneMismatch: true,
    });
    expect(user(env).get('CHARTMOGUL_API_KEY')).toBe(emu.readWriteKey);
    expect([...doc(env).values()].join()).not.toContain(emu.readWriteKey);
    env.calls.reset();
    expect(call<View>('getSettings')).toEqual(s);
    expect(env.calls.get('UrlFetchApp')).toBe(0);
  });

  it('refuses a bad key (401) and stores nothing', () => {
    const { env, fails } = addon();
    expect(fails('saveSettings', { apiKey: 'bad0key0never0valid' })).toMatch(/did not accept the API key \(HTTP 401\)/);
    expect(user(env).size).toBe(0);
  });

  it('refuses a read-only key for apiKey but takes it as the formula key (document properties)', () => {
    const { env, call, fails } = addon();
    expect(fails('saveSettings', { apiKey: emu.readOnlyKey })).toMatch(/read-only API key.*read & write/);
    expect(user(env).size).toBe(0);
    const s = call<View>('saveSettings', { formulaApiKey: emu.readOnlyKey });
    expect(s.formulaApiKeyHint).toBe('••••' + emu.readOnlyKey.slice(-4));
    expect(doc(env).get('CHARTMOGUL_FORMULA_API_KEY')).toBe(emu.readOnlyKey);
    expect(fails('saveSettings', { formulaApiKey: 'bad0key0never0valid' })).toMatch(/formula API key \(HTTP 401\)/);
    expect(call<View>('saveSettings', { formulaApiKey: '' }).formulaApiKeyHint).toBeNull();
    expect(doc(env).has('CHARTMOGUL_FORMULA_API_KEY')).toBe(false);
  });

  it('lists, creates and chooses data sources per spreadsheet', () => {
    const { env, call, fails } = addon();
    expect(fails('listDataSources')).toMatch(/Not connected/);
    call('saveSettings', { apiKey: emu.readWriteKey });
    expect(call<Option[]>('listDataSources')).toEqual([]); // the probe write created nothing
    const created = call<{ uuid: string; name: string }>('createDataSource', 'Google Sheets');
    expect(created).toEqual({ uuid: expect.stringMatching(/^ds_/), name: 'Google Sheets' });
    expect(call<View>('getSettings').dataSource).toEqual(created);
    expect(JSON.parse(doc(env).get('CHARTMOGUL_DATA_SOURCE') as string)).toEqual(created);
    expect(fails('createDataSource', 'Google Sheets')).toBe(
      'A data source named "Google Sheets" already exists in ChartMogul: choose it from the list instead.',
    );
    const other = call<{ uuid: string }>('createDataSource', 'Second');
    expect(call<Option[]>('listDataSources')).toEqual([
      { uuid: created.uuid, name: 'Google Sheets', system: 'Custom', status: 'idle', custom: true },
      { uuid: other.uuid, name: 'Second', system: 'Custom', status: 'idle', custom: true },
    ]);
    expect(call<View>('saveSettings', { dataSourceUuid: created.uuid }).dataSource).toEqual(created);
    expect(fails('saveSettings', { dataSourceUuid: 'ds_00000000-0000-0000-0000-000000000000' })).toMatch(/does not exist/);
    expect(call<View>('getSettings').dataSource).toEqual(created);
  });

  it('testConnection refreshes the cached account; the time zone warning follows it', async () => {
    const { call } = addon({ spreadsheetTimeZone: 'America/New_York' });
    expect(call<{ ok: boolean; message: string }>('testConnection')).toMatchObject({ ok: false, message: expect.stringMatching(/Not connected/) });
    expect(call<View>('saveSettings', { apiKey: emu.readWriteKey }).timeZoneMismatch).toBe(true);
    await setAccountTimeZone('America/New_York');
    expect(call<View>('getSettings').timeZoneMismatch).toBe(true); // cached until tested
    const r = call<{ ok: boolean; account: View['account']; message: string }>('testConnection');
    expect(r).toEqual({ ok: true, account: { name: 'Example Company', currency: 'USD', timeZone: 'America/New_York' }, message: expect.any(String) });
    expect(call<View>('getSettings')).toMatchObject({ timeZoneMismatch: false, spreadsheetTimeZone: 'America/New_York' });
  });

  it("disconnect (and apiKey: '') remove the key and cached account; the data source choice stays", () => {
    const { env, call } = addon();
    call('saveSettings', { apiKey: emu.readWriteKey });
    const ds = call<{ uuid: string; name: string }>('createDataSource', 'Sheets');
    const s = call<View>('disconnect');
    expect(s).toMatchObject({ connected: false, account: null, apiKeyHint: null, timeZoneMismatch: false, dataSource: ds });
    expect(user(env).size).toBe(0);
    call('saveSettings', { apiKey: emu.readWriteKey });
    expect(call<View>('saveSettings', { apiKey: '' })).toMatchObject({ connected: false, dataSource: ds });
    expect(user(env).size).toBe(0);
  });

  it('says clearly when ChartMogul cannot be reached, and stores nothing', async () => {
    const dead = await startEmulatorProcess();
    const deadUrl = dead.url;
    const keys = [dead.readWriteKey];
    await dead.stop();
    const { env, call, fails } = addon({}, deadUrl);
    expect(fails('saveSettings', { apiKey: keys[0] })).toMatch(/Could not reach ChartMogul/);
    expect(user(env).size).toBe(0);
    env.untracked(() => env.properties.user.setProperty('CHARTMOGUL_API_KEY', keys[0]));
    const r = call<{ ok: boolean; message: string }>('testConnection');
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/Could not reach ChartMogul/);
    expect(fails('listDataSources')).toMatch(/Could not reach ChartMogul/);
    expect(fails('createDataSource', 'x')).toMatch(/Could not reach ChartMogul/);
    const texts = [...seen, ...env.logs.map((l) => l.message)].join('\n');
    expect(texts).not.toContain(keys[0]);
  }, 60000);
});
