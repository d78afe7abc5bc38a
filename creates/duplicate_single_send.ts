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
    'Duplicates a Single Send of SendGrid Marketing Campaigns into a new draft with the same recipients, content and settings, and returns the copy. Without a name, SendGrid names it "Copy of " and the original name (cut to 100 characters). The copy is a draft and nothing is sent: schedule it to send with schedule_single_send. The original is not changed.',
  access: 'write',
  tags: ['single_sends'],
  scopes: ['marketing.read'],
  input: z.strictObject({
    id: singleSendId('The Single Send to copy.'),
    name: z.optional(
      z.string().check(
        z.trim(),
        z.minLength(1),
        z.maxLength(100),
        z.describe('The name of the copy, up to 100 characters. Leave it blank for "Copy of " and the original name.'),
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
