// Marketing Campaigns contacts: the shape SendGrid returns, a realistic sample, and the fields a contact
// is written with (shared by the upsert's single contact and its line items).
import * as z from 'zod/mini';
import { described } from './described';
import type { SendGridApi } from './client';
import { customFieldsSchema, withFieldNames } from './custom-fields';
import { InputError, SendGridError } from './errors';
import { zapier } from './hints';

/** The identifiers and reserved fields a contact has (the sandbox stores the same). */
export interface ContactProfile {
  id: string;
  email?: string;
  phone_number_id?: string;
  external_id?: string;
  anonymous_id?: string;
  first_name?: string;
  last_name?: string;
  alternate_emails?: string[];
  address_line_1?: string;
  address_line_2?: string;
  city?: string;
  state_province_region?: string;
  postal_code?: string;
  country?: string;
}

export interface Contact extends ContactProfile {
  unique_name?: string;
  phone_number?: string;
  whatsapp?: string;
  line?: string;
  facebook?: string;
  list_ids: string[];
  segment_ids: string[];
  custom_fields?: Record<string, unknown>;
  created_at: string;
  updated_at: string;
  _metadata?: { self?: string };
}

export const sampleContact: Contact = {
  id: '0a7a1a0e-5a2b-4c2e-8d3b-1f6f5e8c9d10',
  email: 'ada@example.com',
  first_name: 'Ada',
  last_name: 'Lovelace',
  alternate_emails: ['ada.lovelace@example.org'],
  address_line_1: '12 St James Square',
  city: 'London',
  postal_code: 'SW1Y 4JH',
  country: 'United Kingdom',
  list_ids: ['ca7a3796-e8a8-4029-9ccb-df8937940562'],
  segment_ids: [],
  custom_fields: { favorite_color: 'blue', loyalty_points: 120 },
  created_at: '2026-03-02T09:41:17Z',
  updated_at: '2026-03-05T14:02:51Z',
  _metadata: { self: 'https://api.sendgrid.com/v3/marketing/contacts/0a7a1a0e-5a2b-4c2e-8d3b-1f6f5e8c9d10' },
};

/** The contact's identifiers: each contact needs at least one of these. */
export const IDENTIFIERS = ['email', 'phone_number_id', 'external_id', 'anonymous_id'] as const;

const text = (max: number | undefined, description?: string) =>
  z.optional(z.string().check(z.trim(), z.minLength(1), ...(max ? [z.maxLength(max)] : []), ...described(description)));

/** A contact's fields as SendGrid's upsert takes them (custom fields by name). Build a fresh set per use. */
export const contactShape = () => ({
  email: z.optional(z.email().check(z.maxLength(254))),
  phone_number_id: zapier(text(undefined, 'E.g. +14155550123.'), { label: 'Phone Number (Identifier)' }),
  external_id: zapier(text(254), { label: 'External Identifier' }),
  anonymous_id: zapier(text(254), { label: 'Anonymous Identifier' }),
  first_name: text(50),
  last_name: text(50),
  alternate_emails: z.optional(z.array(z.email().check(z.maxLength(254))).check(z.maxLength(5))),
  address_line_1: text(100),
  address_line_2: text(100),
  city: text(60),
  state_province_region: text(50),
  postal_code: text(undefined),
  country: text(50),
  custom_fields: z.optional(
    customFieldsSchema('By field name; an unknown name is an error. Dates as YYYY-MM-DD.'),
  ),
});

export type ContactFields = { [K in keyof ReturnType<typeof contactShape>]?: z.output<ReturnType<typeof contactShape>[K]> };

export const hasIdentifier = (contact: ContactFields) => IDENTIFIERS.some((key) => contact[key] !== undefined);

/** A contact from SendGrid with its custom fields keyed by name. */
export const contactsWithNames = (api: SendGridApi, contacts: Contact[]) => withFieldNames(api, contacts);

export const nameOf = (c: Pick<Contact, 'email' | 'first_name' | 'last_name' | 'id' | 'external_id' | 'phone_number_id'>) =>
  [c.first_name, c.last_name].filter(Boolean).join(' ') || c.email || c.external_id || c.phone_number_id || c.id;

/** Up to this many list ids are checked one by one; more, against one listing of every list. */
const CHECK_ONE_BY_ONE = 10;

/**
 * Refuses list ids that are not lists of the account, naming each (`list_ids[1]`), before anything is
 * written: SendGrid would refuse the whole request, or a job would fail later.
 */
export async function checkListIds(api: SendGridApi, ids: readonly string[] | undefined, field = 'list_ids'): Promise<void> {
  if (!ids?.length) return;
  let known: (id: string) => boolean;
  if (ids.length <= CHECK_ONE_BY_ONE) {
    const found = await Promise.all(
      ids.map((id) =>
        api.get(`/v3/marketing/lists/${encodeURIComponent(id)}`).then(
          () => true,
          (error: unknown) => {
            if (error instanceof SendGridError && error.status === 404) return false;
            throw error;
          },
        ),
      ),
    );
    known = (id) => found[ids.indexOf(id)] === true;
  } else {
    const lists = await api.paginate<{ id: string }>('/v3/marketing/lists', { style: 'token', items: 'result', pageSize: 1000 });
    const set = new Set(lists.map((list) => list.id));
    known = (id) => set.has(id);
  }
  const errors = ids.flatMap((id, i) => (known(id) ? [] : [{ field: `${field}[${i}]`, message: `${id} is not a contact list of this SendGrid account (the List dropdown, or list_lists, shows them)` }]));
  if (errors.length) throw new InputError(errors);
}
