import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';
import { segmentId } from '../dynamic-fields/list_segments';

export default defineOperation({
  key: 'delete_segment',
  noun: 'Segment',
  label: 'Delete Segment',
  description:
    'Deletes a segment, irreversibly; its contacts stay in the account and on their lists.',
  access: 'destructive',
  tags: ['segments'],
  scopes: ['marketing.read'],
  input: z.strictObject({ segment_id: segmentId() }),
  sample: { id: '7f3b2c1d-9e8a-4b6c-a5d4-3e2f1a0b9c8d', deleted: true as const },
  perform: async (api, { segment_id }) => {
    await api.delete(`/v3/marketing/segments/2.0/${encodeURIComponent(segment_id)}`);
    return { id: segment_id, deleted: true as const };
  },
  summary: (result) => `Deleted segment ${result.id}; its contacts were kept.`,
});
