import * as z from 'zod/mini';
import type { UnsubscribeGroup } from '../dynamic-fields/list_unsubscribe_groups';
import { defineOperation } from '../lib/operation';
import { groupId } from '../lib/suppressions';

export default defineOperation({
  key: 'get_unsubscribe_group',
  noun: 'Unsubscribe Group',
  label: 'Find Unsubscribe Group',
  description:
    'Finds one unsubscribe group by id, with its opt-out count; an unknown id is an error.',
  access: 'read',
  tags: ['suppressions'],
  scopes: ['asm.groups.read'],
  input: z.strictObject({ group_id: groupId('From list_unsubscribe_groups.') }),
  sample: { id: 4127, name: 'Product Updates', description: 'News about features we ship', is_default: false, unsubscribes: 38 },
  perform: (api, { group_id }) => api.get<UnsubscribeGroup>(`/v3/asm/groups/${group_id}`),
  summary: (group) => `Unsubscribe group "${group.name}" (id ${group.id}) has ${group.unsubscribes ?? 0} unsubscribe(s).`,
});
