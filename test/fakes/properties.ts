// PropertiesService fake: user, document and script stores with the real size limits (9 KB a value, 500 KB a store).
// Values are always strings; numbers and booleans are stringified like the real service does.

import { Runtime, instrument } from './runtime';

type GProperties = GoogleAppsScript.Properties.Properties;

export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

export class FakeProperties
  implements Pick<GProperties, 'getProperty' | 'setProperty' | 'setProperties' | 'getProperties' | 'getKeys' | 'deleteProperty' | 'deleteAllProperties'>
{
  /** The stored data; tests may read it directly (not counted). */
  readonly data = new Map<string, string>();

  constructor(
    private readonly rt: Runtime,
    readonly kind: 'user' | 'document' | 'script',
  ) {
    return instrument(this, rt, 'PropertiesService', 'Properties');
  }
  private get _self(): GProperties {
    return this as unknown as GProperties;
  }
  private toText(value: unknown, what: 'key' | 'value'): string {
    if (value === null || value === undefined || typeof value === 'object' || typeof value === 'function') {
      throw this.rt.error(`Invalid argument: ${what}`);
    }
    return String(value);
  }
  private put(entries: Array<[string, string]>, deleteAllOthers: boolean): void {
    const next = new Map(deleteAllOthers ? [] : this.data);
    for (const [k, v] of entries) {
      if (k === '') throw this.rt.error('Invalid argument: key');
      if (bytes(v) > MAX_VALUE_BYTES) throw this.rt.error('Argument too large: value');
      next.set(k, v);
    }
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > MAX_STORE_BYTES) {
      throw this.rt.error('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
    this.data.clear();
    for (const [k, v] of next) this.data.set(k, v);
  }
  getProperty(key: string): string | null {
    return this.data.get(this.toText(key, 'key')) ?? null;
  }
  setProperty(key: string, value: string): GProperties {
    this.put([[this.toText(key, 'key'), this.toText(value, 'value')]], false);
    return this._self;
  }
  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): GProperties {
    if (properties === null || typeof properties !== 'object') throw this.rt.error('Invalid argument: properties');
    this.put(Object.keys(properties).map((k) => [k, this.toText(properties[k], 'value')]), !!deleteAllOthers);
    return this._self;
  }
  getProperties(): { [key: string]: string } {
    const out: { [key: string]: string } = {};
    for (const [k, v] of this.data) out[k] = v;
    return out;
  }
  getKeys(): string[] {
    return [...this.data.keys()];
  }
  deleteProperty(key: string): GProperties {
    this.data.delete(this.toText(key, 'key'));
    return this._self;
  }
  deleteAllProperties(): GProperties {
    this.data.clear();
    return this._self;
  }
}

export class FakePropertiesService {
  constructor(
    rt: Runtime,
    private readonly stores: { user: FakeProperties; document: FakeProperties; script: FakeProperties },
  ) {
    return instrument(this, rt, 'PropertiesService', null);
  }
  getUserProperties(): GProperties {
    return this.stores.user as unknown as GProperties;
  }
  getDocumentProperties(): GProperties {
    return this.stores.document as unknown as GProperties;
  }
  getScriptProperties(): GProperties {
    return this.stores.script as unknown as GProperties;
  }
}
