// Builds the entry points: the Zapier app, the MCP server and the standalone sandbox. The Zapier bundle
// inlines the tree-shaken zod/mini (a few KB) because every Zapier cold start pays for what it loads;
// the MCP and sandbox bundles leave their dependencies in node_modules.
//
// Both faces list what they offer from data written here, not built at start: the MCP tool catalog
// (dist/catalog.json) and the Zapier steps (virtual:zapier-steps). The shipped Zapier app then loads an
// operation's module only when one of its steps runs (virtual:operation-loaders, one per operation file).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', format: 'cjs', logLevel: 'warning', legalComments: 'none' };

/** Bundles a build-time writer, runs it, and removes it. */
async function write(entry, output) {
  const script = `dist/.${entry.replace(/\W/g, '_')}.js`;
  await build({ ...common, entryPoints: [entry], outfile: script, packages: 'external' });
  execFileSync(process.execPath, [script, output], { stdio: 'inherit' });
  rmSync(script);
}

/** One loader per operation file, keyed by its name (an operation's file is named by its key). */
function operationLoaders() {
  const lines = ['creates', 'searches', 'triggers', 'dynamic-fields'].flatMap((folder) =>
    readdirSync(folder)
      .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
      .map((file) => {
        const key = file.replace(/\.ts$/, '');
        const path = JSON.stringify(resolve(folder, file));
        return `  ${JSON.stringify(key)}: () => import(${path}).then((m) => { if (m.default.key !== ${JSON.stringify(key)}) throw new Error(${JSON.stringify(`${folder}/${file} holds another operation`)}); return m.default; }),`;
      }),
  );
  return `export default {\n${lines.join('\n')}\n};\n`;
}

const virtual = {
  name: 'virtual',
  setup(b) {
    b.onResolve({ filter: /^virtual:/ }, (args) => ({ path: args.path, namespace: 'virtual' }));
    b.onLoad({ filter: /.*/, namespace: 'virtual' }, (args) =>
      args.path === 'virtual:zapier-steps'
        ? { contents: readFileSync('dist/zapier-steps.json', 'utf8'), loader: 'json' }
        : { contents: operationLoaders(), loader: 'js', resolveDir: resolve('.') },
    );
  },
};

await Promise.all([write('mcp/write-catalog.ts', 'dist/catalog.json'), write('zapier-steps.ts', 'dist/zapier-steps.json')]);
await Promise.all([
  build({ ...common, entryPoints: ['zapier-app.ts'], outfile: 'dist/index.js', external: ['zapier-platform-core'], plugins: [virtual] }),
  build({ ...common, entryPoints: ['mcp/cli.ts'], outfile: 'dist/mcp.js', packages: 'external' }),
  build({ ...common, entryPoints: ['sandbox/cli.ts'], outfile: 'dist/sandbox.js', packages: 'external' }),
]);
