// End-to-end flows on the embedded sandbox, as a user runs them: create a list, add two contacts to it
// and wait for SendGrid's job, find them, mail one, and see that email in Email Activity. Once through
// the MCP server (the real SDK client in process) and once through the Zapier app (its real steps).
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { SEED } from '../../sandbox/seed-ids';
import { mcpClient, textOf, zapier } from '../unit/helpers';

let sandbox: Sandbox;
beforeEach(async () => {
  // No bounces: each recipient's fate is then "delivered" (possibly opened), as a user would expect here.
  sandbox = await startSandbox({ jobDelayMs: 300, webhookDelivery: false, bounceShare: 0 });
});
afterEach(async () => {
  delete process.env.SENDGRID_API_BASE_URL;
  await sandbox.close();
});

const MAYA = 'maya.patel@example.com';
const NOOR = 'noor.haddad@example.com';

/** The one human line beside the structured result (the first text block). */
const summaryOf = (result: CallToolResult) => (result.content[0]?.type === 'text' ? result.content[0].text : '');

/** The structured result of a successful tool call; a failed call fails the test with its message. */
function ok(result: CallToolResult): any {
  if (result.isError) throw new Error(`the tool failed: ${textOf(result)}`);
  return result.structuredContent;
}

it('through the MCP client: list, contacts (waited for), find, send, Email Activity', async () => {
  const mcp = await mcpClient(sandbox.url);
  try {
    // 1. A new list, empty.
    const created = await mcp.call('create_list', { name: 'Spring Webinar Attendees' });
    const list = ok(created);
    expect(list).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'Spring Webinar Attendees', contact_count: 0 });
    expect(summaryOf(created)).toBe(`Created list "Spring Webinar Attendees" (id ${list.id}).`);

    // 2. Two contacts into it, waiting for SendGrid's job: the counts, not just a job id.
    const upserted = await mcp.call('upsert_contacts', {
      contacts: [
        { email: 'Maya.Patel@Example.com', first_name: 'Maya', last_name: 'Patel' },
        { email: NOOR, first_name: 'Noor', city: 'Amman' },
      ],
      list_ids: [list.id],
      wait_until_processed: true,
    });
    const upsert = ok(upserted);
    expect(upsert).toMatchObject({
      status: 'completed',
      contact_count: 2,
      jobs: [{ job_id: upsert.job_id, status: 'completed', results: { requested_count: 2, created_count: 2, updated_count: 0, errored_count: 0 } }],
    });
    expect(summaryOf(upserted)).toMatch(/^SendGrid processed 2 contact\(s\) \(job [0-9a-f-]+\): 2 created, 0 updated, (0 deleted, )?0 failed\.$/);
    const after = ok(await mcp.call('get_list', { id: list.id }));
    expect(after.contact_count).toBe(2);

    // 3. Found by email (any case), with what was written and the new list.
    const foundResult = await mcp.call('find_contacts_by_email', { emails: [MAYA.toUpperCase(), NOOR] });
    const found = ok(foundResult).items as any[];
    expect(found.map((c) => c.email).sort()).toEqual([MAYA, NOOR]);
    expect(found.find((c) => c.email === MAYA)).toMatchObject({ first_name: 'Maya', last_name: 'Patel', list_ids: [list.id] });
    expect(found.find((c) => c.email === NOOR)).toMatchObject({ first_name: 'Noor', city: 'Amman', list_ids: [list.id] });
    expect(summaryOf(foundResult)).toBe('Found 2 contact(s) for 2 address(es).');

    // 4. Mail one of them, from the account's verified sender.
    const sentResult = await mcp.call('send_email', {
      to: [`Noor Haddad <${NOOR}>`],
      from_email: SEED.senderEmail,
      subject: 'Your webinar seat is booked',
      text: 'See you on Thursday.',
      categories: ['webinar'],
    });
    const sent = ok(sentResult);
    expect(sent).toMatchObject({ status: 'accepted', recipient_count: 1, to: [NOOR], subject: 'Your webinar seat is booked', message_id: expect.any(String) });
    expect(summaryOf(sentResult)).toBe(`SendGrid accepted the email "Your webinar seat is booked" for 1 recipient(s) (message id ${sent.message_id}).`);

    // 5. Email Activity, by recipient: the message is there, delivered; the other contact got nothing.
    await sandbox.settle();
    const activityResult = await mcp.call('search_email_activity', { to_email: NOOR });
    const messages = ok(activityResult).items as any[];
    expect(messages).toEqual([
      expect.objectContaining({ to_email: NOOR, from_email: SEED.senderEmail, subject: 'Your webinar seat is booked', status: 'delivered', msg_id: expect.stringMatching(new RegExp(`^${sent.message_id}\\.`)) }),
    ]);
    expect(summaryOf(activityResult)).toBe(`Found 1 message(s): ${NOOR} (delivered).`);
    // The send's X-Message-Id finds the same message.
    expect((ok(await mcp.call('search_email_activity', { msg_id: sent.message_id })).items as any[]).map((m) => m.to_email)).toEqual([NOOR]);
    const none = await mcp.call('search_email_activity', { to_email: MAYA });
    expect(ok(none).items).toEqual([]);
    expect(summaryOf(none)).toBe('No message matched.');

    expect(sandbox.errors).toEqual([]);
  } finally {
    await mcp.close();
  }
}, 30_000);

it('through the Zapier app: list, contacts (waited for), find, send, Email Activity', async () => {
  process.env.SENDGRID_API_BASE_URL = sandbox.url;

  const list = await zapier('creates', 'create_list', { name: 'Spring Webinar Attendees' });
  expect(list).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'Spring Webinar Attendees', contact_count: 0 });

  // Zapier's form: contacts as line items, the list from the dropdown, the checkbox as text.
  const upsert = await zapier('creates', 'upsert_contacts', {
    contacts: [
      { email: 'Maya.Patel@Example.com', first_name: 'Maya', last_name: 'Patel' },
      { email: NOOR, first_name: 'Noor', city: 'Amman' },
    ],
    list_ids: [list.id],
    wait_until_processed: 'true',
  });
  expect(upsert).toMatchObject({
    status: 'completed',
    contact_count: 2,
    jobs: [{ status: 'completed', results: { requested_count: 2, created_count: 2, updated_count: 0, errored_count: 0 } }],
    message: expect.stringMatching(/processed 2 contact\(s\) .*: 2 created, 0 updated, .*0 failed\.$/),
  });
  expect((await zapier('searches', 'get_list', { id: list.id }))).toEqual([expect.objectContaining({ id: list.id, contact_count: 2 })]);

  // A search step returns a list; a single mapped email arrives as text.
  const found = await zapier('searches', 'find_contacts_by_email', { emails: [MAYA, NOOR.toUpperCase()] });
  expect(found.map((c: any) => c.email).sort()).toEqual([MAYA, NOOR]);
  expect(found.find((c: any) => c.email === MAYA)).toMatchObject({ first_name: 'Maya', last_name: 'Patel', list_ids: [list.id] });
  expect(await zapier('searches', 'find_contacts_by_email', { emails: NOOR })).toEqual([expect.objectContaining({ email: NOOR, first_name: 'Noor', city: 'Amman' })]);

  const sent = await zapier('creates', 'send_email', {
    to: [NOOR],
    from_email: SEED.senderEmail,
    subject: 'Your webinar seat is booked',
    text: 'See you on Thursday.',
  });
  expect(sent).toMatchObject({ status: 'accepted', recipient_count: 1, to: [NOOR], message_id: expect.any(String) });

  await sandbox.settle();
  const messages = await zapier('searches', 'search_email_activity', { to_email: NOOR, limit: '10' });
  expect(messages).toEqual([
    expect.objectContaining({ to_email: NOOR, from_email: SEED.senderEmail, subject: 'Your webinar seat is booked', status: 'delivered', msg_id: expect.stringMatching(new RegExp(`^${sent.message_id}\\.`)) }),
  ]);
  expect(await zapier('searches', 'search_email_activity', { to_email: MAYA })).toEqual([]);

  expect(sandbox.errors).toEqual([]);
}, 30_000);
