import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';
import { emailPath, oneEmail } from '../lib/suppressions';

export default defineOperation({
  key: 'remove_global_suppression',
  noun: 'Global Suppression',
  label: 'Remove Global Suppression',
  description:
    'Removes one address from the global suppression list; only if the recipient asked.',
  access: 'destructive',
  tags: ['suppressions'],
  scopes: ['asm.suppressions.global.delete'],
  input: z.strictObject({ email: oneEmail() }),
  sample: { email: 'ada@example.com', removed: true },
  async perform(api, { email }) {
    await api.delete(`/v3/asm/suppressions/global/${emailPath(email)}`);
    return { email, removed: true as const };
  },
  summary: ({ email }) => `Removed ${email} from the global suppression list.`,
});
