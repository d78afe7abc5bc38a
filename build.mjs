// Builds the entry points: the Zapier app, the MCP server and the standalone sandbox. The Zapier bundle
// inlines the tree-shaken zod/mini (a few KB) because every Zapier cold start pays for what it loads;
// the MCP and sandbox bundles leave their dependencies in node_modules. Then it writes the MCP tool
// catalog (dist/catalog.json), so the server lists its tools without building their schemas at start.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', format: 'cjs', logLevel: 'warning', legalComments: 'none' };

await Promise.all([
  build({ ...common, entryPoints: ['index.ts'], outfile: 'dist/index.js', external: ['zapier-platform-core'] }),
  build({ ...common, entryPoints: ['mcp/cli.ts'], outfile: 'dist/mcp.js', packages: 'external' }),
  build({ ...common, entryPoints: ['sandbox/cli.ts'], outfile: 'dist/sandbox.js', packages: 'external' }),
  build({ ...common, entryPoints: ['mcp/write-catalog.ts'], outfile: 'dist/write-catalog.js', packages: 'external' }),
]);
execFileSync(process.execPath, ['dist/write-catalog.js', 'dist/catalog.json'], { stdio: 'inherit' });
rmSync('dist/write-catalog.js');
