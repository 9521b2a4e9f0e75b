// The bundle's public API: everything the top-level wrappers in entrypoints.js may call.
// esbuild exposes these as the global `CMAddon`; each needs a wrapper declaration to be visible to Apps Script.

export { onOpen, onInstall, showSidebar } from './menu';
export { getSettings, saveSettings, testConnection, listDataSources, createDataSource, disconnect } from './settingsApi';
