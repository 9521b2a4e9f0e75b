// `npm run bench`: prints the project's speed and scale numbers (never asserted in unit tests).
// Sections: the emulator's metric engine; the import and formula benchmarks join here as they land.

import { benchMetricEngine } from './metric-engine';

function main(): void {
  console.log('== metric engine (emulator), 10,000 customers / 50,000 lines');
  const m = benchMetricEngine();
  for (const [k, v] of Object.entries(m)) console.log(`  ${k.padEnd(22)} ${v.toFixed(1)} ms`);
}

main();
