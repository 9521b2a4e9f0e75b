// Test helper: starts test/support/sync-http-test-server.js in a child process and returns its base URL.
// The server must not live in the test's own thread, or synchronous HTTP would deadlock (see sync-http.ts).

import { ChildProcess, fork } from 'child_process';
import { join } from 'path';

export interface ChildServer {
  baseUrl: string;
  port: number;
  stop(): Promise<void>;
}

export function startChildServer(): Promise<ChildServer> {
  const child: ChildProcess = fork(join(__dirname, 'sync-http-test-server.js'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`test server exited early (code ${code})`)));
    child.once('message', (msg: unknown) => {
      const port = (msg as { port: number }).port;
      resolve({
        port,
        baseUrl: `http://127.0.0.1:${port}`,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill();
          }),
      });
    });
  });
}

/** A loopback port with nothing listening (bound then released), for connection-refused tests. */
export function closedPort(): Promise<number> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const net = require('net') as typeof import('net');
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as import('net').AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}
