// Drives one import from the browser: calls importTabs chunk by chunk (each its own short execution) until done,
// stops after the current chunk when cancelled, and gives up (leaving it to the hourly trigger) when no chunk progresses.

import type { ImportOptions, ImportSummary } from '../../core/import/engine/types';

/** The two server calls the loop needs (importServer in the sidebar, a fake in tests). */
export interface ChunkServer {
  importTabs(tabs: string[], options: ImportOptions): Promise<ImportSummary>;
  cancelImport(): Promise<ImportSummary>;
}

/** Time budget of one importTabs call: short, so Cancel answers quickly and each call is far from the 6-minute limit. */
export const CHUNK_MS = 25000;
/** Chunks in a row without a single row done before the runner stops (quota exhausted, rate limited…). */
export const MAX_STALLED_CHUNKS = 3;

export interface RunnerHooks {
  onChunk(summary: ImportSummary): void;
  /** Finished, cancelled, or stalled (`stalled` true: the run is unfinished and continues in the background). */
  onStop(summary: ImportSummary, how: 'done' | 'cancelled' | 'stalled'): void;
  onError(error: Error, last: ImportSummary | null): void;
}

export class ImportRunner {
  private cancelRequested = false;
  private active = false;

  constructor(
    private readonly server: ChunkServer,
    private readonly hooks: RunnerHooks,
  ) {}

  get running(): boolean {
    return this.active;
  }

  /** Asks the run to stop once the chunk in flight returns. */
  cancel(): void {
    if (this.active) this.cancelRequested = true;
  }

  async run(tabs: string[], options: ImportOptions): Promise<void> {
    if (this.active) return;
    this.active = true;
    this.cancelRequested = false;
    let opts: ImportOptions = { ...options, timeBudgetMs: CHUNK_MS };
    let last: ImportSummary | null = null;
    let stalled = 0;
    try {
      for (;;) {
        const s: ImportSummary = await this.server.importTabs(tabs, opts);
        if (opts.restart) {
          opts = { ...opts };
          delete opts.restart; // only the first call starts a new run; the next ones continue it
        }
        stalled = last && s.rowsDone <= last.rowsDone && !s.done ? stalled + 1 : 0;
        last = s;
        this.hooks.onChunk(s);
        if (s.done || s.cancelled) return this.hooks.onStop(s, s.cancelled ? 'cancelled' : 'done');
        if (this.cancelRequested) return this.hooks.onStop(await this.server.cancelImport(), 'cancelled');
        if (stalled >= MAX_STALLED_CHUNKS) return this.hooks.onStop(s, 'stalled');
      }
    } catch (e) {
      this.hooks.onError(e instanceof Error ? e : new Error(String(e)), last);
    } finally {
      this.active = false;
      this.cancelRequested = false;
    }
  }
}
