// Data validation rules and their builder (SpreadsheetApp.newDataValidation()), kept for inspection.
// Rules are immutable; copy() returns a builder preloaded with the rule, like the real API.

import { Runtime, instrument, isDate } from './runtime';

type GDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

export const DataValidationCriteria = {
  CHECKBOX: 'CHECKBOX',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_BETWEEN: 'DATE_BETWEEN',
  DATE_EQUAL_TO: 'DATE_EQUAL_TO',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  DATE_NOT_BETWEEN: 'DATE_NOT_BETWEEN',
  DATE_ON_OR_AFTER: 'DATE_ON_OR_AFTER',
  DATE_ON_OR_BEFORE: 'DATE_ON_OR_BEFORE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  NUMBER_NOT_BETWEEN: 'NUMBER_NOT_BETWEEN',
  NUMBER_NOT_EQUAL_TO: 'NUMBER_NOT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_DOES_NOT_CONTAIN: 'TEXT_DOES_NOT_CONTAIN',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
  TEXT_IS_VALID_URL: 'TEXT_IS_VALID_URL',
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
} as const;
export type CriteriaType = keyof typeof DataValidationCriteria;

interface RuleState {
  criteria?: CriteriaType;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export class FakeDataValidation
  implements Pick<GDataValidation, 'getCriteriaValues' | 'getAllowInvalid' | 'getHelpText'>
{
  constructor(
    private readonly rt: Runtime,
    readonly state: Readonly<RuleState>,
  ) {
    return instrument(this, rt, 'SpreadsheetApp', 'DataValidation');
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this.state.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }
  getCriteriaValues(): any[] {
    return this.state.values.map((v) => (Array.isArray(v) ? [...v] : v));
  }
  getAllowInvalid(): boolean {
    return this.state.allowInvalid;
  }
  getHelpText(): string {
    return this.state.helpText as string;
  }
  copy(): GBuilder {
    return new FakeDataValidationBuilder(this.rt, { ...this.state, values: [...this.state.values] }) as unknown as GBuilder;
  }
}

export class FakeDataValidationBuilder {
  private readonly state: RuleState;
  constructor(
    private readonly rt: Runtime,
    initial?: RuleState,
  ) {
    this.state = initial ?? { values: [], allowInvalid: true, helpText: null };
    return instrument(this, rt, 'SpreadsheetApp', 'DataValidationBuilder');
  }
  private set(criteria: CriteriaType, values: unknown[]): this {
    this.state.criteria = criteria;
    this.state.values = values;
    return this;
  }
  requireValueInList(values: string[], showDropdown = true): this {
    if (!Array.isArray(values)) throw this.rt.error('The parameters (' + typeof values + ") don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.");
    return this.set('VALUE_IN_LIST', [values.map(String), showDropdown]);
  }
  requireValueInRange(range: unknown, showDropdown = true): this {
    return this.set('VALUE_IN_RANGE', [range, showDropdown]);
  }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): this {
    const values = checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    return this.set('CHECKBOX', values);
  }
  requireDate(): this {
    return this.set('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(date: Date): this {
    return this.set('DATE_AFTER', [this.date(date)]);
  }
  requireDateBefore(date: Date): this {
    return this.set('DATE_BEFORE', [this.date(date)]);
  }
  requireDateBetween(start: Date, end: Date): this {
    return this.set('DATE_BETWEEN', [this.date(start), this.date(end)]);
  }
  requireNumberBetween(start: number, end: number): this {
    return this.set('NUMBER_BETWEEN', [this.num(start), this.num(end)]);
  }
  requireNumberGreaterThan(n: number): this {
    return this.set('NUMBER_GREATER_THAN', [this.num(n)]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): this {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [this.num(n)]);
  }
  requireNumberLessThan(n: number): this {
    return this.set('NUMBER_LESS_THAN', [this.num(n)]);
  }
  requireNumberLessThanOrEqualTo(n: number): this {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [this.num(n)]);
  }
  requireTextIsEmail(): this {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): this {
    return this.set('TEXT_IS_VALID_URL', []);
  }
  requireFormulaSatisfied(formula: string): this {
    return this.set('CUSTOM_FORMULA', [formula]);
  }
  setAllowInvalid(allowInvalid: boolean): this {
    this.state.allowInvalid = !!allowInvalid;
    return this;
  }
  setHelpText(text: string): this {
    this.state.helpText = text;
    return this;
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this.state.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }
  getCriteriaValues(): any[] {
    return [...this.state.values];
  }
  build(): GDataValidation {
    if (!this.state.criteria) throw this.rt.error('A data validation rule needs criteria: call one of the require...() methods before build().');
    return new FakeDataValidation(this.rt, { ...this.state, values: [...this.state.values] }) as unknown as GDataValidation;
  }
  private num(n: unknown): number {
    if (typeof n !== 'number' || !Number.isFinite(n)) throw this.rt.error(`Invalid argument: ${String(n)}`);
    return n;
  }
  private date(d: unknown): Date {
    if (!isDate(d)) throw this.rt.error(`Invalid argument: ${String(d)}`);
    return d;
  }
}
