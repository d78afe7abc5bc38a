import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';

export default defineOperation({
  key: 'list_categories',
  noun: 'Category',
  label: 'List Categories',
  description:
    'Lists the categories used on this account\'s emails (set when sending, e.g. send_email\'s categories), following all pages; prefix narrows them to names that start with it. Read-only: categories cannot be created here; they appear once an email carries them. For their statistics use get_category_stats.',
  triggersWhen: 'an email is first sent with a new category',
  access: 'read',
  paged: true,
  tags: ['stats'],
  scopes: ['categories.read'],
  input: z.strictObject({
    prefix: z.optional(z.string().check(z.minLength(1), z.maxLength(255), z.describe('Only categories whose name starts with this text.'))),
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
