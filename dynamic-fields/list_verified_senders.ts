import * as z from 'zod/mini';
import { MAX_PAGES } from '../lib/client';
import { defineOperation } from '../lib/operation';

export interface VerifiedSender {
  id: number;
  nickname: string;
  from_email: string;
  from_name?: string;
  reply_to: string;
  reply_to_name?: string;
  address?: string;
  address2?: string;
  city?: string;
  state?: string;
  zip?: string;
  country?: string;
  verified: boolean;
  locked: boolean;
}

/** How a sender reads in a dropdown: its name and address, and whether it can send yet. */
export const senderLabel = (sender: VerifiedSender) =>
  `${sender.nickname} <${sender.from_email}>${sender.verified ? '' : ' (not verified yet)'}`;

const PAGE = 100;

// SendGrid does not document the key permission of the Verified Senders API; keys with the
// "Sender Authentication" access in the app (whitelabel.*) are the ones that reach it.
export const SENDER_SCOPES = { read: ['whitelabel.read'], write: ['whitelabel.create'] } as const;

export default defineOperation({
  key: 'list_verified_senders',
  noun: 'Verified Sender',
  label: 'List Verified Senders',
  description:
    'Lists the Single Sender identities, verified or not; authenticated domains are not listed.',
  triggersWhen: 'a sender identity is added',
  access: 'read',
  tags: ['senders'],
  scopes: SENDER_SCOPES.read,
  input: z.strictObject({}),
  sample: {
    id: 3920112,
    nickname: 'Acme Orders',
    from_email: 'orders@example.com',
    from_name: 'Acme Orders',
    reply_to: 'support@example.com',
    reply_to_name: 'Acme Support',
    address: '1234 Market St.',
    address2: 'Suite 100',
    city: 'San Francisco',
    state: 'CA',
    zip: '94105',
    country: 'USA',
    verified: true,
    locked: false,
    label: 'Acme Orders <orders@example.com>',
  },
  // This endpoint pages by lastSeenID (the last id of the previous page), not by offset or token.
  perform: async (api) => {
    const all: VerifiedSender[] = [];
    for (let n = 0; n < MAX_PAGES; n++) {
      const last = all.at(-1)?.id;
      const page = await api.get<{ results?: VerifiedSender[] }>('/v3/verified_senders', { query: { limit: PAGE, lastSeenID: last } });
      const results = page?.results ?? [];
      all.push(...results);
      if (results.length < PAGE) break;
    }
    return all.map((sender) => ({ ...sender, label: senderLabel(sender) }));
  },
  summary: (senders) => `Found ${senders.length} sender identit${senders.length === 1 ? 'y' : 'ies'}, ${senders.filter((s) => s.verified).length} verified.`,
});
