// SpreadsheetApp service fake: the active spreadsheet, the Ui, data-validation builders and enums.
// openById/openByUrl/create throw: the add-on only has the spreadsheets.currentonly scope.

import { ChartType } from './charts';
import { DataValidationCriteria } from './data-validation';
import { Runtime, instrument } from './runtime';
import type { FakeSpreadsheet } from './spreadsheet';
import type { FakeUi } from './ui';

type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export class FakeSpreadsheetApp {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly ChartType = ChartType;

  constructor(
    private readonly rt: Runtime,
    private readonly ss: FakeSpreadsheet,
    private readonly ui: FakeUi,
  ) {
    return instrument(this, rt, 'SpreadsheetApp', null);
  }
  getActiveSpreadsheet(): GSpreadsheet {
    return this.ss as unknown as GSpreadsheet;
  }
  getActive(): GSpreadsheet {
    return this.ss as unknown as GSpreadsheet;
  }
  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.ss.getActiveSheet();
  }
  getActiveRange(): GoogleAppsScript.Spreadsheet.Range {
    return this.ss.getActiveSheet().getRange('A1');
  }
  getUi(): GoogleAppsScript.Base.Ui {
    return this.ui.service as unknown as GoogleAppsScript.Base.Ui;
  }
  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return this.ss._newValidationBuilder() as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  }
  flush(): void {
    // Writes are applied immediately in the fake.
  }
  openById(_id: string): never {
    throw this.rt.error('You do not have permission to call SpreadsheetApp.openById');
  }
  openByUrl(_url: string): never {
    throw this.rt.error('You do not have permission to call SpreadsheetApp.openByUrl');
  }
  create(_name: string): never {
    throw this.rt.error('You do not have permission to call SpreadsheetApp.create');
  }
}
