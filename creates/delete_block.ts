import { deleteSuppression } from '../lib/suppressions';

export default deleteSuppression({
  key: 'delete_block',
  list: 'blocks',
  noun: 'Block',
  label: 'Delete Block',
  description:
    "Deletes one address from SendGrid's block list, so SendGrid tries to deliver to it again. Do it once the cause of the block (an IP or content filter at the receiver) is fixed. It removes nothing else (bounces, spam reports, unsubscribes) and cannot be undone.",
  scopes: ['suppression.blocks.delete'],
  from: 'the block list',
});
