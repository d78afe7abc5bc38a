import * as z from 'zod/mini';
import type { SendGridApi } from '../lib/client';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';
import { compileConditions, conditionListSchema, fieldTypesFor, segmentQuery, type ConditionLine } from '../lib/sgql';
import { listId } from '../dynamic-fields/list_lists';
import { segmentSample, type Segment } from '../dynamic-fields/list_segments';

/** The two ways to give a segment's query: raw SGQL, or conditions compiled to it. */
export const queryFields = (required: boolean) => ({
  query_dsl: zapier(
    z.optional(
      z.string().check(
        z.trim(),
        z.minLength(1),
        z.maxLength(10000),
        z.describe('An SGQL WHERE condition, or a full SELECT.'),
      ),
    ),
    { type: 'text', label: 'Query (SGQL)' },
  ),
  conditions: z.optional(
    conditionListSchema(
      'Use instead of query_dsl.',
      { fieldDropdown: 'list_searchable_fields.id.label' },
    ),
  ),
});

type QueryInput = { query_dsl?: string | undefined; conditions?: ConditionLine[] | undefined };

/** Exactly one (or, when optional, at most one) of query_dsl and conditions. */
export const checkQuery = (required: boolean) =>
  z.superRefine((input: QueryInput, ctx) => {
    if (input.query_dsl !== undefined && input.conditions !== undefined)
      ctx.addIssue({ code: 'custom', path: ['conditions'], message: 'give query_dsl or conditions, not both', input });
    else if (required && input.query_dsl === undefined && input.conditions === undefined)
      ctx.addIssue({ code: 'custom', path: ['query_dsl'], message: 'give the segment\'s query: query_dsl or conditions', input });
  });

/**
 * The query_dsl to send: raw SGQL completed to a full SELECT, or the conditions compiled (after reading the
 * account's field definitions when a custom field is used). Refuses bad conditions before any write.
 */
export async function queryDslFor(api: SendGridApi, { query_dsl, conditions }: QueryInput): Promise<string | undefined> {
  if (query_dsl !== undefined) return /^select\s/i.test(query_dsl) ? query_dsl : segmentQuery(query_dsl);
  if (conditions === undefined) return undefined;
  return segmentQuery(compileConditions(conditions, await fieldTypesFor(api, conditions), 'conditions'));
}

export default defineOperation({
  key: 'create_segment',
  noun: 'Segment',
  label: 'Create Segment',
  description:
    'Creates a Segments 2.0 segment from a query, either as SGQL (query_dsl) or as conditions. SendGrid fills it in the background.',
  access: 'write',
  tags: ['segments'],
  scopes: ['marketing.read'],
  input: z
    .strictObject({
      name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
      parent_list_id: z.optional(listId("Only this list's contacts; default all.", 'Parent List')),
      ...queryFields(true),
    })
    .check(checkQuery(true)),
  sample: { ...segmentSample, contacts_count: 0, contacts_sample: [] },
  perform: async (api, input) => {
    const query_dsl = (await queryDslFor(api, input))!;
    return api.post<Segment>('/v3/marketing/segments/2.0', {
      body: { name: input.name, query_dsl, ...(input.parent_list_id ? { parent_list_ids: [input.parent_list_id] } : {}) },
    });
  },
  summary: (segment) => `Created segment "${segment.name}" (id ${segment.id}); SendGrid fills it in the background.`,
});
