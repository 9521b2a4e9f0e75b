// Import panel: insert templates, check tabs, import with progress, cancel, undo.
// Filled in by the Import issue; mount() renders into its section of the sidebar.

import type { SettingsView } from '../../gas/settingsApi';
import { h } from '../dom';

export function mountImport(root: HTMLElement, _settings: SettingsView): void {
  root.appendChild(h('p', { class: 'muted' }, ['Import is not available yet.']));
}
