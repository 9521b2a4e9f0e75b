// Tiny HTTP server for tests of sync-http.ts and the UrlFetchApp fake; meant to run in a CHILD process (fork).
// Sends { port } to the parent when listening. Routes: /echo, /status/<n>, /slow?ms=, /headers, /redirect, /reset.
'use strict';

const http = require('http');

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const url = new URL(req.url, 'http://localhost');
    const body = Buffer.concat(chunks).toString('utf8');
    const path = url.pathname;
    if (path === '/echo') {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ method: req.method, path: req.url, headers: req.headers, body }));
    } else if (path.startsWith('/status/')) {
      const code = Number(path.slice('/status/'.length));
      res.statusCode = code;
      res.setHeader('Content-Type', 'application/json');
      res.end(url.searchParams.get('body') || JSON.stringify({ error: 'status ' + code, padding: 'x'.repeat(150) }));
    } else if (path === '/slow') {
      const ms = Number(url.searchParams.get('ms') || '200');
      setTimeout(() => res.end(JSON.stringify({ slept: ms, at: Date.now() })), ms);
    } else if (path === '/headers') {
      res.setHeader('X-Custom-Header', 'custom');
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('héllo');
    } else if (path === '/redirect') {
      res.statusCode = 302;
      res.setHeader('Location', '/echo?redirected=1');
      res.end();
    } else if (path === '/reset') {
      req.socket.destroy();
    } else {
      res.statusCode = 404;
      res.end('not found: ' + path);
    }
  });
});

server.listen(0, '127.0.0.1', () => {
  process.send({ port: server.address().port });
});
process.on('disconnect', () => process.exit(0));
