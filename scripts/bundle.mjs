// Bundles the extension client, the language server and the CLI with esbuild. `tsc -b` type-checks first.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };
await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/dist/server.js' }),
  // The workspace scan's worker threads (server/src/scan-pool.ts loads it from beside server.js).
  build({ ...common, entryPoints: ['server/src/scan-worker.ts'], outfile: 'server/dist/scan-worker.js' }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'server/dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);
