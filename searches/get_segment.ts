import * as z from 'zod/mini';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';
import { segmentId, segmentSample, type Segment } from '../dynamic-fields/list_segments';

export default defineOperation({
  key: 'get_segment',
  noun: 'Segment',
  label: 'Find Segment',
  description:
    'Finds one Segments 2.0 segment by id: name, SGQL query (query_dsl), contact count, parent list, query validation status and a sample of its contacts. A segment that does not exist is reported as not found. Read-only; SendGrid refreshes a segment\'s contacts on its own schedule, and this does not trigger a refresh.',
  access: 'read',
  tags: ['segments'],
  scopes: ['marketing.read'],
  input: z.strictObject({
    segment_id: segmentId('The segment to get.'),
    contacts_sample: zapier(
      z.optional(z.boolean().check(z.describe('Include a sample of the segment\'s contacts. SendGrid includes it unless this is false.'))),
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
