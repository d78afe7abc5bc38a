import * as z from 'zod/mini';
import { described } from '../lib/described';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';
import { labelOf } from './list_lists';

/** A Segments 2.0 segment, as SendGrid returns it. */
export interface Segment {
  id: string;
  name: string;
  contacts_count: number;
  query_dsl?: string;
  contacts_sample?: Record<string, unknown>[];
  created_at: string;
  updated_at: string;
  sample_updated_at?: string;
  next_sample_update?: string;
  parent_list_ids?: string[] | null;
  query_version?: string;
  status?: { query_validation: string; error_message?: string };
  refreshes_used?: number;
  max_refreshes?: number;
  last_refreshed_at?: string;
}

export type LabelledSegment = Segment & { label: string };

/** A segment id (a UUID), with the segments as its Zapier dropdown; no description when the key says it all. */
export const segmentId = (description?: string) => {
  const id = z.guid('must be a segment id (a UUID)');
  return zapier(id.check(...described(description)), { dynamic: 'list_segments.id.label', label: 'Segment' });
};

export const segmentSample: Segment = {
  id: '7f3b2c1d-9e8a-4b6c-a5d4-3e2f1a0b9c8d',
  name: 'Loyal customers',
  query_dsl: "SELECT contact_id, updated_at FROM contact_data WHERE loyalty_points > 100 AND country = 'US'",
  contacts_count: 1250,
  contacts_sample: [{ id: '0a7a1a0e-5a2b-4c2e-8d3b-1f6f5e8c9d10', email: 'ada@example.com', first_name: 'Ada', list_ids: ['ca7a3796-e8a8-4029-9ccb-df8937940562'] }],
  created_at: '2026-03-01T10:30:00Z',
  updated_at: '2026-03-01T10:30:00Z',
  sample_updated_at: '2026-03-01T12:00:00Z',
  next_sample_update: '2026-03-02T12:00:00Z',
  parent_list_ids: ['ca7a3796-e8a8-4029-9ccb-df8937940562'],
  query_version: '2',
  status: { query_validation: 'VALID' },
};

const { query_dsl: _q, contacts_sample: _s, ...listed } = segmentSample;

export default defineOperation({
  key: 'list_segments',
  noun: 'Segment',
  label: 'List Segments',
  description:
    'Lists every segment with id, name and contact count; get_segment gives its query.',
  triggersWhen: 'a new segment is created',
  access: 'read',
  tags: ['segments'],
  scopes: ['marketing.read'],
  input: z.strictObject({}),
  sample: { ...listed, label: 'Loyal customers (1,250 contacts)' },
  // SendGrid returns every segment in one response (the spec does not page this endpoint).
  perform: async (api): Promise<LabelledSegment[]> => {
    const body = await api.get<{ results?: Segment[] } | undefined>('/v3/marketing/segments/2.0');
    const segments = Array.isArray(body?.results) ? body.results : [];
    return segments.map((segment) => ({ ...segment, label: labelOf(segment.name, segment.contacts_count) }));
  },
  summary: (segments) => `Found ${segments.length} segment(s).`,
});
