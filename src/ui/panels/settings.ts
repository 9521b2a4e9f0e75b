// Settings panel: API key (masked), connection test, data source choice, formula key, time zone warning.
// Filled in by the Import issue's settings work; mount() renders into its section of the sidebar.

import type { SettingsView } from '../../gas/settingsApi';
import { h } from '../dom';

export function mountSettings(root: HTMLElement, settings: SettingsView): void {
  root.appendChild(h('p', { class: 'muted' }, [settings.connected ? 'Connected.' : 'Not connected yet.']));
}
