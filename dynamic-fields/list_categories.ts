import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';

export default defineOperation({
  key: 'list_categories',
  noun: 'Category',
  label: 'List Categories',
  description:
    "Lists the categories used on the account's emails (all pages); they appear once an email carries one.",
  triggersWhen: 'an email is first sent with a new category',
  access: 'read',
  paged: true,
  tags: ['stats'],
  scopes: ['categories.read'],
  input: z.strictObject({
    prefix: z.optional(z.string().check(z.minLength(1), z.maxLength(255), z.describe('Name prefix to match.'))),
  }),
  // `id` repeats the name: Zapier wants an id on each item, and the name is the category's identity.
  sample: { id: 'orders', category: 'orders' },
  perform: async (api, { prefix }) => {
    const categories = await api.paginate<{ category: string }>('/v3/categories', {
      style: 'offset',
      pageSize: 100,
      query: { category: prefix },
    });
    return categories.map(({ category }) => ({ id: category, category }));
  },
  summary: (categories) => `Found ${categories.length} categor${categories.length === 1 ? 'y' : 'ies'}.`,
});
