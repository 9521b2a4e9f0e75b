// Reports panel: build metric reports and lists into tabs, refresh and schedule them.
// Filled in by the Export issue; mount() renders into its section of the sidebar.

import type { SettingsView } from '../../gas/settingsApi';
import { h } from '../dom';

export function mountReports(root: HTMLElement, _settings: SettingsView): void {
  root.appendChild(h('p', { class: 'muted' }, ['Reports are not available yet.']));
}
