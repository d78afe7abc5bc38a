import * as z from 'zod/mini';
import { described } from '../lib/described';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';

export interface List {
  id: string;
  name: string;
  contact_count: number;
  _metadata?: { self?: string };
}

/** A list as the dropdown shows it: with a readable label such as "Newsletter (5,000 contacts)". */
export type LabelledList = List & { label: string };

const count = (n: number | undefined, noun: string) => `${(n ?? 0).toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
export const labelOf = (name: string, contacts: number | undefined) => `${name} (${count(contacts, 'contact')})`;

/** A Marketing Campaigns list id (a UUID), with the lists as its Zapier dropdown; no description when the key says it all. */
export const listId = (description?: string, label = 'List') => {
  const id = z.guid('must be a list id (a UUID)');
  return zapier(id.check(...described(description)), { dynamic: 'list_lists.id.label', label });
};

export default defineOperation({
  key: 'list_lists',
  noun: 'List',
  label: 'List Lists',
  description:
    'Lists all contact lists (every page) with id, name and contact count.',
  triggersWhen: 'a new contact list is created',
  access: 'read',
  paged: true,
  tags: ['lists'],
  scopes: ['marketing.read'],
  input: z.strictObject({}),
  sample: {
    id: 'ca7a3796-e8a8-4029-9ccb-df8937940562',
    name: 'Newsletter Subscribers',
    contact_count: 5000,
    label: 'Newsletter Subscribers (5,000 contacts)',
    _metadata: { self: 'https://api.sendgrid.com/v3/marketing/lists/ca7a3796-e8a8-4029-9ccb-df8937940562' },
  },
  // 1,000 is the largest page SendGrid allows here, so most accounts need one request.
  perform: async (api): Promise<LabelledList[]> => {
    const lists = await api.paginate<List>('/v3/marketing/lists', { style: 'token', items: 'result', pageSize: 1000 });
    return lists.map((list) => ({ ...list, label: labelOf(list.name, list.contact_count) }));
  },
  summary: (lists) => `Found ${lists.length} contact list(s).`,
});
