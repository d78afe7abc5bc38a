// Builds the entry points: the Zapier app, the MCP server and the standalone sandbox. The Zapier bundle
// inlines the tree-shaken zod/mini (a few KB) because every Zapier cold start pays for what it loads;
// the MCP and sandbox bundles leave their dependencies in node_modules.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', format: 'cjs', logLevel: 'warning', legalComments: 'none' };

await Promise.all([
  build({ ...common, entryPoints: ['index.ts'], outfile: 'dist/index.js', external: ['zapier-platform-core'] }),
  build({ ...common, entryPoints: ['mcp/cli.ts'], outfile: 'dist/mcp.js', packages: 'external' }),
  build({ ...common, entryPoints: ['sandbox/cli.ts'], outfile: 'dist/sandbox.js', packages: 'external' }),
]);
