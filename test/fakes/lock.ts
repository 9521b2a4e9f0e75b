// LockService fake: document/script/user locks within one simulated execution, plus "another execution holds it".
// Waiting does not really block: tryLock/waitLock advance the virtual clock, and an elsewhere-hold may end at a set time.

import { Runtime, instrument } from './runtime';

type GLock = GoogleAppsScript.Lock.Lock;
export type LockKind = 'document' | 'script' | 'user';

interface LockState {
  heldHere: boolean;
  /** Held by another execution until this clock time (Infinity: until releaseElsewhere()). */
  elsewhereUntil: number;
}

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

export class FakeLock implements Pick<GLock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  constructor(
    private readonly rt: Runtime,
    private readonly state: LockState,
  ) {
    return instrument(this, rt, 'LockService', 'Lock');
  }
  tryLock(timeoutInMillis: number): boolean {
    if (typeof timeoutInMillis !== 'number' || !(timeoutInMillis >= 0)) throw this.rt.error('Invalid argument: timeoutInMillis');
    if (this.state.heldHere) return true;
    const now = this.rt.clock.now();
    if (this.state.elsewhereUntil > now) {
      const freeAt = this.state.elsewhereUntil;
      if (freeAt - now > timeoutInMillis) {
        this.rt.clock.advance(timeoutInMillis);
        return false;
      }
      this.rt.clock.advance(freeAt - now);
      this.state.elsewhereUntil = 0;
    }
    this.state.heldHere = true;
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw this.rt.error(LOCK_TIMEOUT_MESSAGE);
  }
  releaseLock(): void {
    this.state.heldHere = false;
  }
  hasLock(): boolean {
    return this.state.heldHere;
  }
}

/** Test-facing control of the three locks (env.locks). */
export class FakeLocks {
  readonly states: Record<LockKind, LockState> = {
    document: { heldHere: false, elsewhereUntil: 0 },
    script: { heldHere: false, elsewhereUntil: 0 },
    user: { heldHere: false, elsewhereUntil: 0 },
  };
  constructor(private readonly rt: Runtime) {}

  /** Another execution holds the lock: forever (until releaseElsewhere) or for `forMs` of virtual time. */
  holdElsewhere(kind: LockKind, forMs?: number): void {
    this.states[kind].elsewhereUntil = forMs === undefined ? Infinity : this.rt.clock.now() + forMs;
  }
  holdDocumentLockElsewhere(forMs?: number): void {
    this.holdElsewhere('document', forMs);
  }
  holdScriptLockElsewhere(forMs?: number): void {
    this.holdElsewhere('script', forMs);
  }
  holdUserLockElsewhere(forMs?: number): void {
    this.holdElsewhere('user', forMs);
  }
  /** The other execution lets go (all locks, or one kind). */
  releaseElsewhere(kind?: LockKind): void {
    for (const k of kind ? [kind] : (Object.keys(this.states) as LockKind[])) this.states[k].elsewhereUntil = 0;
  }
  /** Ends the current execution: every lock it held is released, as Apps Script does. */
  releaseAll(): void {
    for (const k of Object.keys(this.states) as LockKind[]) this.states[k].heldHere = false;
  }
  isHeldHere(kind: LockKind): boolean {
    return this.states[kind].heldHere;
  }
  isHeldElsewhere(kind: LockKind): boolean {
    return this.states[kind].elsewhereUntil > this.rt.clock.now();
  }
}

export class FakeLockService {
  constructor(
    private readonly rt: Runtime,
    private readonly locks: FakeLocks,
  ) {
    return instrument(this, rt, 'LockService', null);
  }
  getDocumentLock(): GLock {
    return new FakeLock(this.rt, this.locks.states.document) as unknown as GLock;
  }
  getScriptLock(): GLock {
    return new FakeLock(this.rt, this.locks.states.script) as unknown as GLock;
  }
  getUserLock(): GLock {
    return new FakeLock(this.rt, this.locks.states.user) as unknown as GLock;
  }
}
