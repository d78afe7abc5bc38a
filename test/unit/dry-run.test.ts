// --dry-run: writes are validated and shown, never sent; the sandbox's state proves nothing changed.
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { SEED } from '../../sandbox/seed-ids';
import { mcpClient, textOf } from './helpers';

let sandbox: Sandbox;
beforeEach(async () => (sandbox = await startSandbox({ jobDelayMs: 0, webhookDelivery: false })));
afterEach(() => sandbox.close());

it('shows the mail it would send, sends none, and still refuses bad input', async () => {
  const mcp = await mcpClient(sandbox.url, { dryRun: true });
  const shown = await mcp.call('send_email', { to: ['Ada <ada@example.com>'], from_email: SEED.senderEmail, subject: 'Hello', text: 'Hi Ada' });
  const bad = await mcp.call('send_email', { to: ['not an address'], from_email: SEED.senderEmail, subject: 'x', text: 'y' });
  await mcp.close();
  expect(shown.isError).toBeFalsy();
  expect(textOf(shown)).toMatch(/Dry run: POST \/v3\/mail\/send was not sent\. Nothing was changed/);
  expect(shown.structuredContent).toMatchObject({
    dry_run: true,
    sent: false,
    request: { method: 'POST', body: { personalizations: [{ to: [{ email: 'ada@example.com', name: 'Ada' }] }], subject: 'Hello' } },
  });
  expect(JSON.stringify(shown)).not.toMatch(/authorization|SG\./i);
  expect(bad.isError).toBe(true);
  expect(sandbox.state.mail).toHaveLength(0);
});

it('lets a write read what it needs first (custom fields by name), then stops before the write', async () => {
  const before = JSON.stringify(sandbox.state.contacts);
  const mcp = await mcpClient(sandbox.url, { dryRun: true });
  const shown = await mcp.call('upsert_contacts', { contacts: [{ email: 'new@example.com', custom_fields: { [SEED.customFieldName]: 'teal' } }] });
  await mcp.close();
  expect(shown.structuredContent).toMatchObject({ dry_run: true, request: { method: 'PUT', body: { contacts: [{ email: 'new@example.com', custom_fields: { [SEED.customFieldId]: 'teal' } }] } } });
  expect(JSON.stringify(sandbox.state.contacts)).toBe(before);
});
