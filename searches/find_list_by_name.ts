import * as z from 'zod/mini';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';
import listLists, { type LabelledList } from '../dynamic-fields/list_lists';

export default defineOperation({
  key: 'find_list_by_name',
  noun: 'List',
  label: 'Find List by Name',
  description:
    'Finds contact lists by exact name, or names containing it with match contains; ignores case.',
  access: 'read',
  tags: ['lists'],
  scopes: ['marketing.read'],
  input: z.strictObject({
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
    match: zapier(
      z.optional(z.enum(['exact', 'contains'])),
      { label: 'Match' },
    ),
  }),
  sample: listLists.sample,
  perform: async (api, { name, match = 'exact' }): Promise<LabelledList[]> => {
    const wanted = name.toLowerCase();
    const lists = await listLists.perform(api, {});
    return lists.filter((list) => {
      const have = list.name.trim().toLowerCase();
      return match === 'contains' ? have.includes(wanted) : have === wanted;
    });
  },
  summary: (lists, { name }) =>
    lists.length ? `Found ${lists.length} list(s) named "${name}": ${lists.map((l) => `${l.name} (id ${l.id})`).join(', ')}.` : `No list named "${name}".`,
});
