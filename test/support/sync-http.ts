// Synchronous HTTP for Node (the UrlFetchApp fake and the Node transport): blocks the calling thread until done.
// One long-lived worker thread does the I/O; the caller sleeps in Atomics.wait and reads the answer with receiveMessageOnPort.
//
// DEADLOCK WARNING: while syncHttp blocks, this thread's event loop is frozen. A server started in the SAME thread
// (e.g. `http.createServer().listen()` inside a jest test) can never answer, so such a request only ends by its
// timeout (30 s by default) with status 0 and an error that says so. Run test servers in a child process
// (`child_process.fork`) or in another worker thread.

import { MessageChannel, MessagePort, Worker, receiveMessageOnPort } from 'worker_threads';
import { join } from 'path';

export interface SyncHttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Per request; default 30 000 ms. */
  timeoutMs?: number;
  /** Follow 3xx redirects (up to 10). Default false: the 3xx response is returned as is. */
  followRedirects?: boolean;
  /** Accept invalid TLS certificates (UrlFetchApp's validateHttpsCertificates: false). */
  insecure?: boolean;
}

export interface SyncHttpResponse {
  status: number;
  /** Header names in lower case; repeated headers joined with ', '. */
  headers: Record<string, string>;
  body: string;
  /** Present when status is 0: the request got no HTTP answer (refused, reset, DNS, timeout). */
  error?: string;
  /** Node error code behind `error` ('ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', ...). */
  code?: string;
  /** Headers exactly as the server sent them (original case, repeats kept). */
  rawHeaders?: Array<[string, string]>;
}

export const DEFAULT_TIMEOUT_MS = 30000;
/** Extra time the caller waits beyond the longest request timeout before declaring the worker dead. */
const WORKER_GRACE_MS = 5000;

interface WorkerState {
  worker: Worker;
  port: MessagePort;
  nextId: number;
}

let state: WorkerState | undefined;

function ensureWorker(): WorkerState {
  if (state) return state;
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(join(__dirname, 'sync-http-worker.js'), {
    workerData: { port: port2 },
    transferList: [port2],
  });
  worker.unref();
  port1.unref();
  worker.on('error', () => {
    state = undefined;
  });
  worker.on('exit', () => {
    state = undefined;
  });
  state = { worker, port: port1, nextId: 1 };
  return state;
}

const LOOPBACK = /^https?:\/\/(localhost|127\.|\[::1\])/i;

/** Runs the requests concurrently in the worker and blocks until all have finished (or timed out). */
export function syncHttp(requests: SyncHttpRequest[]): SyncHttpResponse[] {
  if (requests.length === 0) return [];
  const s = ensureWorker();
  const id = s.nextId++;
  const flag = new SharedArrayBuffer(4);
  const normalized = requests.map((r) => ({ ...r, timeoutMs: r.timeoutMs ?? DEFAULT_TIMEOUT_MS }));
  const longest = Math.max(...normalized.map((r) => r.timeoutMs));
  s.worker.postMessage({ id, flag, requests: normalized });
  const outcome = Atomics.wait(new Int32Array(flag), 0, 0, longest + WORKER_GRACE_MS);
  for (;;) {
    const received = receiveMessageOnPort(s.port);
    if (!received) break;
    const msg = received.message as { id: number; responses: SyncHttpResponse[] };
    if (msg.id !== id) continue; // a stale answer from a call that gave up waiting
    return msg.responses.map((res, i) => explainTimeout(res, normalized[i]));
  }
  throw new Error(
    `syncHttp: the HTTP worker did not answer within ${longest + WORKER_GRACE_MS} ms (Atomics.wait: ${outcome})`,
  );
}

function explainTimeout(res: SyncHttpResponse, req: SyncHttpRequest): SyncHttpResponse {
  if (res.code !== 'ETIMEDOUT' || !LOOPBACK.test(req.url)) return res;
  return {
    ...res,
    error:
      `${res.error} for ${req.url}. If this server runs in the same thread as the caller it cannot answer while ` +
      'syncHttp blocks: start it in a child process (child_process.fork) or a worker thread.',
  };
}

/** Stops the worker (optional: it is unref'ed and never keeps the process alive). */
export function stopSyncHttpWorker(): Promise<number> | undefined {
  const s = state;
  state = undefined;
  return s?.worker.terminate();
}
