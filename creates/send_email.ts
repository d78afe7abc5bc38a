import * as z from 'zod/mini';
import { address, addresses, parseAddress, type Address } from '../lib/address';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';

/** SendGrid's limit for one request: To, Cc and Bcc together. */
const MAX_RECIPIENTS = 1000;

const input = z
  .strictObject({
    to: addresses('Who receives the email: up to 1,000 addresses (To, Cc and Bcc together).', { min: 1 }),
    from_email: z.email().check(
      z.describe('The sender address. It must be a verified Single Sender or on an authenticated domain in SendGrid.'),
    ),
    from_name: z.optional(z.string().check(z.maxLength(256), z.describe('The sender name recipients see, such as "Acme Support".'))),
    subject: z.optional(
      z.string().check(z.minLength(1), z.maxLength(998), z.describe('The subject line. Required unless a template is chosen.')),
    ),
    text: zapier(
      z.optional(z.string().check(z.minLength(1), z.describe('The plain-text body. Give text, HTML or both, unless a template is chosen.'))),
      { type: 'text', label: 'Plain Text Body' },
    ),
    html: zapier(
      z.optional(z.string().check(z.minLength(1), z.describe('The HTML body. Give text, HTML or both, unless a template is chosen.'))),
      { type: 'text', label: 'HTML Body' },
    ),
    cc: z.optional(addresses('Copy recipients.')),
    bcc: z.optional(addresses('Blind copy recipients; the other recipients do not see them.')),
    reply_to: z.optional(address('Where replies go, when not to the sender.')),
    send_separately: z.optional(
      z.boolean().check(
        z.describe('Send each To address its own copy, so recipients do not see each other. Cannot be combined with Cc or Bcc.'),
      ),
    ),
    template_id: zapier(
      z.optional(
        z.string().check(
          z.minLength(1),
          z.describe('A SendGrid template id (dynamic ones start with "d-"). Its subject and content are used instead of those above.'),
        ),
      ),
      { dynamic: 'list_templates.id.name', label: 'Template' },
    ),
    dynamic_template_data: z.optional(
      z.record(
        z.string(),
        z.unknown(),
      ).check(z.describe('Values for the dynamic template\'s {{placeholders}}, such as first_name → Ada.')),
    ),
    categories: z.optional(
      z.array(z.string().check(z.minLength(1), z.maxLength(255))).check(
        z.maxLength(10),
        z.describe('Up to 10 categories, to group this email in SendGrid\'s statistics.'),
      ),
    ),
    unsubscribe_group_id: zapier(
      z.optional(z.int().check(z.positive(), z.describe('The unsubscribe group this email belongs to; its recipients can opt out of just this group.'))),
      { dynamic: 'list_unsubscribe_groups.id.name', label: 'Unsubscribe Group' },
    ),
    sandbox_mode: z.optional(
      z.boolean().check(z.describe('Check the email with SendGrid without delivering it (SendGrid\'s sandbox mode).')),
    ),
  })
  .check(
    z.superRefine((mail, ctx) => {
      const fail = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, input: mail });
      if (!mail.template_id && !mail.subject) fail('subject', 'a subject is required unless a template is chosen');
      if (!mail.template_id && !mail.text && !mail.html) fail('text', 'give a text or HTML body, or choose a template');
      const all = [...mail.to, ...(mail.cc ?? []), ...(mail.bcc ?? [])];
      if (all.length > MAX_RECIPIENTS) fail('to', `SendGrid accepts at most ${MAX_RECIPIENTS} recipients per email (To, Cc and Bcc together); this has ${all.length}`);
      const seen = new Set<string>();
      for (const text of all) {
        const email = parseAddress(text)?.email.toLowerCase();
        if (email && seen.has(email)) fail('to', `${email} appears more than once across To, Cc and Bcc; SendGrid refuses duplicates`);
        if (email) seen.add(email);
      }
      if (mail.send_separately && (mail.cc?.length || mail.bcc?.length))
        fail('send_separately', 'cannot be combined with Cc or Bcc, which would receive one copy per To address');
    }),
  );

const sample = {
  message_id: 'W8Tfb2KQTRGyE3rRPSuk9A',
  status: 'accepted' as const,
  recipient_count: 2,
  to: ['ada@example.com', 'grace@example.com'],
  subject: 'Your order has shipped',
  sandbox_mode: false,
};

const parsed = (list: readonly string[] | undefined) => list?.map((text) => parseAddress(text) as Address);

export default defineOperation({
  key: 'send_email',
  noun: 'Email',
  label: 'Send Email',
  description:
    "Sends one email through SendGrid's Mail Send API to up to 1,000 recipients (To, Cc and Bcc together) from a verified sender, with a subject and text and/or HTML, or with a template and its data. SendGrid accepts the email for delivery and returns its message id; delivery happens afterwards. It is never retried automatically after a timeout or server error, so it cannot send twice: check SendGrid's Activity feed before sending again. Set sandbox_mode to check an email without delivering it.",
  access: 'write',
  tags: ['mail'],
  scopes: ['mail.send'],
  input,
  sample,
  async perform(api, mail) {
    const to = parsed(mail.to)!;
    const envelope = (recipients: Address[]) => ({
      to: recipients,
      ...(mail.cc?.length ? { cc: parsed(mail.cc) } : {}),
      ...(mail.bcc?.length ? { bcc: parsed(mail.bcc) } : {}),
      ...(mail.dynamic_template_data ? { dynamic_template_data: mail.dynamic_template_data } : {}),
    });
    const content = [
      ...(mail.text ? [{ type: 'text/plain', value: mail.text }] : []),
      ...(mail.html ? [{ type: 'text/html', value: mail.html }] : []),
    ];
    const body = {
      personalizations: mail.send_separately ? to.map((one) => envelope([one])) : [envelope(to)],
      from: { email: mail.from_email, ...(mail.from_name ? { name: mail.from_name } : {}) },
      ...(mail.reply_to ? { reply_to: parseAddress(mail.reply_to) } : {}),
      ...(mail.subject ? { subject: mail.subject } : {}),
      ...(content.length ? { content } : {}),
      ...(mail.template_id ? { template_id: mail.template_id } : {}),
      ...(mail.categories?.length ? { categories: [...new Set(mail.categories)] } : {}),
      ...(mail.unsubscribe_group_id ? { asm: { group_id: mail.unsubscribe_group_id } } : {}),
      ...(mail.sandbox_mode ? { mail_settings: { sandbox_mode: { enable: true } } } : {}),
    };
    const response = await api.request('POST', '/v3/mail/send', { body });
    return {
      message_id: response.headers['x-message-id'] ?? null,
      status: mail.sandbox_mode ? ('checked' as const) : ('accepted' as const),
      recipient_count: to.length + (mail.cc?.length ?? 0) + (mail.bcc?.length ?? 0),
      to: to.map((one) => one.email),
      subject: mail.subject ?? null,
      sandbox_mode: Boolean(mail.sandbox_mode),
    };
  },
  summary: (sent) =>
    sent.status === 'checked'
      ? `SendGrid checked the email to ${sent.recipient_count} recipient(s) in sandbox mode; nothing was delivered.`
      : `SendGrid accepted the email${sent.subject ? ` "${sent.subject}"` : ''} for ${sent.recipient_count} recipient(s)${sent.message_id ? ` (message id ${sent.message_id})` : ''}.`,
});
