// HTTP server of the playground: the page (index.html, app.js bundled from page/*.ts at start, chart.js), the JSON
// API over PlaygroundHost, and the add-on's sidebar/dialog HTML with google.script.run bridged back to /api/run.

import { build } from 'esbuild';
import { readFileSync } from 'fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { join } from 'path';
import { repoRoot } from '../support/load-bundle';
import { SCRIPT_RUN_SHIM } from '../support/script-run-bridge';
import { UsageError } from './args';
import type { PlaygroundHost } from './host';
import type { DialogAnswer } from './protocol';

const PAGE_DIR = join(__dirname, 'page');

export async function bundlePage(): Promise<string> {
  const out = await build({
    entryPoints: [join(PAGE_DIR, 'main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    logLevel: 'warning',
  });
  return out.outputFiles[0].text;
}

/** The bridge the add-on's HTML gets before its own scripts: __gasInvoke over fetch, then the real-bridge shim. */
function bridgeScripts(kind: 'sidebar' | 'dialog'): string {
  const invoke = `window.__gasInvoke = function (name, argsJson) {
  return fetch('/api/run', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: name, args: argsJson }) })
    .then(function (r) { return r.json(); })
    .then(function (res) { try { parent.postMessage({ playground: 'effects', effects: res.effects }, '*'); } catch (e) {} return res.result; })
    .catch(function (e) { return { ok: false, error: { name: 'NetworkError', message: 'The playground server did not answer: ' + e.message } }; });
};`;
  const host = `google.script.host.close = function () { parent.postMessage({ playground: 'close', kind: '${kind}' }, '*'); };`;
  return `<script>${invoke}</script><script>${SCRIPT_RUN_SHIM}</script><script>${host}</script>`;
}

export function withBridge(html: string, kind: 'sidebar' | 'dialog'): string {
  const scripts = bridgeScripts(kind);
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + scripts + html.slice(head.index + head[0].length);
  return scripts + html;
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (data += c));
    req.on('end', () => {
      try {
        resolve(data ? JSON.parse(data) : {});
      } catch (e) {
        reject(e);
      }
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

const json = (res: ServerResponse, value: unknown): void => send(res, 200, 'application/json', JSON.stringify(value));

export interface PlaygroundServer {
  server: Server;
  url: string;
}

/**
 * Binds the port before anything slow starts (emulator, bundle), so a busy port fails at once. A busy port is an
 * error naming --port rather than a silent switch to another: the printed URL stays predictable, and a second
 * playground on the same data dir would overwrite the first one's files. Until serve() runs, requests get 503.
 */
export async function listen(port: number): Promise<PlaygroundServer> {
  const server = createServer((_req, res) => send(res, 503, 'text/html', '<meta http-equiv="refresh" content="1">Starting…'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EADDRINUSE' && e.code !== 'EACCES') return reject(e);
      const why = e.code === 'EACCES' ? 'cannot be opened (permission denied)' : 'is already in use (another playground still running?)';
      reject(new UsageError(`port ${port} on 127.0.0.1 ${why}. Stop that process, or choose another port: npm start -- --port 8081 (--port 0 picks any free port).`));
    });
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Serves the page and the API over host on a server from listen(). */
export async function serve({ server }: PlaygroundServer, host: PlaygroundHost, info: Record<string, string>): Promise<void> {
  const appJs = await bundlePage();
  const chartJs = readFileSync(join(repoRoot, 'node_modules', 'chart.js', 'dist', 'chart.umd.js'));
  const routes: Record<string, (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void> = {
    'GET /': (_q, res) => send(res, 200, 'text/html; charset=utf-8', readFileSync(join(PAGE_DIR, 'index.html'))),
    'GET /app.css': (_q, res) => send(res, 200, 'text/css', readFileSync(join(PAGE_DIR, 'app.css'))),
    'GET /app.js': (_q, res) => send(res, 200, 'text/javascript', appJs),
    'GET /chart.js': (_q, res) => send(res, 200, 'text/javascript', chartJs),
    'GET /favicon.ico': (_q, res) => void res.writeHead(204).end(),
    'GET /api/info': (_q, res) => json(res, info),
    'GET /api/version': (_q, res) => json(res, { version: host.version }),
    'GET /api/view': (_q, res, url) => {
      const sheet = url.searchParams.get('sheet');
      json(res, host.view(sheet ? Number(sheet) : null, Number(url.searchParams.get('rows') || 0)));
    },
    'GET /api/menu-dialogs': (_q, res, url) => json(res, host.dialogsOf(url.searchParams.get('fn') ?? '')),
    'POST /api/menu': async (req, res) => {
      const b = (await readBody(req)) as { functionName: string; answers?: DialogAnswer[] };
      json(res, host.callMenu(String(b.functionName), b.answers ?? []));
    },
    'POST /api/run': async (req, res) => {
      const b = (await readBody(req)) as { name: string; args: string };
      json(res, host.run(String(b.name), JSON.parse(b.args || '[]') as unknown[]));
    },
    'POST /api/edit': async (req, res) => {
      const b = (await readBody(req)) as { sheetId: number; row: number; col: number; rows: unknown[][] };
      json(res, host.edit(b.sheetId, b.row, b.col, b.rows));
    },
    'POST /api/clear': async (req, res) => {
      const b = (await readBody(req)) as { sheetId: number; row: number; col: number; rows: number; cols: number };
      json(res, host.clear(b));
    },
    'POST /api/activate': async (req, res) => {
      const b = (await readBody(req)) as { sheetId: number };
      host.activate(b.sheetId);
      json(res, { ok: true });
    },
    'POST /api/trigger': async (req, res) => {
      const b = (await readBody(req)) as { advance?: boolean };
      json(res, host.fireTrigger(!!b.advance));
    },
  };
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const html = /^\/html\/(sidebar|dialog)\/(\d+)$/.exec(url.pathname);
    const handle = async (): Promise<void> => {
      if (req.method === 'GET' && html) {
        const kind = html[1] as 'sidebar' | 'dialog';
        const content = host.html(kind, Number(html[2]));
        if (content === null) return send(res, 404, 'text/plain', 'No such ' + kind);
        return send(res, 200, 'text/html; charset=utf-8', withBridge(content, kind));
      }
      const route = routes[`${req.method} ${url.pathname}`];
      if (!route) return send(res, 404, 'text/plain', 'Not found');
      await route(req, res, url);
    };
    handle().catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain', (e as Error).stack ?? String(e));
    });
  });
}
