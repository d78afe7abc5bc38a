import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';
import { segmentId, segmentSample, type Segment } from '../dynamic-fields/list_segments';
import { checkQuery, queryDslFor, queryFields } from './create_segment';

export default defineOperation({
  key: 'update_segment',
  noun: 'Segment',
  label: 'Update Segment',
  description:
    'Changes a Segments 2.0 segment\'s name and/or query; give at least one. The query is given as SGQL (query_dsl) or as conditions (field_name, operator, value or values, joined by and/or), checked against the field types and compiled to SGQL. Its parent list cannot be changed. SendGrid refills the segment in the background. A segment that does not exist is reported as not found.',
  access: 'write',
  tags: ['segments'],
  scopes: ['marketing.read'],
  input: z
    .strictObject({
      segment_id: segmentId('The segment to change.'),
      name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100), z.describe('A new name, unique in the account, up to 100 characters. Leave it out to keep the name.'))),
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
