// ScriptApp fake: enums, installable triggers with the published Editor add-on rules, and the trigger store (env.triggers).
// Rules: one trigger of each event type per user per document; time-driven triggers at most hourly.

import { Runtime, instrument, isDate, dateMs } from './runtime';
import { isValidTimeZone } from './timezone';

type GTrigger = GoogleAppsScript.Script.Trigger;

export const AuthMode = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' } as const;
export const TriggerSource = { SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK', FORMS: 'FORMS', DOCUMENTS: 'DOCUMENTS', CALENDAR: 'CALENDAR' } as const;
export const EventType = { CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT', ON_CHANGE: 'ON_CHANGE', ON_EVENT_UPDATED: 'ON_EVENT_UPDATED' } as const;
export const WeekDay = { MONDAY: 'MONDAY', TUESDAY: 'TUESDAY', WEDNESDAY: 'WEDNESDAY', THURSDAY: 'THURSDAY', FRIDAY: 'FRIDAY', SATURDAY: 'SATURDAY', SUNDAY: 'SUNDAY' } as const;
export const AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' } as const;

export const TOO_MANY_TIME_TRIGGERS = 'This add-on has created too many time-based triggers in this document for this Google Account user.';
export const TOO_FREQUENT = "Add-ons can't create time-based triggers that run more often than once per hour.";

export interface TriggerSchedule {
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  onWeekDay?: string;
  onMonthDay?: number;
  atHour?: number;
  nearMinute?: number;
  /** One-off: fire after this many ms from creation / at this epoch ms. */
  afterMs?: number;
  at?: number;
  timeZone?: string;
}

export interface TriggerInfo {
  id: string;
  handlerFunction: string;
  eventType: keyof typeof EventType;
  triggerSource: keyof typeof TriggerSource;
  triggerSourceId: string | null;
  user: string;
  documentId: string;
  createdAt: number;
  /** For CLOCK triggers. */
  schedule?: TriggerSchedule;
}

export class FakeTrigger implements Pick<GTrigger, 'getHandlerFunction' | 'getUniqueId' | 'getTriggerSourceId'> {
  constructor(
    rt: Runtime,
    readonly info: TriggerInfo,
  ) {
    return instrument(this, rt, 'ScriptApp', 'Trigger');
  }
  getHandlerFunction(): string {
    return this.info.handlerFunction;
  }
  getUniqueId(): string {
    return this.info.id;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return this.info.triggerSource as unknown as GoogleAppsScript.Script.TriggerSource;
  }
  getTriggerSourceId(): string {
    return this.info.triggerSourceId as string;
  }
  getEventType(): GoogleAppsScript.Script.EventType {
    return this.info.eventType as unknown as GoogleAppsScript.Script.EventType;
  }
}

/** Test-facing store of installable triggers (env.triggers). Firing one = calling its handler function by name. */
export class FakeTriggerStore {
  readonly triggers: FakeTrigger[] = [];
  private nextId = 1;
  constructor(private readonly rt: Runtime) {}

  list(): TriggerInfo[] {
    return this.triggers.map((t) => ({ ...t.info, schedule: t.info.schedule && { ...t.info.schedule } }));
  }
  clear(): void {
    this.triggers.length = 0;
  }
  newId(): string {
    return String(this.nextId++ * 7919 + 100000);
  }
  add(info: TriggerInfo): FakeTrigger {
    const same = this.triggers.filter((t) => t.info.user === info.user && t.info.documentId === info.documentId && t.info.eventType === info.eventType);
    if (same.length > 0) {
      if (info.eventType === 'CLOCK') throw this.rt.error(TOO_MANY_TIME_TRIGGERS);
      throw this.rt.error(`This add-on has created too many ${info.eventType} triggers in this document for this Google Account user.`);
    }
    const t = new FakeTrigger(this.rt, info);
    this.triggers.push(t);
    return t;
  }
}

interface Context {
  rt: Runtime;
  store: FakeTriggerStore;
  user: () => string;
  documentId: string;
}

class ClockTriggerBuilder {
  private readonly s: TriggerSchedule = {};
  constructor(
    private readonly ctx: Context,
    private readonly handler: string,
  ) {
    return instrument(this, ctx.rt, 'ScriptApp', 'ClockTriggerBuilder');
  }
  private int(n: unknown, min: number, max: number, what: string): number {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) throw this.ctx.rt.error(`Invalid argument: ${what} (${String(n)})`);
    return n;
  }
  everyMinutes(_n: number): this {
    throw this.ctx.rt.error(TOO_FREQUENT);
  }
  everyHours(n: number): this {
    if (typeof n === 'number' && n < 1) throw this.ctx.rt.error(TOO_FREQUENT);
    if (![1, 2, 4, 6, 8, 12].includes(n)) throw this.ctx.rt.error(`Invalid argument: everyHours (${String(n)}); use 1, 2, 4, 6, 8 or 12.`);
    this.s.everyHours = n;
    return this;
  }
  everyDays(n: number): this {
    this.s.everyDays = this.int(n, 1, 366, 'everyDays');
    return this;
  }
  everyWeeks(n: number): this {
    this.s.everyWeeks = this.int(n, 1, 52, 'everyWeeks');
    return this;
  }
  onWeekDay(day: GoogleAppsScript.Base.Weekday | string): this {
    const d = String(day);
    if (!(d in WeekDay)) throw this.ctx.rt.error(`Invalid argument: day (${d})`);
    this.s.onWeekDay = d;
    return this;
  }
  onMonthDay(day: number): this {
    this.s.onMonthDay = this.int(day, 1, 31, 'onMonthDay');
    return this;
  }
  atHour(hour: number): this {
    this.s.atHour = this.int(hour, 0, 23, 'atHour');
    return this;
  }
  nearMinute(minute: number): this {
    this.s.nearMinute = this.int(minute, 0, 59, 'nearMinute');
    return this;
  }
  after(durationMilliseconds: number): this {
    if (typeof durationMilliseconds !== 'number' || !(durationMilliseconds >= 0)) throw this.ctx.rt.error('Invalid argument: durationMilliseconds');
    if (durationMilliseconds < 3600000) throw this.ctx.rt.error(TOO_FREQUENT);
    this.s.afterMs = durationMilliseconds;
    return this;
  }
  at(date: Date): this {
    if (!isDate(date)) throw this.ctx.rt.error('Invalid argument: date');
    this.s.at = dateMs(date);
    return this;
  }
  inTimezone(timezone: string): this {
    if (!isValidTimeZone(timezone)) throw this.ctx.rt.error(`Invalid argument: timezone (${timezone})`);
    this.s.timeZone = timezone;
    return this;
  }
  create(): GTrigger {
    const s = this.s;
    const recurring = [s.everyHours, s.everyDays, s.everyWeeks, s.onMonthDay].filter((x) => x !== undefined).length;
    const oneOff = [s.afterMs, s.at].filter((x) => x !== undefined).length;
    if (recurring + oneOff !== 1) {
      throw this.ctx.rt.error('A time-based trigger needs exactly one schedule: everyHours, everyDays, everyWeeks, onMonthDay, after or at.');
    }
    if ((s.atHour !== undefined || s.nearMinute !== undefined) && s.everyDays === undefined && s.everyWeeks === undefined && s.onMonthDay === undefined) {
      throw this.ctx.rt.error('atHour()/nearMinute() need everyDays(), everyWeeks() or onMonthDay().');
    }
    if (s.onWeekDay !== undefined && s.everyWeeks === undefined) throw this.ctx.rt.error('onWeekDay() needs everyWeeks().');
    return this.ctx.store.add({
      id: this.ctx.store.newId(),
      handlerFunction: this.handler,
      eventType: 'CLOCK',
      triggerSource: 'CLOCK',
      triggerSourceId: null,
      user: this.ctx.user(),
      documentId: this.ctx.documentId,
      createdAt: this.ctx.rt.clock.now(),
      schedule: { ...s },
    }) as unknown as GTrigger;
  }
}

class SpreadsheetTriggerBuilder {
  private event?: keyof typeof EventType;
  constructor(
    private readonly ctx: Context,
    private readonly handler: string,
  ) {
    return instrument(this, ctx.rt, 'ScriptApp', 'SpreadsheetTriggerBuilder');
  }
  onOpen(): this {
    this.event = 'ON_OPEN';
    return this;
  }
  onEdit(): this {
    this.event = 'ON_EDIT';
    return this;
  }
  onChange(): this {
    this.event = 'ON_CHANGE';
    return this;
  }
  onFormSubmit(): this {
    this.event = 'ON_FORM_SUBMIT';
    return this;
  }
  create(): GTrigger {
    if (!this.event) throw this.ctx.rt.error('Choose an event (onOpen, onEdit, onChange, onFormSubmit) before create().');
    return this.ctx.store.add({
      id: this.ctx.store.newId(),
      handlerFunction: this.handler,
      eventType: this.event,
      triggerSource: 'SPREADSHEETS',
      triggerSourceId: this.ctx.documentId,
      user: this.ctx.user(),
      documentId: this.ctx.documentId,
      createdAt: this.ctx.rt.clock.now(),
    }) as unknown as GTrigger;
  }
}

class TriggerBuilder {
  constructor(
    private readonly ctx: Context,
    private readonly handler: string,
  ) {
    return instrument(this, ctx.rt, 'ScriptApp', 'TriggerBuilder');
  }
  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.ctx, this.handler);
  }
  forSpreadsheet(sheet: string | { getId(): string }): SpreadsheetTriggerBuilder {
    const id = typeof sheet === 'string' ? sheet : sheet?.getId?.();
    if (id !== this.ctx.documentId) throw this.ctx.rt.error('An add-on can only create triggers for the document it is used in.');
    return new SpreadsheetTriggerBuilder(this.ctx, this.handler);
  }
}

export class FakeScriptApp {
  readonly AuthMode = AuthMode;
  readonly TriggerSource = TriggerSource;
  readonly EventType = EventType;
  readonly WeekDay = WeekDay;
  readonly AuthorizationStatus = AuthorizationStatus;
  private readonly ctx: Context;

  constructor(rt: Runtime, store: FakeTriggerStore, user: () => string, documentId: string) {
    this.ctx = { rt, store, user, documentId };
    return instrument(this, rt, 'ScriptApp', null);
  }
  newTrigger(functionName: string): TriggerBuilder {
    if (typeof functionName !== 'string' || !/^[A-Za-z$][\w$]*$/.test(functionName) || functionName.endsWith('_')) {
      throw this.ctx.rt.error(`Invalid argument: functionName (${String(functionName)}). Triggers need a public top-level function name.`);
    }
    return new TriggerBuilder(this.ctx, functionName);
  }
  getProjectTriggers(): GTrigger[] {
    return this.mine().filter((t) => t.info.documentId === this.ctx.documentId) as unknown as GTrigger[];
  }
  getUserTriggers(document: { getId(): string }): GTrigger[] {
    const id = document?.getId?.();
    return this.mine().filter((t) => t.info.documentId === id) as unknown as GTrigger[];
  }
  deleteTrigger(trigger: GTrigger): void {
    const id = (trigger as unknown as FakeTrigger)?.info?.id;
    const i = this.ctx.store.triggers.findIndex((t) => t.info.id === id);
    if (i < 0) throw this.ctx.rt.error('The trigger does not exist (already deleted?).');
    this.ctx.store.triggers.splice(i, 1);
  }
  getScriptId(): string {
    return 'fake-script-id';
  }
  getOAuthToken(): string {
    return 'fake-oauth-token';
  }
  getAuthorizationInfo(_authMode: unknown): { getAuthorizationStatus(): string; getAuthorizationUrl(): string | null } {
    return { getAuthorizationStatus: () => AuthorizationStatus.NOT_REQUIRED, getAuthorizationUrl: () => null };
  }
  private mine(): FakeTrigger[] {
    const user = this.ctx.user();
    return this.ctx.store.triggers.filter((t) => t.info.user === user);
  }
}
