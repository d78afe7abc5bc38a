import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';
import { segmentId, segmentSample, type Segment } from '../dynamic-fields/list_segments';
import { checkQuery, queryDslFor, queryFields } from './create_segment';

export default defineOperation({
  key: 'update_segment',
  noun: 'Segment',
  label: 'Update Segment',
  description:
    'Changes a segment\'s name and/or query; its parent list cannot change. SendGrid refills it in the background.',
  access: 'write',
  tags: ['segments'],
  scopes: ['marketing.read'],
  input: z
    .strictObject({
      segment_id: segmentId(),
      name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
      ...queryFields(false),
    })
    .check(
      checkQuery(false),
      z.superRefine((input, ctx) => {
        if (input.name === undefined && input.query_dsl === undefined && input.conditions === undefined)
          ctx.addIssue({ code: 'custom', path: ['name'], message: 'give a new name, a new query (query_dsl or conditions), or both', input });
      }),
    ),
  sample: segmentSample,
  perform: async (api, input) => {
    const query_dsl = await queryDslFor(api, input);
    return api.patch<Segment>(`/v3/marketing/segments/2.0/${encodeURIComponent(input.segment_id)}`, {
      body: { ...(input.name === undefined ? {} : { name: input.name }), ...(query_dsl === undefined ? {} : { query_dsl }) },
    });
  },
  summary: (segment) => `Updated segment "${segment.name}" (id ${segment.id}).`,
});
