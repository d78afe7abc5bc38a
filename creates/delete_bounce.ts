import { deleteSuppression } from '../lib/suppressions';

export default deleteSuppression({
  key: 'delete_bounce',
  list: 'bounces',
  noun: 'Bounce',
  label: 'Delete Bounce',
  description:
    'Deletes one address from the bounce list; only if the mailbox now works, as bounces hurt reputation.',
  scopes: ['suppression.bounces.delete'],
  from: 'the bounce list',
});
