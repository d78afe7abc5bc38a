import * as z from 'zod/mini';
import { contactsWithNames, sampleContact, type Contact } from '../lib/contacts';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';

interface Sample {
  result?: Contact[];
  contact_count?: number;
}

/** A contact as the dropdown shows it: with a readable label such as "Ada Lovelace <ada@example.com>". */
export type LabelledContact = Contact & { label: string };

/** "Ada Lovelace <ada@example.com>", the email alone without a name, else another identifier or the id. */
export function contactLabel(c: Pick<Contact, 'id' | 'email' | 'first_name' | 'last_name' | 'phone_number_id' | 'external_id' | 'anonymous_id'>): string {
  const name = [c.first_name, c.last_name].filter(Boolean).join(' ');
  const address = c.email ?? c.phone_number_id ?? c.external_id ?? c.anonymous_id;
  if (name && address) return `${name} <${address}>`;
  return name || address || c.id;
}

const CONTACT_ID_HELP = 'From find_contacts_by_email or search_contacts.';
const help = (description: string) => [description, CONTACT_ID_HELP].filter(Boolean).join(' ');

/**
 * A contact id (a UUID): on Zapier, the recent contacts as its dropdown and Find Contacts by Email as its
 * search step (a search-bound field is one plain string).
 */
export const contactId = (description: string) =>
  zapier(z.guid('must be a contact id (a UUID)').check(z.describe(help(description))), {
    dynamic: 'list_recent_contacts.id.label',
    search: 'find_contacts_by_email.id',
    label: 'Contact',
  });

/** Several contact ids, up to `max`, with the recent contacts as the dropdown of each. */
export const contactIds = (description: string, max: number) =>
  zapier(
    z
      .array(z.guid('must be a contact id (a UUID)'))
      .check(z.minLength(1), z.maxLength(max), z.describe(help(description))),
    { dynamic: 'list_recent_contacts.id.label', label: 'Contacts' },
  );

export default defineOperation({
  key: 'list_recent_contacts',
  noun: 'Contact',
  label: 'List Recent Contacts',
  description:
    'Lists up to 50 recently changed contacts, with no paging. Not a full list: use search_contacts or export_contacts.',
  triggersWhen: 'a contact is added or updated (among the recent contacts SendGrid samples)',
  access: 'read',
  tags: ['contacts'],
  scopes: ['marketing.read'],
  input: z.strictObject({}),
  sample: { ...sampleContact, label: 'Ada Lovelace <ada@example.com>' },
  async perform(api): Promise<LabelledContact[]> {
    const body = await api.get<Sample>('/v3/marketing/contacts');
    const contacts = await contactsWithNames(api, body?.result ?? []);
    return contacts.map((contact) => ({ ...contact, label: contactLabel(contact) }));
  },
  summary: (contacts) =>
    `SendGrid returned a sample of ${contacts.length} recent contact(s), not every contact; use search_contacts or export_contacts for the rest.`,
});
