// The manifest is part of the security review: scopes and URL allow-list must stay exactly as agreed.
// Catches scope creep and a widened urlFetchWhitelist before they ship.

import { readFileSync } from 'fs';
import { join } from 'path';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8'));

describe('appsscript.json', () => {
  it('runs on V8 with Stackdriver logging and a time zone', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(typeof manifest.timeZone).toBe('string');
    expect(manifest.timeZone.length).toBeGreaterThan(0);
  });

  it('asks for exactly the four minimal OAuth scopes', () => {
    expect([...manifest.oauthScopes].sort()).toEqual(
      [
        'https://www.googleapis.com/auth/script.container.ui',
        'https://www.googleapis.com/auth/script.external_request',
        'https://www.googleapis.com/auth/script.scriptapp',
        'https://www.googleapis.com/auth/spreadsheets.currentonly',
      ].sort(),
    );
  });

  it('may fetch only from the ChartMogul API', () => {
    expect(manifest.urlFetchWhitelist).toEqual(['https://api.chartmogul.com/']);
  });

  it('is copied unchanged into dist by the build', () => {
    const built = JSON.parse(readFileSync(join(root, 'dist', 'appsscript.json'), 'utf8'));
    expect(built).toEqual(manifest);
  });
});
