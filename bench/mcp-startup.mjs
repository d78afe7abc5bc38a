// MCP start-up: from spawning the server to the answer of its first tools/list, for this server and
// for a bare SDK server with one tool. Both speak stdio; the key is a dummy, since listing makes no request.
import { existsSync } from 'node:fs';
import { firstToolsList } from './mcp-session.mjs';
import { compare, report } from './stats.mjs';

if (!existsSync('dist/mcp.js')) throw new Error('Run `npm run build` first: the server runs from dist/.');
const runs = Number(process.env.RUNS ?? 15);

// --ignore-scopes: the dummy key cannot be checked offline, and start-up is what is measured.
const startup = (script, args) => async () => (await firstToolsList(script, args, { ...process.env, SENDGRID_API_KEY: 'SG.bench' })).ms;

const result = await compare({
  runs,
  baseline: { measure: startup('bench/bare-mcp-server.mjs', []) },
  candidate: { measure: startup('bin/sendgrid-mcp.js', ['--ignore-scopes']) },
});
report({
  title: `MCP start-up, spawn to first tools/list (Node ${process.versions.node})`,
  baselineName: 'bare SDK server, one tool',
  candidateName: 'sendgrid-mcp',
  target: 1.25,
  result,
  runs,
});
