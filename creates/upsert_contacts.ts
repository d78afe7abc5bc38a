import * as z from 'zod/mini';
import { checkListIds, contactShape, hasIdentifier, IDENTIFIERS, type ContactFields } from '../lib/contacts';
import { CustomFields, customFieldInputs, gatherCustomFieldInputs, resolveAll } from '../lib/custom-fields';
import { InputError, SendGridError } from '../lib/errors';
import { zapier } from '../lib/hints';
import { contactJobPoll, countsOf, failedContactsOf, RESERVE_MS, waitForJob, type ContactJob, type FailedContacts } from '../lib/jobs';
import { defineOperation } from '../lib/operation';

/** SendGrid's limits for one upsert request: 30,000 contacts or 6 MB, whichever is reached first. */
export const MAX_CONTACTS_PER_REQUEST = 30_000;
export const MAX_BYTES_PER_REQUEST = 6_000_000;
/** The most one call takes, split into requests; beyond it a CSV import is the better tool. */
const MAX_CONTACTS = 1_000_000;

const input = z
  .strictObject({
    contacts: z.array(z.strictObject(contactShape())).check(z.minLength(1), z.maxLength(MAX_CONTACTS)),
    list_ids: zapier(
      z.optional(z.array(z.uuid()).check(z.maxLength(100))),
      { dynamic: 'list_lists.id.name', label: 'Lists' },
    ),
    split_into_batches: z.optional(
      z.boolean().check(z.describe('Required above 30,000 contacts or 6 MB; sends one job per request.')),
    ),
    wait_until_processed: z.optional(z.boolean()),
  })
  .check(
    z.superRefine((data, ctx) => {
      const fail = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message, input: data });
      data.contacts.forEach((contact, i) => {
        if (!hasIdentifier(contact)) fail(['contacts', i, 'email'], `this contact needs an identifier: one of ${IDENTIFIERS.join(', ')}`);
      });
      if (data.contacts.length > MAX_CONTACTS_PER_REQUEST && !data.split_into_batches)
        fail(['contacts'], `has ${data.contacts.length} contacts; SendGrid takes at most ${MAX_CONTACTS_PER_REQUEST} per request: set split_into_batches to send them as several jobs`);
    }),
  );

/**
 * Zapier's form: the contacts are line items (one line is one contact), and each custom field of the
 * account has its own typed input, whose value goes to every contact of the step unless a line sets it.
 */
function fromZapierForm(inputData: Record<string, unknown>): Record<string, unknown> {
  const { custom_fields: shared, ...rest } = gatherCustomFieldInputs(inputData) as Record<string, unknown> & { custom_fields?: Record<string, unknown> };
  if (!shared || !Array.isArray(rest.contacts)) return shared ? { ...rest, custom_fields: shared } : rest;
  const contacts = rest.contacts.map((line) => {
    if (!line || typeof line !== 'object') return line;
    const own = (line as { custom_fields?: unknown }).custom_fields;
    return { ...line, custom_fields: { ...shared, ...(own && typeof own === 'object' ? own : {}) } };
  });
  return { ...rest, contacts };
}

type Upserted = ContactJob & FailedContacts;

export interface UpsertResult {
  /** queued: accepted, not yet processed. After waiting: completed, errored (some failed), failed, or pending (still running). */
  status: 'queued' | 'pending' | 'completed' | 'errored' | 'failed';
  job_id: string;
  job_ids: string[];
  contact_count: number;
  jobs: ({ job_id: string; contact_count: number } & Partial<Upserted>)[];
  message: string;
}

type RequestContact = Omit<ContactFields, 'custom_fields'> & { custom_fields?: Record<string, string | number> };

/** Requests of at most 30,000 contacts and 6 MB each (the body's JSON, list ids included). */
function batchesOf(contacts: RequestContact[], listIds: string[] | undefined): RequestContact[][] {
  const overhead = Buffer.byteLength(JSON.stringify({ list_ids: listIds, contacts: [] }));
  const batches: RequestContact[][] = [];
  let current: RequestContact[] = [];
  let bytes = overhead;
  for (const contact of contacts) {
    const size = Buffer.byteLength(JSON.stringify(contact)) + 1;
    if (current.length && (current.length >= MAX_CONTACTS_PER_REQUEST || bytes + size > MAX_BYTES_PER_REQUEST)) {
      batches.push(current);
      current = [];
      bytes = overhead;
    }
    current.push(contact);
    bytes += size;
  }
  if (current.length) batches.push(current);
  return batches;
}

function overall(jobs: UpsertResult['jobs'], waited: boolean): UpsertResult['status'] {
  if (!waited) return 'queued';
  const statuses = jobs.map((j) => j.status);
  if (statuses.some((s) => !['completed', 'errored', 'failed'].includes(String(s)))) return 'pending';
  if (statuses.every((s) => s === 'completed')) return 'completed';
  return statuses.every((s) => s === 'failed') ? 'failed' : 'errored';
}

function messageOf(result: Omit<UpsertResult, 'message'>): string {
  const jobs = result.job_ids.length === 1 ? `job ${result.job_id}` : `${result.job_ids.length} jobs (${result.job_ids.join(', ')})`;
  switch (result.status) {
    case 'queued':
      return `SendGrid queued ${result.contact_count} contact(s) for processing as ${jobs}. They are not saved yet: processing usually takes seconds to minutes. Check the outcome with Get Contact Import Status.`;
    case 'pending':
      return `SendGrid was still processing ${jobs} when the wait ended; it continues in SendGrid. Check the outcome later with Get Contact Import Status.`;
    default: {
      const counts = result.jobs.map((j) => countsOf(j as ContactJob)).join('; ');
      const failed = result.jobs.reduce((n, j) => n + (j.results?.errored_count ?? 0), 0);
      return `SendGrid processed ${result.contact_count} contact(s) (${jobs}): ${counts}.${failed ? ` ${failed} contact(s) failed: see failed_contacts.` : ''}`;
    }
  }
}

export default defineOperation({
  key: 'upsert_contacts',
  noun: 'Contact',
  label: 'Add or Update Contacts',
  description:
    'Adds or updates contacts, optionally adding them to lists; each needs an email, phone_number_id, external_id or anonymous_id. Asynchronous: returns a job id unless wait_until_processed. Never removes list memberships.',
  access: 'write',
  tags: ['contacts'],
  // The Marketing API has one permission family; marketing.read is what SendGrid's key editor grants for
  // contacts (it covers writes as well). If SendGrid ever splits it, writes would need marketing.update.
  scopes: ['marketing.read'],
  input,
  sample: {
    status: 'queued',
    job_id: '5c1d2b7e-3a4f-4e8d-9b6a-0f1e2d3c4b5a',
    job_ids: ['5c1d2b7e-3a4f-4e8d-9b6a-0f1e2d3c4b5a'],
    contact_count: 1,
    jobs: [{ job_id: '5c1d2b7e-3a4f-4e8d-9b6a-0f1e2d3c4b5a', contact_count: 1 }],
    message:
      'SendGrid queued 1 contact(s) for processing as job 5c1d2b7e-3a4f-4e8d-9b6a-0f1e2d3c4b5a. They are not saved yet: processing usually takes seconds to minutes. Check the outcome with Get Contact Import Status.',
  } satisfies UpsertResult as UpsertResult,
  async perform(api, data) {
    // Lists are checked, custom field names become ids, and values are checked, before anything is written.
    await checkListIds(api, data.list_ids);
    const needsFields = data.contacts.some((c) => c.custom_fields && Object.keys(c.custom_fields).length);
    const resolved = needsFields
      ? resolveAll(await CustomFields.load(api), data.contacts.map((c, i) => ({ values: c.custom_fields, path: `contacts[${i}].custom_fields` })))
      : [];
    const contacts: RequestContact[] = data.contacts.map(({ custom_fields: _, ...fields }, i) => ({ ...fields, ...(resolved[i] ? { custom_fields: resolved[i] } : {}) }));

    const batches = batchesOf(contacts, data.list_ids);
    if (batches.length > 1 && !data.split_into_batches)
      throw new InputError([{ field: 'contacts', message: `is larger than SendGrid's 6 MB per request; set split_into_batches to send it as ${batches.length} requests` }]);

    const jobs: UpsertResult['jobs'] = [];
    for (const batch of batches) {
      try {
        const { job_id } = await api.put<{ job_id: string }>('/v3/marketing/contacts', {
          body: { ...(data.list_ids?.length ? { list_ids: data.list_ids } : {}), contacts: batch },
        });
        jobs.push({ job_id, contact_count: batch.length });
      } catch (error) {
        // Earlier requests were accepted: say so, or the user would send them again.
        if (jobs.length && error instanceof SendGridError)
          error.message += ` ${jobs.length} earlier request(s) were accepted before this one: jobs ${jobs.map((j) => j.job_id).join(', ')} (${jobs.reduce((n, j) => n + j.contact_count, 0)} contacts); the remaining ${contacts.length - jobs.reduce((n, j) => n + j.contact_count, 0)} were not sent.`;
        throw error;
      }
    }

    // The contacts are queued now: a failed wait must not look like a failed upsert, or they would be sent again.
    let waitProblem = '';
    if (data.wait_until_processed) {
      try {
        for (const [index, job] of jobs.entries()) {
          if (index > 0 && api.remainingMs() <= RESERVE_MS) break; // out of time: the rest stay pending
          const { job: final } = await waitForJob(api, contactJobPoll(api, job.job_id, 'contact upsert'), { index, count: jobs.length });
          Object.assign(job, final, await failedContactsOf(api, final));
        }
      } catch (error) {
        waitProblem = ` Waiting for the outcome failed (${(error as Error).message}), but the contacts were queued.`;
      }
    }

    const result = {
      status: overall(jobs, Boolean(data.wait_until_processed)),
      job_id: jobs[0]!.job_id,
      job_ids: jobs.map((j) => j.job_id),
      contact_count: contacts.length,
      jobs,
    };
    return { ...result, message: messageOf(result) + waitProblem };
  },
  summary: (result) => result.message,
  zapier: {
    fields: (api) => customFieldInputs(api),
    input: fromZapierForm,
  },
});
