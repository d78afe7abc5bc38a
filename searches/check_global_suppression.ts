import * as z from 'zod/mini';
import { isoFromSendGrid } from '../lib/dates';
import { defineOperation } from '../lib/operation';
import { emailPath, isoFromUnix, oneEmail } from '../lib/suppressions';

/** SendGrid's answer: `{}` when the address is not suppressed, `{ recipient_email }` when it is. */
interface GlobalSuppression {
  recipient_email?: string;
  created_at?: number | string;
  created?: number | string;
}

const timeOf = (value: number | string | undefined) => (typeof value === 'string' ? isoFromSendGrid(value) : isoFromUnix(value));

export default defineOperation({
  key: 'check_global_suppression',
  noun: 'Global Suppression',
  label: 'Find Global Suppression',
  description:
    'Finds whether one address is globally unsubscribed, and since when; always one result.',
  access: 'read',
  tags: ['suppressions'],
  scopes: ['asm.suppressions.global.read'],
  input: z.strictObject({ email: oneEmail() }),
  sample: { email: 'ada@example.com', suppressed: true, suppressed_at: '2026-03-01T08:00:00Z' },
  async perform(api, { email }) {
    const found = (await api.get<GlobalSuppression | undefined>(`/v3/asm/suppressions/global/${emailPath(email)}`)) ?? {};
    const suppressed = typeof found.recipient_email === 'string' && found.recipient_email !== '';
    return { email, suppressed, suppressed_at: suppressed ? timeOf(found.created_at ?? found.created) : null };
  },
  summary: ({ email, suppressed, suppressed_at }) =>
    suppressed
      ? `${email} is globally suppressed${suppressed_at ? ` since ${suppressed_at}` : ''}: SendGrid sends it no email.`
      : `${email} is not on the global suppression list.`,
});
