import * as z from 'zod/mini';
import { described } from '../lib/described';
import { oneLine } from '../lib/address';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';
import { SENDER_SCOPES, senderLabel, type VerifiedSender } from '../dynamic-fields/list_verified_senders';

const text = (max: number, description?: string) =>
  z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(max), oneLine(), ...described(description)));

export default defineOperation({
  key: 'create_verified_sender',
  noun: 'Verified Sender',
  label: 'Create Verified Sender',
  description:
    'Creates a Single Sender; SendGrid emails a verification link to from_email, and it cannot send until the link is opened.',
  access: 'write',
  tags: ['senders'],
  scopes: SENDER_SCOPES.write,
  input: z.strictObject({
    nickname: z.string().check(z.trim(), z.minLength(1), z.maxLength(100), oneLine(), z.describe('Recipients do not see it.')),
    from_email: z.email().check(z.maxLength(256)),
    from_name: text(256),
    reply_to: zapier(z.optional(z.email().check(z.maxLength(256), z.describe('Defaults to from_email.'))), { label: 'Reply-To' }),
    reply_to_name: zapier(text(256), { label: 'Reply-To Name' }),
    address: text(100, 'Postal street and number.'),
    address2: text(100),
    city: text(150),
    state: z.optional(z.string().check(z.trim(), z.regex(/^[A-Za-z]{2}$/, 'must be a 2-letter state code, such as CA'), z.describe('Such as CA.'))),
    zip: text(10),
    country: text(100),
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
