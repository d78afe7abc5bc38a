import * as z from 'zod/mini';
import type { UnsubscribeGroup } from '../dynamic-fields/list_unsubscribe_groups';
import { defineOperation } from '../lib/operation';
import { groupId } from '../lib/suppressions';

export default defineOperation({
  key: 'get_unsubscribe_group',
  noun: 'Unsubscribe Group',
  label: 'Find Unsubscribe Group',
  description:
    'Finds one unsubscribe group by its id: name, description, whether it is the default and how many addresses opted out of it. Read-only; an unknown id is an error, not an empty result. For the addresses themselves use list_unsubscribe_group_suppressions; for every group, list_unsubscribe_groups.',
  access: 'read',
  tags: ['suppressions'],
  scopes: ['asm.groups.read'],
  input: z.strictObject({ group_id: groupId('The id of the unsubscribe group to read (list_unsubscribe_groups lists them).') }),
  sample: { id: 4127, name: 'Product Updates', description: 'News about features we ship', is_default: false, unsubscribes: 38 },
  perform: (api, { group_id }) => api.get<UnsubscribeGroup>(`/v3/asm/groups/${group_id}`),
  summary: (group) => `Unsubscribe group "${group.name}" (id ${group.id}) has ${group.unsubscribes ?? 0} unsubscribe(s).`,
});
