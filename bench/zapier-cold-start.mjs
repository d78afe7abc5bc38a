// Zapier cold start: what loading this app adds to loading zapier-platform-core, which Zapier's
// runtime loads anyway. Each sample is a fresh Node process timing its own require() calls.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { compare, report } from './stats.mjs';

if (!existsSync('dist/index.js')) throw new Error('Run `npm run build` first: the app loads from dist/.');
const runs = Number(process.env.RUNS ?? 15);

const timeRequires = (modules) => () => {
  const code = `const t = process.hrtime.bigint(); ${modules.map((m) => `require(${JSON.stringify(m)});`).join(' ')} process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));`;
  return Number(execFileSync(process.execPath, ['-e', code], { encoding: 'utf8' }));
};

const result = await compare({
  runs,
  baseline: { measure: timeRequires(['zapier-platform-core']) },
  candidate: { measure: timeRequires(['zapier-platform-core', './index.js']) },
});
report({
  title: `Zapier cold start (Node ${process.versions.node})`,
  baselineName: "require('zapier-platform-core')",
  candidateName: "require('zapier-platform-core') + require('.')",
  target: 1.15,
  result,
  runs,
});
