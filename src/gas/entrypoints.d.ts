// Type of the bundle's global namespace, so the hand-written wrappers in entrypoints.js are type-checked.
// A wrapper that calls a missing or misspelt export fails `npm run build`.

declare const CMAddon: typeof import('./index');
