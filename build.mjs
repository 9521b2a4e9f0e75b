// Build: dist/Code.js (esbuild IIFE + hand-written top-level wrappers), dist/Sidebar.html (inlined), dist/appsscript.json.
// `npm run build` runs it; `npm start` (the playground) calls buildAll() itself when dist/ is missing or stale.

import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');

function typecheckWrappers() {
  // The wrapper file is plain JS checked against the bundle's exports (src/gas/entrypoints.d.ts).
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', join(root, 'src', 'gas')], { stdio: 'pipe' });
  } catch (e) {
    process.stderr.write(String(e.stdout || '') + String(e.stderr || ''));
    throw new Error('Type check of src/gas (entry points against bundle exports) failed');
  }
}

async function buildCode(out) {
  const footer = readFileSync(join(root, 'src', 'gas', 'entrypoints.js'), 'utf8');
  await build({
    entryPoints: [join(root, 'src', 'gas', 'index.ts')],
    outfile: join(out, 'Code.js'),
    bundle: true,
    format: 'iife',
    globalName: 'CMAddon',
    target: 'es2019',
    platform: 'browser',
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
    footer: { js: footer },
  });
  const code = readFileSync(join(out, 'Code.js'), 'utf8');
  if (/^\s*(export|import)\s/m.test(code)) throw new Error('dist/Code.js still contains import/export');
}

async function buildSidebar(out) {
  const js = await build({
    entryPoints: [join(root, 'src', 'ui', 'sidebar.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const script = js.outputFiles[0].text;
  const css = readFileSync(join(root, 'src', 'ui', 'sidebar.css'), 'utf8');
  const template = readFileSync(join(root, 'src', 'ui', 'sidebar.html'), 'utf8');
  if (script.includes('<?')) throw new Error('Sidebar script contains "<?" (would be read as a scriptlet)');
  const html = template
    .replace('/*__SIDEBAR_CSS__*/', () => css)
    .replace('/*__SIDEBAR_JS__*/', () => script.replace(/<\/script/gi, '<\\/script'));
  writeFileSync(join(out, 'Sidebar.html'), html);
}

export async function buildAll() {
  // Build into a scratch folder and swap it in at the end, so a reader never sees a half-written dist/.
  const out = join(root, `.dist-${process.pid}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  try {
    typecheckWrappers();
    await buildCode(out);
    await buildSidebar(out);
    copyFileSync(join(root, 'appsscript.json'), join(out, 'appsscript.json'));
    rmSync(dist, { recursive: true, force: true });
    renameSync(out, dist);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return ['dist/Code.js', 'dist/Sidebar.html', 'dist/appsscript.json'];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = await buildAll();
  for (const f of files) {
    const size = readFileSync(join(root, f)).length;
    console.log(`built ${f} (${(size / 1024).toFixed(1)} KB)`);
  }
}
