import * as z from 'zod/mini';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';
import listLists, { type LabelledList } from '../dynamic-fields/list_lists';

export default defineOperation({
  key: 'find_list_by_name',
  noun: 'List',
  label: 'Find List by Name',
  description:
    'Finds Marketing Campaigns contact lists by name, searching every page of lists: an exact name, ignoring case and surrounding spaces, or with match set to contains, every list whose name contains the text. Returns the matching lists (id, name, contact count), none when nothing matches. Read-only; it creates no list (use create_list).',
  access: 'read',
  tags: ['lists'],
  scopes: ['marketing.read'],
  input: z.strictObject({
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100), z.describe('The list name to look for.')),
    match: zapier(
      z.optional(z.enum(['exact', 'contains']).check(z.describe('exact (the default): the whole name, ignoring case; contains: names containing the text, ignoring case.'))),
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
