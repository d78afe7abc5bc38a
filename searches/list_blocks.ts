import { listSuppressions } from '../lib/suppressions';

export default listSuppressions({
  key: 'list_blocks',
  list: 'blocks',
  noun: 'Block',
  label: 'Find Blocks',
  description:
    'Finds addresses on the block list (refused, e.g. for IP or content). Fails over 50,000 records.',
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
