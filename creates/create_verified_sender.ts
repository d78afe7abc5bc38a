import * as z from 'zod/mini';
import { oneLine } from '../lib/address';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';
import { SENDER_SCOPES, senderLabel, type VerifiedSender } from '../dynamic-fields/list_verified_senders';

const text = (max: number, description: string) => z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(max), oneLine(), z.describe(description)));

export default defineOperation({
  key: 'create_verified_sender',
  noun: 'Verified Sender',
  label: 'Create Verified Sender',
  description:
    'Adds a Single Sender identity and makes SendGrid email a verification link to its from address. It cannot send until someone opens that link (resend it with resend_sender_verification). SendGrid shows the postal address in the footer of marketing emails, as anti-spam laws require. It does not authenticate a domain.',
  access: 'write',
  tags: ['senders'],
  scopes: SENDER_SCOPES.write,
  input: z.strictObject({
    nickname: z.string().check(z.trim(), z.minLength(1), z.maxLength(100), oneLine(), z.describe('A name for this sender in SendGrid, such as "Acme Orders"; recipients do not see it.')),
    from_email: z.email().check(z.maxLength(256), z.describe('The address emails come from. SendGrid sends the verification link there.')),
    from_name: text(256, 'The name recipients see, such as "Acme Orders".'),
    reply_to: zapier(z.optional(z.email().check(z.maxLength(256), z.describe('Where replies go; the from address when left empty.'))), { label: 'Reply-To' }),
    reply_to_name: zapier(text(256, 'The name of the reply-to address.'), { label: 'Reply-To Name' }),
    address: text(100, 'Street and number, shown in the footer of marketing emails.'),
    address2: text(100, 'Second address line (suite, PO box).'),
    city: text(150, 'The city of the postal address.'),
    state: z.optional(z.string().check(z.trim(), z.regex(/^[A-Za-z]{2}$/, 'must be a 2-letter state code, such as CA'), z.describe('2-letter state code, such as CA.'))),
    zip: text(10, 'The postal or ZIP code.'),
    country: text(100, 'The country, such as USA.'),
  }),
  sample: {
    id: 3920112,
    nickname: 'Acme Orders',
    from_email: 'orders@example.com',
    from_name: 'Acme Orders',
    reply_to: 'orders@example.com',
    reply_to_name: 'Acme Orders',
    address: '1234 Market St.',
    address2: 'Suite 100',
    city: 'San Francisco',
    state: 'CA',
    zip: '94105',
    country: 'USA',
    verified: false,
    locked: false,
    label: 'Acme Orders <orders@example.com> (not verified yet)',
  },
  perform: async (api, sender) => {
    const body = { ...sender, reply_to: sender.reply_to ?? sender.from_email };
    const created = await api.post<VerifiedSender>('/v3/verified_senders', { body });
    return { ...created, label: senderLabel(created) };
  },
  summary: (sender) =>
    sender.verified
      ? `Added sender ${sender.label} (id ${sender.id}); it is already verified.`
      : `Added sender ${sender.label} (id ${sender.id}); SendGrid emailed a verification link to ${sender.from_email}, and it can send once that link is opened.`,
});
