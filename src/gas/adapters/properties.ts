// KeyValueStore port over an Apps Script Properties store (user, document or script properties).
// Values are strings; a missing key reads as null.

import type { KeyValueStore } from '../../core/ports';

export class PropertiesStore implements KeyValueStore {
  constructor(private readonly props: GoogleAppsScript.Properties.Properties) {}

  get(key: string): string | null {
    return this.props.getProperty(key);
  }

  set(key: string, value: string): void {
    this.props.setProperty(key, value);
  }

  remove(key: string): void {
    this.props.deleteProperty(key);
  }

  keys(): string[] {
    return this.props.getKeys();
  }
}
