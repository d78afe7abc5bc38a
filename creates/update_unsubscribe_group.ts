import * as z from 'zod/mini';
import type { UnsubscribeGroup } from '../dynamic-fields/list_unsubscribe_groups';
import { defineOperation } from '../lib/operation';
import { groupId } from '../lib/suppressions';

export default defineOperation({
  key: 'update_unsubscribe_group',
  noun: 'Unsubscribe Group',
  label: 'Update Unsubscribe Group',
  description:
    'Updates an unsubscribe group: of name, description and is_default, at least one must be given.',
  access: 'write',
  tags: ['suppressions'],
  scopes: ['asm.groups.update'],
  input: z
    .strictObject({
      group_id: groupId('From list_unsubscribe_groups.'),
      name: z.optional(
        z.string().check(z.trim(), z.minLength(1), z.maxLength(30), z.describe('Unique in the account.')),
      ),
      description: z.optional(
        z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
      ),
      is_default: z.optional(z.boolean()),
    })
    .check(
      z.superRefine((input, ctx) => {
        if (input.name === undefined && input.description === undefined && input.is_default === undefined)
          ctx.addIssue({ code: 'custom', path: ['name'], message: 'give at least one of name, description or is_default to change', input });
      }),
    ),
  sample: { id: 4127, name: 'Product News', description: 'News about features we ship', is_default: false },
  perform: (api, { group_id, name, description, is_default }) =>
    api.patch<UnsubscribeGroup>(`/v3/asm/groups/${group_id}`, {
      body: {
        ...(name === undefined ? {} : { name }),
        ...(description === undefined ? {} : { description }),
        ...(is_default === undefined ? {} : { is_default }),
      },
    }),
  summary: (group) => `Updated unsubscribe group "${group.name}" (id ${group.id}).`,
});
