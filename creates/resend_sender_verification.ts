import * as z from 'zod/mini';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';
import { SENDER_SCOPES } from '../dynamic-fields/list_verified_senders';

export default defineOperation({
  key: 'resend_sender_verification',
  noun: 'Verified Sender',
  label: 'Resend Sender Verification',
  description:
    "Makes SendGrid email the verification link of a Single Sender identity again, to its from address (when the first email was lost or expired). It verifies nothing by itself: someone must open the link. A sender that does not exist is reported as not found.",
  access: 'write',
  tags: ['senders'],
  scopes: SENDER_SCOPES.write,
  input: z.strictObject({
    id: zapier(
      z.int().check(z.positive(), z.describe('The sender identity, from list_verified_senders or create_verified_sender.')),
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
