// clasp pushes exactly what `npx clasp show-file-status` lists: it must be the three built files and nothing else.
// Runs clasp offline against the repo's .clasp.json (rootDir dist, placeholder script id).

import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';

const root = join(__dirname, '..', '..');

describe('clasp', () => {
  it('pushes exactly dist/Code.js, dist/Sidebar.html and dist/appsscript.json', () => {
    const clasp = join(root, 'node_modules', '.bin', 'clasp');
    const out = execFileSync(clasp, ['show-file-status', '--json'], { cwd: root, encoding: 'utf8', timeout: 60000 });
    const status = JSON.parse(out.trim().split('\n').pop() as string);
    expect([...status.filesToPush].sort()).toEqual(['dist/Code.js', 'dist/Sidebar.html', 'dist/appsscript.json'].sort());
  }, 70000);

  it('targets the dist folder with a placeholder script id', () => {
    const cfg = JSON.parse(readFileSync(join(root, '.clasp.json'), 'utf8'));
    expect(cfg.rootDir).toBe('dist');
    expect(typeof cfg.scriptId).toBe('string');
  });
});
