import * as z from 'zod/mini';
import { MAX_PAGES } from '../lib/client';
import { SendGridError } from '../lib/errors';
import { legacyApi, legacyError } from '../lib/legacy-fields';
import { defineOperation } from '../lib/operation';

/** A legacy recipient as SendGrid returns it; custom fields come as a list of {id, name, value, type}. */
export interface LegacyRecipient {
  id: string;
  email: string;
  first_name?: string | null;
  last_name?: string | null;
  created_at?: number;
  updated_at?: number;
  last_emailed?: number | null;
  last_clicked?: number | null;
  last_opened?: number | null;
  custom_fields?: { id: number; name: string; value: string | number | null; type: string }[];
}

export const recipientSample: LegacyRecipient = {
  id: 'YWRhQGV4YW1wbGUuY29t',
  email: 'ada@example.com',
  first_name: 'Ada',
  last_name: 'Lovelace',
  created_at: 1767225600,
  updated_at: 1772443277,
  last_emailed: null,
  last_clicked: null,
  last_opened: null,
  custom_fields: [{ id: 5501, name: 'favorite_color', value: 'blue', type: 'text' }],
};

const INSTEAD = 'search_contacts';
const MAX_PAGE_SIZE = 1000;

export default defineOperation({
  key: 'legacy_list_contacts',
  noun: 'Contact',
  label: 'Find Contacts by Page (Legacy)',
  description:
    'Finds contacts a page at a time, or all with all_pages; legacy_search_contacts filters. Legacy Marketing Campaigns only; else search_contacts.',
  access: 'read',
  tags: ['legacy', 'contacts'],
  scopes: ['marketing_campaigns.read'],
  input: z
    .strictObject({
      page: z.optional(z.int().check(z.minimum(1), z.describe('Default 1. Not with all_pages.'))),
      page_size: z.optional(
        z.int().check(z.minimum(1), z.maximum(MAX_PAGE_SIZE), z.describe('Default 100; 1,000 with all_pages.')),
      ),
      all_pages: z.optional(z.boolean()),
    })
    .check(
      z.superRefine((input, ctx) => {
        if (input.all_pages && input.page !== undefined)
          ctx.addIssue({ code: 'custom', path: ['page'], message: 'cannot be combined with all_pages, which returns every page', input: input.page });
      }),
    ),
  sample: recipientSample,
  async perform(api, { page, page_size, all_pages }) {
    if (!all_pages) {
      const legacy = legacyApi(api, INSTEAD, page && page > 1 ? `page ${page} (past the last contact)` : undefined);
      return (await legacy.get<{ recipients?: LegacyRecipient[] }>('/v3/contactdb/recipients', { query: { page: page ?? 1, page_size: page_size ?? 100 } }))?.recipients ?? [];
    }

    // A short page is the last. SendGrid answers 404 past the end, and may answer an empty page before
    // it (after deletions): then the contact count says whether more pages follow.
    const size = page_size ?? MAX_PAGE_SIZE;
    const seen = new Map<string, LegacyRecipient>();
    const moreAfter = async (n: number) => {
      const counted = await api.get<{ recipient_count?: number }>('/v3/contactdb/recipients/count').catch(() => undefined);
      return (counted?.recipient_count ?? 0) > n * size;
    };
    for (let n = 1; ; n++) {
      if (n > MAX_PAGES) throw new Error(`The legacy contact database has more than ${MAX_PAGES} pages of ${size} contacts; read it page by page.`);
      let recipients: LegacyRecipient[];
      try {
        recipients = (await api.get<{ recipients?: LegacyRecipient[] }>('/v3/contactdb/recipients', { query: { page: n, page_size: size } }))?.recipients ?? [];
      } catch (error) {
        if (error instanceof SendGridError && error.status === 404 && n > 1) break;
        throw legacyError(error, INSTEAD);
      }
      for (const recipient of recipients) seen.set(recipient.id ?? recipient.email, recipient);
      if (recipients.length ? recipients.length < size : !(await moreAfter(n))) break;
    }
    return [...seen.values()];
  },
  summary: (contacts, { all_pages, page }) => `Found ${contacts.length} legacy contact(s)${all_pages ? '' : ` on page ${page ?? 1}`}.`,
});
