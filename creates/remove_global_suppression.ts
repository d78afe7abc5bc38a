import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';
import { emailPath, oneEmail } from '../lib/suppressions';

export default defineOperation({
  key: 'remove_global_suppression',
  noun: 'Global Suppression',
  label: 'Remove Global Suppression',
  description:
    'Removes one address from the global suppression list (a global unsubscribe), so SendGrid may send it email again. Do it only when the recipient asked to: it overrides their unsubscribe. It does not touch unsubscribe groups, bounces, blocks, spam reports or invalid emails.',
  access: 'destructive',
  tags: ['suppressions'],
  scopes: ['asm.suppressions.global.delete'],
  input: z.strictObject({ email: oneEmail('The address to remove from the global suppression list, such as ada@example.com.') }),
  sample: { email: 'ada@example.com', removed: true },
  async perform(api, { email }) {
    await api.delete(`/v3/asm/suppressions/global/${emailPath(email)}`);
    return { email, removed: true as const };
  },
  summary: ({ email }) => `Removed ${email} from the global suppression list.`,
});
