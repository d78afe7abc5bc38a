import { listSuppressions } from '../lib/suppressions';

export default listSuppressions({
  key: 'list_global_unsubscribes',
  list: 'unsubscribes',
  noun: 'Global Unsubscribe',
  label: 'Find Global Unsubscribes',
  description:
    'Finds the addresses that unsubscribed from all your mail (the global suppression list): address and when, optionally within a time window or for addresses starting with some text. Read-only; it does not include unsubscribes from a single group (see list_unsubscribe_group_suppressions). Check one address with check_global_suppression; remove one with remove_global_suppression. More than 50,000 records: narrow the window.',
  // The suppression area's own scope for this list; the asm.suppressions.global.* scopes cover the
  // /v3/asm/suppressions/global endpoints instead.
  scopes: ['suppression.unsubscribes.read'],
  sample: { email: 'grace@example.com', created: 1772352000, created_at: '2026-03-01T08:00:00Z' },
  counted: 'global unsubscribe(s)',
});
