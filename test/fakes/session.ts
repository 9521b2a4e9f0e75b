// Session fake: active/effective user, script time zone, locale and the temporary user key.
// In AuthMode.CUSTOM_FUNCTION the active user's email is '' (as for custom functions in shared sheets).

import { createHash } from 'crypto';
import { Runtime, instrument } from './runtime';

export interface SessionOptions {
  userEmail: () => string;
  scriptTimeZone: string;
  locale: string;
}

export class FakeSession {
  constructor(
    private readonly rt: Runtime,
    private readonly options: SessionOptions,
  ) {
    return instrument(this, rt, 'Session', null);
  }
  private user(email: string): { getEmail(): string; getUsername(): string } {
    return instrument({ getEmail: () => email, getUsername: () => email.split('@')[0] }, this.rt, 'Session', 'User');
  }
  getActiveUser(): { getEmail(): string; getUsername(): string } {
    return this.user(this.rt.authMode === 'CUSTOM_FUNCTION' ? '' : this.options.userEmail());
  }
  getEffectiveUser(): { getEmail(): string; getUsername(): string } {
    return this.user(this.options.userEmail());
  }
  getScriptTimeZone(): string {
    return this.options.scriptTimeZone;
  }
  getActiveUserLocale(): string {
    return this.options.locale;
  }
  getTemporaryActiveUserKey(): string {
    return createHash('sha256').update('temp-key:' + this.options.userEmail()).digest('base64').slice(0, 32);
  }
}
