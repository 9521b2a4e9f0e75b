// Lock port over an Apps Script LockService lock (the document lock for formula coalescing).
// tryLock never throws here for a timeout; releaseLock is safe to call when not held.

import type { Lock } from '../../core/ports';

export class AppsScriptLock implements Lock {
  constructor(private readonly lock: GoogleAppsScript.Lock.Lock) {}

  tryLock(timeoutMs: number): boolean {
    return this.lock.tryLock(timeoutMs);
  }
  release(): void {
    this.lock.releaseLock();
  }
}
