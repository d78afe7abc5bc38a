import { listSuppressions } from '../lib/suppressions';

export default listSuppressions({
  key: 'list_global_unsubscribes',
  list: 'unsubscribes',
  noun: 'Global Unsubscribe',
  label: 'Find Global Unsubscribes',
  description:
    'Finds addresses unsubscribed from all your mail, not group opt-outs. Fails over 50,000 records.',
  // The suppression area's own scope for this list; the asm.suppressions.global.* scopes cover the
  // /v3/asm/suppressions/global endpoints instead.
  scopes: ['suppression.unsubscribes.read'],
  sample: { email: 'grace@example.com', created: 1772352000, created_at: '2026-03-01T08:00:00Z' },
  counted: 'global unsubscribe(s)',
});
