import * as z from 'zod/mini';
import { singleSendId } from '../dynamic-fields/list_single_sends';
import { defineOperation } from '../lib/operation';
import { singleSendSample, type SingleSend } from '../searches/get_single_send';
import { asDraftResult, DRAFT_NOTE } from './create_single_send';

export default defineOperation({
  key: 'duplicate_single_send',
  noun: 'Single Send',
  label: 'Duplicate Single Send',
  description:
    'Duplicates a Single Send as a new draft, sending nothing: schedule_single_send sends it.',
  access: 'write',
  tags: ['single_sends'],
  scopes: ['marketing.read'],
  input: z.strictObject({
    id: singleSendId(),
    name: z.optional(
      z.string().check(
        z.trim(),
        z.minLength(1),
        z.maxLength(100),
        z.describe('Default: "Copy of " and the original name.'),
      ),
    ),
  }),
  sample: {
    ...singleSendSample,
    id: '5d3c6b1a-8e2f-4a7b-9c1d-0e4f2a6b8c3d',
    name: 'Copy of Spring Sale',
    note: DRAFT_NOTE,
  },
  perform: async (api, { id, name }) =>
    asDraftResult(
      await api.post<SingleSend>(`/v3/marketing/singlesends/${encodeURIComponent(id)}`, { body: name !== undefined ? { name } : {} }),
    ),
  summary: (copy, { id }) => `Duplicated Single Send ${id} as "${copy.name}" (id ${copy.id}): draft; schedule it to send. Nothing was sent.`,
});
