import * as z from 'zod/mini';
import type { UnsubscribeGroup } from '../dynamic-fields/list_unsubscribe_groups';
import { defineOperation } from '../lib/operation';

export default defineOperation({
  key: 'create_unsubscribe_group',
  noun: 'Unsubscribe Group',
  label: 'Create Unsubscribe Group',
  description:
    'Creates an unsubscribe group: a kind of email recipients can opt out of alone (they see its name and description). Adds no addresses.',
  access: 'write',
  tags: ['suppressions'],
  scopes: ['asm.groups.create'],
  input: z.strictObject({
    name: z.string().check(
      z.trim(),
      z.minLength(1),
      z.maxLength(30),
      z.describe('Unique in the account.'),
    ),
    description: z.string().check(
      z.trim(),
      z.minLength(1),
      z.maxLength(100),
    ),
    is_default: z.optional(
      z.boolean().check(z.describe('Shown on preference pages of emails without groups_to_display.')),
    ),
  }),
  sample: { id: 4127, name: 'Product Updates', description: 'News about features we ship', is_default: false },
  perform: (api, { name, description, is_default }) =>
    api.post<UnsubscribeGroup>('/v3/asm/groups', { body: { name, description, ...(is_default === undefined ? {} : { is_default }) } }),
  summary: (group) => `Created unsubscribe group "${group.name}" (id ${group.id}).`,
});
