import * as z from 'zod/mini';
import { contactsWithNames, nameOf, sampleContact, type Contact } from '../lib/contacts';
import { defineOperation } from '../lib/operation';
import { contactId } from '../dynamic-fields/list_recent_contacts';

export default defineOperation({
  key: 'get_contact',
  noun: 'Contact',
  label: 'Find Contact by ID',
  description:
    'Finds a contact by id, with its lists, segments and custom fields.',
  access: 'read',
  tags: ['contacts'],
  scopes: ['marketing.read'],
  input: z.strictObject({
    contact_id: contactId(''),
  }),
  sample: sampleContact,
  async perform(api, { contact_id }) {
    const contact = await api.get<Contact>(`/v3/marketing/contacts/${encodeURIComponent(contact_id)}`);
    const [named] = await contactsWithNames(api, [contact]);
    return named!;
  },
  summary: (contact) => `Found contact ${nameOf(contact)} (id ${contact.id}).`,
});
