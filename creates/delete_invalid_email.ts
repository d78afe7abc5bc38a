import { deleteSuppression } from '../lib/suppressions';

export default deleteSuppression({
  key: 'delete_invalid_email',
  list: 'invalid_emails',
  noun: 'Invalid Email',
  label: 'Delete Invalid Email',
  description:
    'Deletes one address from the invalid email list, once the address or its domain is fixed.',
  scopes: ['suppression.invalid_emails.delete'],
  from: 'the invalid email list',
});
