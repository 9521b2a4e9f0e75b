// The Sheets Ui fake (SpreadsheetApp.getUi()): add-on/custom menus, alerts, prompts, sidebars and dialogs.
// FakeUi is the test-facing recorder (env.ui); its `service` is what scripts get, so inspection is never counted.

import type { FakeHtmlOutput } from './html-service';
import { Runtime, instrument } from './runtime';

export const Button = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
export const ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;
export type ButtonName = keyof typeof Button;
export type ButtonSetName = keyof typeof ButtonSet;

const BUTTONS_OF: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK', 'CLOSE'],
  OK_CANCEL: ['OK', 'CANCEL', 'CLOSE'],
  YES_NO: ['YES', 'NO', 'CLOSE'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL', 'CLOSE'],
};

export interface MenuItemRecord {
  type: 'item' | 'separator' | 'submenu';
  caption?: string;
  functionName?: string;
  /** For type 'submenu'. */
  menu?: MenuRecord;
}

export interface MenuRecord {
  name: string;
  addon: boolean;
  items: MenuItemRecord[];
}

export interface AlertRecord {
  title: string;
  prompt: string;
  buttons: ButtonSetName;
  response: ButtonName;
}

export interface PromptRecord extends AlertRecord {
  responseText: string;
}

export interface DialogRecord {
  output: FakeHtmlOutput;
  title: string;
  modal: boolean;
}

class FakeMenu {
  readonly record: MenuRecord;
  constructor(
    private readonly ui: FakeUi,
    rt: Runtime,
    name: string,
    addon: boolean,
  ) {
    this.record = { name, addon, items: [] };
    return instrument(this, rt, 'SpreadsheetApp', 'Menu');
  }
  addItem(caption: string, functionName: string): this {
    if (typeof caption !== 'string' || caption === '') throw this.ui.rt.error('Invalid argument: caption');
    if (typeof functionName !== 'string' || !/^[A-Za-z_$][\w$.]*$/.test(functionName)) {
      throw this.ui.rt.error(`Invalid argument: functionName (${String(functionName)})`);
    }
    this.record.items.push({ type: 'item', caption, functionName });
    return this;
  }
  addSeparator(): this {
    this.record.items.push({ type: 'separator' });
    return this;
  }
  addSubMenu(menu: FakeMenu): this {
    if (!(menu instanceof FakeMenu)) throw this.ui.rt.error("The parameters don't match the method signature for SpreadsheetApp.Menu.addSubMenu.");
    this.record.items.push({ type: 'submenu', caption: menu.record.name, menu: menu.record });
    return this;
  }
  addToUi(): void {
    const existing = this.ui.menus.findIndex((m) => m.name === this.record.name && m.addon === this.record.addon);
    const copy = cloneMenu(this.record);
    if (existing >= 0) this.ui.menus[existing] = copy;
    else this.ui.menus.push(copy);
  }
}

function cloneMenu(m: MenuRecord): MenuRecord {
  return { ...m, items: m.items.map((i) => (i.menu ? { ...i, menu: cloneMenu(i.menu) } : { ...i })) };
}

class UiService {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(private readonly ui: FakeUi) {
    return instrument(this, ui.rt, 'SpreadsheetApp', 'Ui');
  }
  createAddonMenu(): FakeMenu {
    return new FakeMenu(this.ui, this.ui.rt, this.ui.addonMenuName, true);
  }
  createMenu(caption: string): FakeMenu {
    if (typeof caption !== 'string' || caption === '') throw this.ui.rt.error('Invalid argument: caption');
    return new FakeMenu(this.ui, this.ui.rt, caption, false);
  }
  alert(a: string, b?: unknown, c?: unknown): string {
    const { title, prompt, buttons } = dialogArgs(this.ui.rt, a, b, c);
    const response = this.ui.answer(this.ui.alertQueue, buttons);
    this.ui.alerts.push({ title, prompt, buttons, response });
    return Button[response];
  }
  prompt(a: string, b?: unknown, c?: unknown): { getResponseText(): string; getSelectedButton(): string } {
    const { title, prompt, buttons } = dialogArgs(this.ui.rt, a, b, c);
    const queued = this.ui.promptQueue.shift();
    const response = queued ? this.ui.checkButton(queued.button, buttons) : BUTTONS_OF[buttons][0];
    const text = queued ? queued.text : '';
    this.ui.prompts.push({ title, prompt, buttons, response, responseText: text });
    return instrument({ getResponseText: () => text, getSelectedButton: () => Button[response] }, this.ui.rt, 'SpreadsheetApp', 'PromptResponse');
  }
  showSidebar(userInterface: FakeHtmlOutput): void {
    this.ui.sidebars.push(this.ui.html(userInterface, 'showSidebar'));
  }
  showModalDialog(userInterface: FakeHtmlOutput, title: string): void {
    this.ui.dialogs.push({ output: this.ui.html(userInterface, 'showModalDialog'), title: String(title), modal: true });
  }
  showModelessDialog(userInterface: FakeHtmlOutput, title: string): void {
    this.ui.dialogs.push({ output: this.ui.html(userInterface, 'showModelessDialog'), title: String(title), modal: false });
  }
}

function dialogArgs(rt: Runtime, a: unknown, b: unknown, c: unknown): { title: string; prompt: string; buttons: ButtonSetName } {
  if (c !== undefined) return { title: String(a), prompt: String(b), buttons: buttonSet(rt, c) };
  if (b !== undefined) return { title: '', prompt: String(a), buttons: buttonSet(rt, b) };
  return { title: '', prompt: String(a), buttons: 'OK' };
}

function buttonSet(rt: Runtime, value: unknown): ButtonSetName {
  const name = String(value);
  if (!(name in ButtonSet)) throw rt.error(`Invalid argument: buttons (${name})`);
  return name as ButtonSetName;
}

/** Test-facing recorder of everything the script did with the Ui; scripted answers for alert/prompt. */
export class FakeUi {
  readonly menus: MenuRecord[] = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly prompts: PromptRecord[] = [];
  readonly alertQueue: ButtonName[] = [];
  readonly promptQueue: Array<{ text: string; button: ButtonName }> = [];
  /** What SpreadsheetApp.getUi() returns. */
  readonly service: UiService;

  constructor(
    readonly rt: Runtime,
    readonly addonMenuName: string,
    private readonly isHtmlOutput: (x: unknown) => x is FakeHtmlOutput,
  ) {
    this.service = new UiService(this);
  }

  /** The next alert() returns this button (default: the first button of its set, OK or YES). */
  queueAlertResponse(button: ButtonName | string): void {
    this.alertQueue.push(String(button) as ButtonName);
  }
  /** The next prompt() returns this text and button (default: '' and OK/YES). */
  queuePromptResponse(text: string, button: ButtonName | string = 'OK'): void {
    this.promptQueue.push({ text, button: String(button) as ButtonName });
  }
  /** The menu item with this caption in any recorded menu (searching submenus), for "clicking" it. */
  findMenuItem(caption: string): MenuItemRecord | undefined {
    const walk = (items: MenuItemRecord[]): MenuItemRecord | undefined => {
      for (const i of items) {
        if (i.type === 'item' && i.caption === caption) return i;
        const inner = i.menu && walk(i.menu.items);
        if (inner) return inner;
      }
      return undefined;
    };
    for (const m of this.menus) {
      const hit = walk(m.items);
      if (hit) return hit;
    }
    return undefined;
  }
  reset(): void {
    for (const list of [this.menus, this.sidebars, this.dialogs, this.alerts, this.prompts, this.alertQueue, this.promptQueue] as unknown[][]) {
      list.length = 0;
    }
  }

  answer(queue: ButtonName[], buttons: ButtonSetName): ButtonName {
    const queued = queue.shift();
    return queued ? this.checkButton(queued, buttons) : BUTTONS_OF[buttons][0];
  }
  checkButton(button: ButtonName, buttons: ButtonSetName): ButtonName {
    if (!BUTTONS_OF[buttons].includes(button)) {
      throw new Error(`FakeUi: queued response ${button} is not a button of ButtonSet.${buttons} (${BUTTONS_OF[buttons].join(', ')})`);
    }
    return button;
  }
  html(output: unknown, method: string): FakeHtmlOutput {
    if (!this.isHtmlOutput(output)) {
      throw this.rt.error(`The parameters (${typeof output}) don't match the method signature for Ui.${method}.`);
    }
    return output;
  }
}
