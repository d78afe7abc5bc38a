import * as z from 'zod/mini';
import type { UnsubscribeGroup } from '../dynamic-fields/list_unsubscribe_groups';
import { defineOperation } from '../lib/operation';
import { groupId } from '../lib/suppressions';

export default defineOperation({
  key: 'update_unsubscribe_group',
  noun: 'Unsubscribe Group',
  label: 'Update Unsubscribe Group',
  description:
    "Updates an unsubscribe group's name, description or default flag; fields left out keep their value, and at least one must be given. It does not change who opted out of the group (use add_emails_to_unsubscribe_group or remove_email_from_unsubscribe_group).",
  access: 'write',
  tags: ['suppressions'],
  scopes: ['asm.groups.update'],
  input: z
    .strictObject({
      group_id: groupId('The id of the unsubscribe group to change (list_unsubscribe_groups lists them).'),
      name: z.optional(
        z.string().check(z.trim(), z.minLength(1), z.maxLength(30), z.describe('A new name recipients see, up to 30 characters, unique in the account.')),
      ),
      description: z.optional(
        z.string().check(z.trim(), z.minLength(1), z.maxLength(100), z.describe('A new description recipients see, up to 100 characters.')),
      ),
      is_default: z.optional(z.boolean().check(z.describe('Make this the default group (true), or stop it being the default (false).'))),
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
