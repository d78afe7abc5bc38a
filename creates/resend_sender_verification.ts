import * as z from 'zod/mini';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';
import { SENDER_SCOPES } from '../dynamic-fields/list_verified_senders';

export default defineOperation({
  key: 'resend_sender_verification',
  noun: 'Verified Sender',
  label: 'Resend Sender Verification',
  description:
    "Sends a Single Sender's verification link to its from address again.",
  access: 'write',
  tags: ['senders'],
  scopes: SENDER_SCOPES.write,
  input: z.strictObject({
    id: zapier(
      z.int().check(z.positive(), z.describe('From list_verified_senders.')),
      { dynamic: 'list_verified_senders.id.label', label: 'Sender' },
    ),
  }),
  sample: { id: 3920112, resent: true },
  perform: async (api, { id }) => {
    await api.post(`/v3/verified_senders/resend/${id}`);
    return { id, resent: true };
  },
  summary: (result) => `SendGrid emailed the verification link of sender ${result.id} again.`,
});
