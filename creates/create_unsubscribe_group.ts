import * as z from 'zod/mini';
import type { UnsubscribeGroup } from '../dynamic-fields/list_unsubscribe_groups';
import { defineOperation } from '../lib/operation';

export default defineOperation({
  key: 'create_unsubscribe_group',
  noun: 'Unsubscribe Group',
  label: 'Create Unsubscribe Group',
  description:
    'Creates an unsubscribe (suppression) group: a kind of email, such as "Product Updates", that recipients can opt out of without unsubscribing from everything. Recipients see its name and description on the preferences page. It adds no addresses (use add_emails_to_unsubscribe_group) and sends nothing; name an email\'s group in send_email. SendGrid allows up to 200 groups.',
  access: 'write',
  tags: ['suppressions'],
  scopes: ['asm.groups.create'],
  input: z.strictObject({
    name: z.string().check(
      z.trim(),
      z.minLength(1),
      z.maxLength(30),
      z.describe('The group name recipients see, up to 30 characters, unique in the account, such as "Product Updates".'),
    ),
    description: z.string().check(
      z.trim(),
      z.minLength(1),
      z.maxLength(100),
      z.describe('What recipients of this group get, up to 100 characters, such as "News about features we ship".'),
    ),
    is_default: z.optional(
      z.boolean().check(z.describe('Make this the default group, used for email that names no group. Default: no.')),
    ),
  }),
  sample: { id: 4127, name: 'Product Updates', description: 'News about features we ship', is_default: false },
  perform: (api, { name, description, is_default }) =>
    api.post<UnsubscribeGroup>('/v3/asm/groups', { body: { name, description, ...(is_default === undefined ? {} : { is_default }) } }),
  summary: (group) => `Created unsubscribe group "${group.name}" (id ${group.id}).`,
});
