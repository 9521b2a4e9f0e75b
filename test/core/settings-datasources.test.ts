// Settings core, data source side: choosing one by uuid (checked against the account), listing, creating by name.
// Also the read-only probe on its own.

import { createDataSource, listDataSources, probeAccess, saveSettings } from '../../src/core/settings';
import { ChartMogulClient } from '../../src/core/chartmogul';
import { PROP_DATA_SOURCE } from '../../src/core/config';
import { FakeClock, ScriptedTransport, res } from './chartmogul/helpers';
import { RO_KEY, RW_KEY, settingsHarness, thrownMessage } from './settings-helpers';

const TZ = 'Europe/Berlin';

function connected() {
  const h = settingsHarness();
  saveSettings(h.services, { apiKey: RW_KEY }, TZ);
  h.transport.sent.length = 0;
  return h;
}

describe('saveSettings({dataSourceUuid})', () => {
  it('checks the uuid with the API and stores it with its name per spreadsheet', () => {
    const h = connected();
    const s = saveSettings(h.services, { dataSourceUuid: 'ds_custom' }, TZ);
    expect(h.requests()).toEqual(['GET /v1/data_sources/ds_custom']);
    expect(s.dataSource).toEqual({ uuid: 'ds_custom', name: 'Sheets import' });
    expect(JSON.parse(h.doc.get(PROP_DATA_SOURCE) as string)).toEqual({ uuid: 'ds_custom', name: 'Sheets import' });
  });

  it('refuses an unknown uuid and a non-custom source, keeping the previous choice', () => {
    const h = connected();
    saveSettings(h.services, { dataSourceUuid: 'ds_custom' }, TZ);
    expect(thrownMessage(() => saveSettings(h.services, { dataSourceUuid: 'ds_missing' }, TZ))).toMatch(/does not exist/);
    expect(thrownMessage(() => saveSettings(h.services, { dataSourceUuid: 'ds_stripe' }, TZ))).toMatch(/Stripe data source.*custom/);
    expect(JSON.parse(h.doc.get(PROP_DATA_SOURCE) as string).uuid).toBe('ds_custom');
  });

  it("needs a key, uses a key given in the same call, and '' clears the choice", () => {
    const h = settingsHarness();
    expect(thrownMessage(() => saveSettings(h.services, { dataSourceUuid: 'ds_custom' }, TZ))).toMatch(/Not connected/);
    expect(saveSettings(h.services, { apiKey: RW_KEY, dataSourceUuid: 'ds_custom' }, TZ).dataSource?.uuid).toBe('ds_custom');
    expect(saveSettings(h.services, { dataSourceUuid: '' }, TZ).dataSource).toBeNull();
    expect(h.doc.get(PROP_DATA_SOURCE)).toBeNull();
    expect(thrownMessage(() => saveSettings(h.services, { apiKey: '', dataSourceUuid: 'ds_custom' }, TZ))).toMatch(/Not connected/);
  });
});

describe('listDataSources', () => {
  it('returns plain objects saying which are custom', () => {
    const h = connected();
    expect(listDataSources(h.services)).toEqual([
      { uuid: 'ds_custom', name: 'Sheets import', system: 'Custom', status: 'idle', custom: true },
      { uuid: 'ds_stripe', name: 'Stripe', system: 'Stripe', status: 'import_complete', custom: false },
    ]);
  });

  it('throws "not connected" without a key and a clear message when ChartMogul is down', () => {
    expect(thrownMessage(() => listDataSources(settingsHarness().services))).toMatch(/Not connected/);
    const h = connected();
    h.api.outage = 'down';
    const msg = thrownMessage(() => listDataSources(h.services));
    expect(msg).toMatch(/Could not reach ChartMogul while listing the data sources/);
    expect(msg).not.toContain(RW_KEY);
  });
});

describe('createDataSource', () => {
  it('creates a custom source, selects it for the spreadsheet and returns {uuid, name}', () => {
    const h = connected();
    expect(createDataSource(h.services, '  Sheets 2025 ')).toEqual({ uuid: 'ds_3', name: 'Sheets 2025' });
    expect(JSON.parse(h.doc.get(PROP_DATA_SOURCE) as string)).toEqual({ uuid: 'ds_3', name: 'Sheets 2025' });
  });

  it('turns "Has already been taken." into a clear message and keeps the old choice', () => {
    const h = connected();
    saveSettings(h.services, { dataSourceUuid: 'ds_custom' }, TZ);
    expect(thrownMessage(() => createDataSource(h.services, 'Stripe'))).toBe(
      'A data source named "Stripe" already exists in ChartMogul: choose it from the list instead.',
    );
    expect(JSON.parse(h.doc.get(PROP_DATA_SOURCE) as string).uuid).toBe('ds_custom');
  });

  it('asks for a name and needs a key', () => {
    const h = connected();
    expect(thrownMessage(() => createDataSource(h.services, '  '))).toMatch(/Give the new data source a name/);
    expect(thrownMessage(() => createDataSource(h.services, 42))).toMatch(/name/);
    expect(thrownMessage(() => createDataSource(settingsHarness().services, 'x'))).toMatch(/Not connected/);
    expect(h.transport.sent).toHaveLength(0);
  });
});

describe('probeAccess', () => {
  const client = (status: number, body: unknown = {}) => {
    const transport = new ScriptedTransport([res(status, body), res(204)]);
    return { transport, client: new ChartMogulClient({ apiKey: RO_KEY, transport, clock: new FakeClock(), baseUrl: 'https://api.test' }) };
  };
  it('403 → read_only; 400/422 → read_write; a created source would be deleted again', () => {
    expect(probeAccess(client(403).client)).toBe('read_only');
    expect(probeAccess(client(400).client)).toBe('read_write');
    expect(probeAccess(client(422).client)).toBe('read_write');
    const odd = client(201, { uuid: 'ds_x', name: '' });
    expect(probeAccess(odd.client)).toBe('read_write');
    expect(odd.transport.sent.map((r) => r.method + ' ' + r.url)).toEqual(['post https://api.test/v1/data_sources', 'delete https://api.test/v1/data_sources/ds_x']);
  });
  it('401 is thrown (not guessed)', () => {
    expect(() => probeAccess(client(401).client)).toThrow(/401/);
  });
});
