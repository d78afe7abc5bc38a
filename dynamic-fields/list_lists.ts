import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';

export interface List {
  id: string;
  name: string;
  contact_count: number;
  _metadata?: { self?: string };
}

export default defineOperation({
  key: 'list_lists',
  noun: 'List',
  label: 'List Lists',
  description:
    'Lists every contact list in SendGrid Marketing Campaigns (id, name, contact count), following all pages. Read-only; it does not list the contacts themselves.',
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
    _metadata: { self: 'https://api.sendgrid.com/v3/marketing/lists/ca7a3796-e8a8-4029-9ccb-df8937940562' },
  },
  // 1,000 is the largest page SendGrid allows here, so most accounts need one request.
  perform: (api) => api.paginate<List>('/v3/marketing/lists', { style: 'token', items: 'result', pageSize: 1000 }),
  summary: (lists) => `Found ${lists.length} contact list(s).`,
});
