// Legacy Marketing Campaigns facts with no dependency (the sandbox uses them too): how SendGrid derives a
// recipient's id from its email, and the reserved fields every recipient has.

/**
 * SendGrid's id of a legacy recipient: the URL-safe base64 of the lowercased email, padding kept
 * (`ada@example.com` → `YWRhQGV4YW1wbGUuY29t`). Ids SendGrid returned are passed on exactly as given.
 */
export const recipientId = (email: string): string =>
  Buffer.from(email.trim().toLowerCase(), 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_');

export interface ReservedField {
  name: string;
  type: string;
}

/** Fields SendGrid keeps on every recipient, in the order it lists them; only email, first_name and last_name can be written. */
export const RESERVED_FIELDS: readonly ReservedField[] = [
  { name: 'first_name', type: 'text' },
  { name: 'last_name', type: 'text' },
  { name: 'email', type: 'text' },
  { name: 'created_at', type: 'date' },
  { name: 'updated_at', type: 'date' },
  { name: 'last_emailed', type: 'date' },
  { name: 'last_clicked', type: 'date' },
  { name: 'last_opened', type: 'date' },
  { name: 'lists', type: 'set' },
  { name: 'campaigns', type: 'set' },
];
