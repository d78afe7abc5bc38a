// Every operation's contract cases, through the MCP server in process, each on a fresh sandbox: the
// sandbox must hold what the cases name (SEED ids) and answer each call as SendGrid would. The key has
// exactly the scopes the operation declares, so a declared scope list that falls short fails here.
// New operations are covered as they bring their cases/<key>.ts, without an edit here.
import { cases, type ContractCase } from '../contract/cases';
import operations from '../../operations';
import { KEY, mcpClient, textOf } from '../unit/helpers';
import { startSandbox, type Sandbox } from '../../sandbox/server';

const table = Object.entries(cases).flatMap(([key, list]) => list.map((c) => [`${key}: ${c.name}`, key, c] as [string, string, ContractCase]));

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

it.each(table)('%s', async (_title, key, c) => {
  const scopes = operations.find((op) => op.key === key)!.scopes;
  sandbox = await startSandbox({
    jobDelayMs: Number(process.env.SANDBOX_JOB_DELAY_MS ?? 0),
    webhookDelivery: false,
    // The raw request declares none: it gets a full key.
    ...(scopes.length ? { keys: { [KEY]: scopes } } : {}),
  });
  const client = await mcpClient(sandbox.url);
  try {
    const result = await client.call(key, c.input);
    const errors = sandbox.errors.map((e) => `sandbox handler threw: ${e.stack ?? e.message}`);
    expect({ isError: result.isError ?? false, text: result.isError ? textOf(result) : '', errors }).toEqual({ isError: false, text: '', errors: [] });
  } finally {
    await client.close();
  }
}, 30_000);
