// Values crossing the formula boundary: arguments as Sheets passes them (dates already turned into days by src/gas)
// and the cells the core returns (days and instants tagged, so src/gas can build Dates in the spreadsheet's zone).

/** A date cell, converted by src/gas to its calendar day in the spreadsheet's time zone. */
export interface DayValue {
  day: string; // YYYY-MM-DD
}

export type Scalar = string | number | boolean | DayValue | null | undefined;
/** One custom-function argument: a single value or a range (2-D array). */
export type Arg = Scalar | Scalar[][];

/** An output cell: plain values, a calendar day (shown at midnight in the sheet's zone) or an exact instant. */
export type OutCell = string | number | boolean | { day: string } | { instant: number };
export type Table = OutCell[][];

export type Interval = 'day' | 'week' | 'month' | 'quarter' | 'year';

export function isDayValue(v: unknown): v is DayValue {
  return v !== null && typeof v === 'object' && typeof (v as DayValue).day === 'string';
}
