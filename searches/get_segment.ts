import * as z from 'zod/mini';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';
import { segmentId, segmentSample, type Segment } from '../dynamic-fields/list_segments';

export default defineOperation({
  key: 'get_segment',
  noun: 'Segment',
  label: 'Find Segment',
  description:
    'Finds a segment by id, with its SGQL query, contact count and sample contacts. It does not refresh the segment.',
  access: 'read',
  tags: ['segments'],
  scopes: ['marketing.read'],
  input: z.strictObject({
    segment_id: segmentId(),
    contacts_sample: zapier(
      z.optional(z.boolean().check(z.describe('Defaults to true.'))),
      { label: 'Include Sample Contacts' },
    ),
  }),
  sample: segmentSample,
  perform: (api, { segment_id, contacts_sample }) =>
    api.get<Segment>(`/v3/marketing/segments/2.0/${encodeURIComponent(segment_id)}`, {
      query: contacts_sample === undefined ? undefined : { contacts_sample },
    }),
  summary: (segment) => `Segment "${segment.name}" (id ${segment.id}) has ${(segment.contacts_count ?? 0).toLocaleString('en-US')} contact(s).`,
});
