// Settings core with scripted fakes: saving and testing keys, read-only refusal, disconnect, formula key, time zones.
// Checks that nothing is stored on failure and that keys never appear in results, errors or logs.

import { getSettings, saveSettings, testConnection, disconnect, timeZonesDiffer, SettingsError } from '../../src/core/settings';
import { PROP_API_KEY, PROP_FORMULA_API_KEY, PROP_FORMULA_CURRENCY } from '../../src/core/config';
import { RO_KEY, RW2_KEY, RW_KEY, settingsHarness, thrownMessage } from './settings-helpers';

const TZ = 'Europe/Berlin';
const SECRETS = [RW_KEY, RO_KEY, RW2_KEY];

function expectNoSecret(value: unknown): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  for (const s of SECRETS) expect(text).not.toContain(s);
}

describe('getSettings', () => {
  it('is "not connected" with nothing stored and makes no API call', () => {
    const h = settingsHarness();
    expect(getSettings(h.services, TZ)).toEqual({
      connected: false, account: null, apiKeyHint: null, dataSource: null, formulaApiKeyHint: null,
      spreadsheetTimeZone: TZ, timeZoneMismatch: false,
    });
    expect(h.transport.sent).toHaveLength(0);
  });

  it('ignores a damaged cached account or data source', () => {
    const h = settingsHarness();
    h.user.set(PROP_API_KEY, RW_KEY);
    h.user.set('CHARTMOGUL_ACCOUNT', '{oops');
    h.doc.set('CHARTMOGUL_DATA_SOURCE', '"x"');
    const s = getSettings(h.services, TZ);
    expect(s).toMatchObject({ connected: true, account: null, dataSource: null, apiKeyHint: '••••abcd' });
  });
});

describe('saveSettings({apiKey})', () => {
  it('tests the key with ping, account and the probe write, then stores key and account', () => {
    const h = settingsHarness();
    const s = saveSettings(h.services, { apiKey: `  ${RW_KEY}\n` }, TZ);
    expect(h.requests()).toEqual(['GET /v1/ping', 'GET /v1/account', 'POST /v1/data_sources']);
    expect(h.transport.sent[2].body).toBe('{}');
    expect(h.user.get(PROP_API_KEY)).toBe(RW_KEY);
    expect(s).toEqual({
      connected: true, account: { name: 'Acme Inc', currency: 'EUR', timeZone: 'Europe/Berlin' }, apiKeyHint: '••••abcd',
      dataSource: null, formulaApiKeyHint: null, spreadsheetTimeZone: TZ, timeZoneMismatch: false,
    });
    expect(getSettings(h.services, TZ)).toEqual(s);
    expectNoSecret(s);
    expect(h.api.dataSources).toHaveLength(2); // the probe created nothing
  });

  it('accepts a 422 probe answer as read & write too', () => {
    const h = settingsHarness();
    h.api.probeStatus = 422;
    expect(saveSettings(h.services, { apiKey: RW_KEY }, TZ).connected).toBe(true);
  });

  it('refuses a bad key (401) with a short message and stores nothing', () => {
    const h = settingsHarness();
    const msg = thrownMessage(() => saveSettings(h.services, { apiKey: 'wrong_key_1234' }, TZ));
    expect(msg).toMatch(/did not accept the API key \(HTTP 401\)/);
    expect(msg).not.toContain('wrong_key_1234');
    expect(h.user.keys()).toEqual([]);
  });

  it('refuses a read-only key, recommending it for formulas, and keeps the previous key', () => {
    const h = settingsHarness();
    saveSettings(h.services, { apiKey: RW_KEY }, TZ);
    const msg = thrownMessage(() => saveSettings(h.services, { apiKey: RO_KEY }, TZ));
    expect(msg).toMatch(/read-only API key/);
    expect(msg).toMatch(/read & write key/);
    expect(msg).toMatch(/recommended for formulas/);
    expectNoSecret(msg);
    expect(h.user.get(PROP_API_KEY)).toBe(RW_KEY);
  });

  it('says the API is unreachable (network or 5xx) without storing', () => {
    for (const outage of ['down', 503] as const) {
      const h = settingsHarness();
      h.api.outage = outage;
      const msg = thrownMessage(() => saveSettings(h.services, { apiKey: RW_KEY }, TZ));
      expect(msg).toMatch(outage === 'down' ? /Could not reach ChartMogul/ : /not answering properly.*HTTP 503/);
      expectNoSecret(msg);
      expectNoSecret(h.logs);
      expect(h.user.keys()).toEqual([]);
    }
  });

  it('gives up within the interactive budget when ChartMogul stays down', () => {
    const h = settingsHarness();
    h.api.outage = 'down';
    const start = h.services.clock.now();
    thrownMessage(() => saveSettings(h.services, { apiKey: RW_KEY }, TZ));
    expect(h.services.clock.now() - start).toBeLessThanOrEqual(20000);
  });

  it("'' disconnects (key and cached account) but keeps the spreadsheet's choices", () => {
    const h = settingsHarness();
    saveSettings(h.services, { apiKey: RW_KEY, dataSourceUuid: 'ds_custom', formulaApiKey: RO_KEY }, TZ);
    const s = saveSettings(h.services, { apiKey: '' }, TZ);
    expect(s).toMatchObject({ connected: false, account: null, apiKeyHint: null, dataSource: { uuid: 'ds_custom' }, formulaApiKeyHint: '••••wxyz' });
    expect(h.user.keys()).toEqual([]);
  });

  it('replaces the key and the cached account with the new one', () => {
    const h = settingsHarness();
    saveSettings(h.services, { apiKey: RW_KEY }, TZ);
    h.api.account.name = 'Other Co';
    expect(saveSettings(h.services, { apiKey: RW2_KEY }, TZ)).toMatchObject({ apiKeyHint: '••••efgh', account: { name: 'Other Co' } });
  });
});

describe('saveSettings input', () => {
  it('changes nothing for an empty object and rejects unknown fields and non-text values', () => {
    const h = settingsHarness();
    expect(saveSettings(h.services, {}, TZ).connected).toBe(false);
    expect(saveSettings(h.services, undefined, TZ).connected).toBe(false);
    expect(thrownMessage(() => saveSettings(h.services, { apikey: RW_KEY }, TZ))).toMatch(/Unknown setting "apikey"/);
    expect(thrownMessage(() => saveSettings(h.services, { apiKey: 42 }, TZ))).toMatch(/apiKey must be text/);
    expect(thrownMessage(() => saveSettings(h.services, 'key', TZ))).toMatch(/expects an object/);
    expect(() => saveSettings(h.services, [], TZ)).toThrow(SettingsError);
    expect(h.transport.sent).toHaveLength(0);
  });
});

describe('saveSettings({formulaApiKey})', () => {
  it('stores a valid (read-only) formula key in document properties after a ping, shown masked', () => {
    const h = settingsHarness();
    const s = saveSettings(h.services, { formulaApiKey: RO_KEY }, TZ);
    expect(h.doc.get(PROP_FORMULA_API_KEY)).toBe(RO_KEY);
    expect(s.formulaApiKeyHint).toBe('••••wxyz');
    expect(s.connected).toBe(false);
    expect(h.requests()).toEqual(['GET /v1/ping', 'GET /v1/account']);
    expect(h.doc.get(PROP_FORMULA_CURRENCY)).toBe('EUR'); // formulas convert money with its decimals
    expectNoSecret(s);
  });

  it('refuses a bad formula key, naming the formula key, and stores nothing', () => {
    const h = settingsHarness();
    const msg = thrownMessage(() => saveSettings(h.services, { apiKey: RW_KEY, formulaApiKey: 'nope_nope_1234' }, TZ));
    expect(msg).toMatch(/formula API key/);
    expect(msg).not.toContain('nope_nope_1234');
    expect(h.user.keys()).toEqual([]); // the valid apiKey was not stored either
    expect(h.doc.keys()).toEqual([]);
  });

  it("'' removes the formula key without an API call", () => {
    const h = settingsHarness();
    saveSettings(h.services, { formulaApiKey: RO_KEY }, TZ);
    const sent = h.transport.sent.length;
    expect(saveSettings(h.services, { formulaApiKey: '' }, TZ).formulaApiKeyHint).toBeNull();
    expect(h.doc.get(PROP_FORMULA_API_KEY)).toBeNull();
    expect(h.transport.sent).toHaveLength(sent);
  });
});

describe('testConnection', () => {
  it('says "not connected" without a key', () => {
    const h = settingsHarness();
    expect(testConnection(h.services)).toEqual({ ok: false, account: null, message: expect.stringMatching(/Not connected/) });
  });

  it('pings, refreshes the cached account and never returns the key', () => {
    const h = settingsHarness();
    saveSettings(h.services, { apiKey: RW_KEY }, TZ);
    h.api.account.time_zone = 'America/New_York';
    const r = testConnection(h.services);
    expect(r).toEqual({ ok: true, account: { name: 'Acme Inc', currency: 'EUR', timeZone: 'America/New_York' }, message: expect.stringContaining('Acme Inc') });
    expectNoSecret(r);
    expect(getSettings(h.services, TZ)).toMatchObject({ timeZoneMismatch: true, account: { timeZone: 'America/New_York' } });
  });

  it('reports a failure in the result (keeping key and cached account)', () => {
    const h = settingsHarness();
    saveSettings(h.services, { apiKey: RW_KEY }, TZ);
    h.api.outage = 'down';
    const r = testConnection(h.services);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/Could not reach ChartMogul/);
    expect(r.account).toMatchObject({ name: 'Acme Inc' });
    expect(h.user.get(PROP_API_KEY)).toBe(RW_KEY);
    expectNoSecret([r, h.logs]);
  });
});

describe('disconnect', () => {
  it('removes the key and cached account only', () => {
    const h = settingsHarness();
    saveSettings(h.services, { apiKey: RW_KEY, dataSourceUuid: 'ds_custom' }, TZ);
    const s = disconnect(h.services, TZ);
    expect(s).toMatchObject({ connected: false, account: null, apiKeyHint: null, dataSource: { uuid: 'ds_custom', name: 'Sheets import' } });
    expect(h.user.keys()).toEqual([]);
  });
});

describe('time zone mismatch', () => {
  it('compares the spreadsheet zone with the cached account zone', () => {
    const h = settingsHarness();
    saveSettings(h.services, { apiKey: RW_KEY }, TZ);
    expect(getSettings(h.services, 'Europe/Berlin').timeZoneMismatch).toBe(false);
    expect(getSettings(h.services, 'America/New_York').timeZoneMismatch).toBe(true);
  });

  it('treats spellings of UTC as one zone and an unknown zone as no mismatch', () => {
    expect(timeZonesDiffer('Etc/UTC', 'UTC')).toBe(false);
    expect(timeZonesDiffer('GMT', 'Etc/GMT')).toBe(false);
    expect(timeZonesDiffer('Europe/London', 'UTC')).toBe(true);
    expect(timeZonesDiffer('Europe/Berlin', '')).toBe(false);
  });
});
