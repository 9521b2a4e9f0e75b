// HtmlService fake: createHtmlOutputFromFile reads `${htmlDir}/${name}.html`; outputs record title, size and content.
// The Ui fake accepts only these outputs for sidebars and dialogs, so tests can read back what was shown.

import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { Runtime, instrument } from './runtime';

type GHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

export class FakeHtmlOutput
  implements Pick<GHtmlOutput, 'getTitle' | 'getContent' | 'getWidth' | 'getHeight' | 'setTitle' | 'setWidth' | 'setHeight' | 'append' | 'setContent' | 'clear'>
{
  _title = '';
  _width = 0;
  _height = 0;
  _sandboxMode: string = SandboxMode.IFRAME;
  _xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;
  readonly _metaTags: Array<{ name: string; content: string }> = [];

  constructor(
    private readonly rt: Runtime,
    private _content: string,
    readonly _fileName?: string,
  ) {
    return instrument(this, rt, 'HtmlService', 'HtmlOutput');
  }
  private get _self(): GHtmlOutput {
    return this as unknown as GHtmlOutput;
  }
  getTitle(): string {
    return this._title;
  }
  setTitle(title: string): GHtmlOutput {
    this._title = String(title);
    return this._self;
  }
  getContent(): string {
    return this._content;
  }
  setContent(content: string): GHtmlOutput {
    this._content = String(content);
    return this._self;
  }
  append(addedContent: string): GHtmlOutput {
    this._content += String(addedContent);
    return this._self;
  }
  appendUntrusted(addedContent: string): GHtmlOutput {
    this._content += String(addedContent).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    return this._self;
  }
  clear(): GHtmlOutput {
    this._content = '';
    return this._self;
  }
  getWidth(): number {
    return this._width;
  }
  setWidth(width: number): GHtmlOutput {
    this._width = this.size(width, 'width');
    return this._self;
  }
  getHeight(): number {
    return this._height;
  }
  setHeight(height: number): GHtmlOutput {
    this._height = this.size(height, 'height');
    return this._self;
  }
  setSandboxMode(mode: string): GHtmlOutput {
    if (!(String(mode) in SandboxMode)) throw this.rt.error(`Invalid argument: mode (${String(mode)})`);
    this._sandboxMode = String(mode);
    return this._self;
  }
  getSandboxMode(): string {
    return this._sandboxMode;
  }
  setXFrameOptionsMode(mode: string): GHtmlOutput {
    if (!(String(mode) in XFrameOptionsMode)) throw this.rt.error(`Invalid argument: mode (${String(mode)})`);
    this._xFrameOptionsMode = String(mode);
    return this._self;
  }
  setFaviconUrl(_iconUrl: string): GHtmlOutput {
    return this._self;
  }
  addMetaTag(name: string, content: string): GHtmlOutput {
    this._metaTags.push({ name, content });
    return this._self;
  }
  private size(n: unknown, what: string): number {
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw this.rt.error(`Invalid argument: ${what} (${String(n)})`);
    return Math.trunc(n);
  }
}

export class FakeHtmlService {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  constructor(
    private readonly rt: Runtime,
    private readonly htmlDir: string,
  ) {
    return instrument(this, rt, 'HtmlService', null);
  }
  createHtmlOutputFromFile(filename: string): GHtmlOutput {
    const name = String(filename).replace(/\.html$/, '');
    const path = join(this.htmlDir, `${name}.html`);
    if (name === '' || name.includes('/') || name.includes('\\') || !existsSync(path)) {
      throw this.rt.error(`No HTML file named ${name} was found.`);
    }
    return new FakeHtmlOutput(this.rt, readFileSync(path, 'utf8'), name) as unknown as GHtmlOutput;
  }
  createHtmlOutput(html?: string): GHtmlOutput {
    return new FakeHtmlOutput(this.rt, html === undefined ? '' : String(html)) as unknown as GHtmlOutput;
  }
}
