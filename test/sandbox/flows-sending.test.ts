// End-to-end flows of sending, through the MCP client and the real server on a fresh sandbox: what a
// user does step after step, and what they would check after each step. The sandbox's mail log
// (state.mail) shows what reached SendGrid's mail send; its messages feed Email Activity and stats.
import type { Sandbox } from '../../sandbox/server';
import { SEED } from '../../sandbox/seed-ids';
import { useFlow } from './flow';

// No bounces and no opens: every recipient's mail is delivered, so counts are exact.
const flow = useFlow({ bounceShare: 0, openShare: 0 });
const ok = flow.ok;

/** The recipients of the mail in the sandbox's log, in order, for the mails that match. */
const loggedRecipients = (which: (mail: Sandbox['state']['mail'][number]) => boolean) =>
  flow.sandbox.state.mail.filter(which).flatMap((mail) => (mail.request.personalizations as { to: { email: string }[] }[]).flatMap((p) => p.to.map((a) => a.email)));

it('drafts a Single Send to a list, sends it now, sees it sent to the list and its delivered count', async () => {
  const mailBefore = flow.sandbox.state.mail.length;

  // 1. The draft: it says draft, and nothing goes out.
  const draft = await ok('create_single_send', {
    name: 'Autumn Product Update',
    subject: 'What is new this autumn',
    sender_id: SEED.senderId,
    list_ids: [SEED.listId],
    html_content: '<p>Three new features. <a href="{{{unsubscribe}}}">Unsubscribe</a></p>',
    plain_content: 'Three new features. Unsubscribe: {{{unsubscribe}}}',
    unsubscribe_group_id: SEED.unsubscribeGroupId,
    categories: ['product-updates'],
  });
  const id = draft.data.id as string;
  expect(draft.data).toMatchObject({ name: 'Autumn Product Update', status: 'draft', send_to: { list_ids: [SEED.listId] }, note: expect.stringContaining('Nothing was sent') });
  expect(draft.text).toContain('draft; schedule it to send');
  // Whatever the summary says of sending, it is only that nothing was sent.
  expect(draft.text.replace('Nothing was sent', '')).not.toMatch(/\bsent\b|sending/i);
  expect(flow.sandbox.state.mail).toHaveLength(mailBefore);
  expect((await ok('get_single_send', { id })).data).toMatchObject({ status: 'draft', send_at: null });

  // 2. Send it now: the result says it is sending now.
  const scheduled = await ok('schedule_single_send', { id, send_at: 'now' });
  expect(scheduled.data).toMatchObject({ id, sending_now: true, result: 'sending now' });
  expect(scheduled.text).toBe(`Single Send ${id}: sending now.`);

  // 3. It is sent: status triggered, and the list's contacts (Ada and Grace) got it, once each.
  await flow.sandbox.settle();
  const sent = await ok('get_single_send', { id });
  expect(sent.data).toMatchObject({ id, status: 'triggered', send_at: expect.any(String) });
  expect(sent.text).toContain('sent or sending');
  const ofThisSend = (mail: Sandbox['state']['mail'][number]) => mail.single_send_id === id;
  expect(flow.sandbox.state.mail.filter(ofThisSend).map((m) => m.status)).toEqual(['sent']);
  expect(loggedRecipients(ofThisSend).sort()).toEqual([SEED.contactEmail, SEED.secondContactEmail]);
  const [request] = flow.sandbox.state.mail.filter(ofThisSend).map((m) => m.request);
  expect(request).toMatchObject({ from: { email: SEED.senderEmail }, subject: 'What is new this autumn', asm: { group_id: SEED.unsubscribeGroupId }, categories: ['product-updates'] });

  // 4. Its stats: two requests, two delivered.
  const stats = await ok('get_single_send_stats', { id });
  expect(stats.data.items).toEqual([expect.objectContaining({ id, aggregation: 'total', stats: expect.objectContaining({ requests: 2, delivered: 2, bounces: 0 }) })]);
  expect(stats.text).toMatch(/^Single Send .*: 2 delivered,/);
});

it('sends a dynamic template with nested data and finds it in Email Activity', async () => {
  const to = 'ines.ferreira@example.com';
  const data = {
    first_name: 'Inês',
    order: {
      id: 1042,
      placed_at: '2026-11-30',
      items: [
        { name: 'Fountain pen', quantity: 1, price: 24.5, options: { color: 'teal', engraving: null } },
        { name: 'Ink cartridges', quantity: 3, price: 4.25, options: {} },
      ],
      shipping: { carrier: 'DHL', tracking: ['JD014600006281', 'JD014600006282'], address: { city: 'Lisboa', country: 'PT' } },
    },
    gift: false,
    tags: ['stationery', 'repeat-customer'],
  };

  // 1. The send: accepted for one recipient, with a message id.
  const sent = await ok('send_dynamic_template_email', {
    to: [to],
    from_email: SEED.senderEmail,
    from_name: 'Acme Orders',
    template_id: SEED.dynamicTemplateId,
    dynamic_template_data: data,
    categories: ['orders'],
  });
  expect(sent.data).toMatchObject({ status: 'accepted', recipient_count: 1, to: [to], requests: [{ message_id: expect.any(String), recipient_count: 1 }] });
  const messageId = sent.data.message_id as string;
  expect(sent.text).toContain(`template ${SEED.dynamicTemplateId}`);

  // What reached SendGrid: the template and the data exactly as given, nesting intact.
  const logged = flow.sandbox.state.mail.filter((m) => m.message_id === messageId);
  expect(logged).toHaveLength(1);
  expect(logged[0]!.request).toMatchObject({ template_id: SEED.dynamicTemplateId, from: { email: SEED.senderEmail, name: 'Acme Orders' } });
  expect(logged[0]!.request.personalizations).toEqual([{ to: [{ email: to }], dynamic_template_data: data }]);
  expect(logged[0]!.request).not.toHaveProperty('subject');

  // 2. Email Activity by recipient: one message, delivered, from our sender, of this send.
  await flow.sandbox.settle();
  const found = await ok('search_email_activity', { to_email: to });
  expect(found.data.items).toEqual([expect.objectContaining({ to_email: to, from_email: SEED.senderEmail, status: 'delivered', msg_id: expect.stringMatching(new RegExp(`^${messageId}\\.`)) })]);
  expect(found.text).toBe(`Found 1 message(s): ${to} (delivered).`);

  // 3. Its details: the template, the categories and the events.
  const msgId = found.data.items[0].msg_id as string;
  const detail = await ok('get_email_activity_message', { msg_id: msgId });
  expect(detail.data).toMatchObject({ msg_id: msgId, to_email: to, from_email: SEED.senderEmail, status: 'delivered', template_id: SEED.dynamicTemplateId, categories: ['orders'] });
  expect(detail.data.events.map((e: { event_name: string }) => e.event_name)).toEqual(['processed', 'delivered']);
  expect(detail.text).toBe(`Message ${msgId} to ${to}: delivered; events: processed, delivered.`);
});

it('checks an address against the global suppressions before and after adding it', async () => {
  const email = 'leaving.customer@example.com';

  const before = await ok('check_global_suppression', { email });
  expect(before.data).toEqual({ email, suppressed: false, suppressed_at: null });
  expect(before.text).toBe(`${email} is not on the global suppression list.`);

  const added = await ok('add_global_suppressions', { recipient_emails: [email] });
  expect(added.data).toEqual({ recipient_emails: [email] });
  expect(added.text).toBe('Added 1 address(es) to the global suppression list.');

  const after = await ok('check_global_suppression', { email });
  expect(after.data).toMatchObject({ email, suppressed: true });
  expect(after.text).toMatch(new RegExp(`^${email.replace(/\./g, '\\.')} is globally suppressed.*: SendGrid sends it no email\\.$`));

  // And it is what SendGrid acts on: mail to the address is dropped, not delivered.
  await ok('send_email', { to: [email], from_email: SEED.senderEmail, subject: 'We miss you', text: 'Come back soon.' });
  const activity = await ok('search_email_activity', { to_email: email });
  expect(activity.data.items).toEqual([expect.objectContaining({ to_email: email, status: 'not_delivered' })]);
});

it('sends 2,500 recipients separately as exactly 3 mail send requests of 1,000, 1,000 and 500', async () => {
  const to = Array.from({ length: 2500 }, (_, i) => `subscriber${String(i + 1).padStart(4, '0')}@example.com`);
  const before = flow.sandbox.state.mail.length;

  const sent = await ok('send_email', {
    to,
    from_email: SEED.senderEmail,
    subject: 'Our winter catalogue is out',
    text: 'Browse the winter catalogue at https://example.com/winter',
    send_separately: true,
  });

  // The sandbox's log: exactly 3 mail send requests, 1,000 + 1,000 + 500 personalizations, one To each.
  const requests = flow.sandbox.state.mail.slice(before);
  expect(requests).toHaveLength(3);
  const personalizations = requests.map((m) => m.request.personalizations as { to: { email: string }[] }[]);
  expect(personalizations.map((p) => p.length)).toEqual([1000, 1000, 500]);
  expect(personalizations.flat()).toHaveLength(2500);
  expect(personalizations.flat().every((p) => p.to.length === 1)).toBe(true);
  // Every address once, in order.
  expect(personalizations.flat().map((p) => p.to[0]!.email)).toEqual(to);

  // The result: 3 message ids (those of the log) with their recipient counts.
  expect(sent.data).toMatchObject({ status: 'accepted', recipient_count: 2500 });
  expect(sent.data.requests).toEqual(requests.map((m, i) => ({ message_id: m.message_id, recipient_count: [1000, 1000, 500][i] })));
  expect(new Set(sent.data.requests.map((r: { message_id: string }) => r.message_id)).size).toBe(3);
  expect(sent.data.message_id).toBe(requests[0]!.message_id);
  expect(sent.text).toContain('for 2500 recipient(s) in 3 requests');
  for (const m of requests) expect(sent.text).toContain(m.message_id);

  // Each recipient got a message of their own.
  await flow.sandbox.settle();
  const ids = new Set(requests.map((m) => m.message_id));
  expect(flow.sandbox.state.messages.filter((m) => ids.has(m.message_id))).toHaveLength(2500);
}, 60_000);
