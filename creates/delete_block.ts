import { deleteSuppression } from '../lib/suppressions';

export default deleteSuppression({
  key: 'delete_block',
  list: 'blocks',
  noun: 'Block',
  label: 'Delete Block',
  description:
    "Deletes one address from the block list, once the block's cause (IP or content filter) is fixed.",
  scopes: ['suppression.blocks.delete'],
  from: 'the block list',
});
