import { listSuppressions } from '../lib/suppressions';

export default listSuppressions({
  key: 'list_blocks',
  list: 'blocks',
  noun: 'Block',
  label: 'Find Blocks',
  description:
    "Finds the addresses on SendGrid's block list (the receiving server refused the mail for a reason other than a missing mailbox, such as a blocked IP or a content filter): address, status, reason and when, optionally within a time window or for addresses starting with some text. Read-only; remove one with delete_block. More than 50,000 records: narrow the window.",
  scopes: ['suppression.blocks.read'],
  sample: {
    email: 'grace@example.com',
    created: 1772352000,
    created_at: '2026-03-01T08:00:00Z',
    reason: 'error dialing remote address: dial tcp 10.57.152.165:25: no route to host',
    status: '4.0.0',
  },
  counted: 'block(s)',
});
