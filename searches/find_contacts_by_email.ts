import * as z from 'zod/mini';
import { contactsWithNames, sampleContact, type Contact } from '../lib/contacts';
import { SendGridError } from '../lib/errors';
import { defineOperation } from '../lib/operation';

interface ByEmail {
  result?: Record<string, { contact?: Contact; error?: string }>;
}

/** The searched addresses no contact matched (a match may be on an alternate email). */
const notFound = (contacts: Contact[], emails: string[]) => {
  const known = new Set(contacts.flatMap((c) => [c.email, ...(c.alternate_emails ?? [])]).filter(Boolean).map((e) => e!.toLowerCase()));
  return emails.filter((e) => !known.has(e.toLowerCase()));
};

export default defineOperation({
  key: 'find_contacts_by_email',
  noun: 'Contact',
  label: 'Find Contacts by Email',
  description:
    'Finds contacts by exact email address, alternate emails included. No match is an empty result. For other searches use search_contacts.',
  access: 'read',
  tags: ['contacts'],
  scopes: ['marketing.read'],
  input: z.strictObject({
    emails: z
      .array(z.email().check(z.maxLength(100)))
      .check(z.minLength(1), z.maxLength(100)),
  }),
  sample: sampleContact,
  async perform(api, { emails }) {
    let body: ByEmail | undefined;
    try {
      body = await api.post<ByEmail>('/v3/marketing/contacts/search/emails', { body: { emails: [...new Set(emails.map((e) => e.toLowerCase()))] } });
    } catch (error) {
      // SendGrid answers 404 when none of the addresses matches: that is an empty result.
      if (error instanceof SendGridError && error.status === 404) return [] as Contact[];
      throw error;
    }
    const contacts = Object.values(body?.result ?? {}).flatMap((entry) => (entry?.contact ? [entry.contact] : []));
    // One contact can match two searched addresses (its email and an alternate one): list it once.
    return contactsWithNames(api, [...new Map(contacts.map((c) => [c.id, c])).values()]);
  },
  summary: (contacts, { emails }) => {
    const missing = notFound(contacts, emails);
    return `Found ${contacts.length} contact(s) for ${emails.length} address(es)${missing.length ? `; no contact for ${missing.join(', ')}` : ''}.`;
  },
  zapier: { searchOrCreate: { create: 'upsert_contacts' } },
});
