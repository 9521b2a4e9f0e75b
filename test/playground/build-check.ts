// Makes sure dist/ holds a build of the current sources: rebuilds with build.mjs's buildAll when dist/ is missing or
// older than src/, build.mjs or appsscript.json. A failed rebuild puts the previous dist/ back (with a warning).

import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'fs';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { repoRoot } from '../support/load-bundle';

const OUTPUTS = ['Code.js', 'Sidebar.html', 'appsscript.json'].map((f) => join(repoRoot, 'dist', f));

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

export function isStale(): boolean {
  if (!OUTPUTS.every((f) => existsSync(f))) return true;
  const built = Math.min(...OUTPUTS.map((f) => statSync(f).mtimeMs));
  const sources = Math.max(...['src', 'build.mjs', 'appsscript.json'].map((p) => newestMtime(join(repoRoot, p))));
  return sources > built;
}

/** Dynamic import kept as a real import() (build.mjs is an ES module with top-level await). */
const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<{ buildAll(): Promise<string[]> }>;

export async function ensureBuilt(log: (line: string) => void): Promise<void> {
  if (!isStale()) return;
  const hadDist = OUTPUTS.every((f) => existsSync(f));
  log(hadDist ? 'dist/ is older than the sources: rebuilding…' : 'dist/ is missing: building…');
  const backup = hadDist ? OUTPUTS.map((f) => [f, readFileSync(f)] as const) : [];
  try {
    const { buildAll } = await importModule(pathToFileURL(join(repoRoot, 'build.mjs')).href);
    const files = await buildAll();
    log(`built ${files.join(', ')}`);
  } catch (e) {
    if (!hadDist) throw e;
    mkdirSync(join(repoRoot, 'dist'), { recursive: true });
    for (const [f, content] of backup) writeFileSync(f, content); // buildAll empties dist/ before building
    log(`WARNING: the build failed (${(e as Error).message.split('\n')[0]}); running the existing dist/.`);
  }
}
