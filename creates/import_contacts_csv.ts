import * as z from 'zod/mini';
import { checkListIds, IDENTIFIERS } from '../lib/contacts';
import { csvHeader } from '../lib/csv';
import { CustomFields } from '../lib/custom-fields';
import { InputError, type FieldError } from '../lib/errors';
import { checkReturnedUrl, checkUserUrl, ExternalHttpError, HTTPS_URL, keylessRequest, returnedUrlPolicy } from '../lib/external-http';
import { zapier } from '../lib/hints';
import { contactJobPoll, countsOf, failedContactsOf, waitForJob, type ContactJob, type FailedContacts } from '../lib/jobs';
import { defineOperation } from '../lib/operation';

/** A column to leave out, in field_mappings. */
const SKIP = '-';

export interface ImportResult {
  /** awaiting_upload: the job waits for a file at upload_uri. queued: the file was uploaded. After waiting: the job's status. */
  status: 'awaiting_upload' | 'queued' | 'pending' | 'completed' | 'errored' | 'failed';
  job_id: string;
  /** The field id each column is imported into (null: skipped). */
  field_mappings: (string | null)[];
  upload_uri?: string;
  upload_headers?: { header: string; value: string }[];
  job?: ContactJob & FailedContacts;
  message: string;
}

const input = z
  .strictObject({
    csv: zapier(
      z.optional(
        z.string().check(
          z.minLength(1),
          z.maxLength(100 * 1024 * 1024),
          z.describe('Header row of field names, including email, phone_number_id, external_id or anonymous_id.'),
        ),
      ),
      { type: 'text', label: 'CSV Text' },
    ),
    csv_url: zapier(
      z.optional(z.url().check(z.regex(HTTPS_URL, 'must be an https URL on a named host, such as https://example.com/contacts.csv'), z.maxLength(2000), z.describe('Instead of the text: a public link, fetched without credentials.'))),
      { label: 'CSV File' },
    ),
    field_mappings: z.optional(
      z
        .array(z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))))
        .check(
          z.minLength(1),
          z.maxLength(1000),
          z.describe(`Field name or id per column; "${SKIP}" or null skips one. Defaults to the CSV's header row. Required without one.`),
        ),
    ),
    list_ids: zapier(
      z.optional(z.array(z.uuid()).check(z.maxLength(100))),
      { dynamic: 'list_lists.id.name', label: 'Lists' },
    ),
    wait_until_processed: z.optional(
      z.boolean().check(z.describe('With csv or csv_url only.')),
    ),
  })
  .check(
    z.superRefine((data, ctx) => {
      const fail = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, input: data });
      if (data.csv !== undefined && data.csv_url !== undefined) fail('csv_url', 'give the CSV as text or as a link, not both');
      if (data.csv === undefined && data.csv_url === undefined && !data.field_mappings)
        fail('field_mappings', 'is required without a CSV: it says which field each column of the file you will upload goes into');
      if (data.wait_until_processed && data.csv === undefined && data.csv_url === undefined)
        fail('wait_until_processed', 'needs a CSV to upload: without one, nothing is processed until you upload the file');
      if (data.csv_url !== undefined) {
        try {
          checkUserUrl(data.csv_url, 'csv_url');
        } catch (error) {
          for (const e of (error as InputError).errors ?? []) fail('csv_url', e.message);
        }
      }
    }),
  );

/** Column names (or ids) → field ids, with every problem named; at least one identifier column. */
function mapColumns(fields: CustomFields, names: (string | null)[], path: string): (string | null)[] {
  const { reserved_fields: reserved, custom_fields: custom } = fields.definitions;
  const errors: FieldError[] = [];
  const mapped = names.map((raw, i) => {
    const name = raw?.trim();
    if (!name || name === SKIP) return null;
    const field =
      reserved.find((f) => f.name === name || f.id === name) ??
      fields.find(name) ??
      reserved.find((f) => f.name.toLowerCase() === name.toLowerCase());
    if (!field) {
      const known = [...reserved.filter((f) => !f.read_only).map((f) => f.name), ...custom.map((f) => f.name)];
      errors.push({ field: `${path}[${i}]`, message: `"${name}" is not a field of this SendGrid account (reserved or custom); known fields: ${known.join(', ')}. Use "${SKIP}" to skip the column` });
      return null;
    }
    if ('read_only' in field && field.read_only) errors.push({ field: `${path}[${i}]`, message: `${field.name} is read-only and cannot be imported; use "${SKIP}" to skip the column` });
    else if (!field.id) errors.push({ field: `${path}[${i}]`, message: `SendGrid gave no id for the field ${field.name}; give its id instead` });
    return field.id ?? null;
  });
  const identifiers = reserved.filter((f) => (IDENTIFIERS as readonly string[]).includes(f.name)).map((f) => f.id);
  if (!errors.length && !mapped.some((id) => id && identifiers.includes(id)))
    errors.push({ field: path, message: `no column is an identifier: map one to ${IDENTIFIERS.join(', ')}` });
  if (errors.length) throw new InputError(errors);
  return mapped;
}

async function csvOf(data: { csv?: string; csv_url?: string }): Promise<string | undefined> {
  if (data.csv !== undefined) return data.csv;
  if (data.csv_url === undefined) return undefined;
  let response;
  try {
    // Each address of the chain is checked (a public link cannot bounce to a private host), and again by
    // the address its name resolves to when connecting.
    response = await keylessRequest(data.csv_url, { maxRedirects: 5, check: (url) => void checkUserUrl(url, 'csv_url') });
  } catch (error) {
    if (error instanceof ExternalHttpError) throw new InputError([{ field: 'csv_url', message: `could not be read: ${error.message}` }]);
    throw error;
  }
  if (response.status >= 300) throw new InputError([{ field: 'csv_url', message: `could not be read: the server answered ${response.status}` }]);
  if (!response.text.trim()) throw new InputError([{ field: 'csv_url', message: 'holds an empty file' }]);
  return response.text;
}


export default defineOperation({
  key: 'import_contacts_csv',
  noun: 'Contact Import',
  label: 'Import Contacts From CSV',
  description:
    'Imports (adds or updates) contacts from CSV text or a link, optionally into lists. Asynchronous: returns a job id unless wait_until_processed. Without a file, returns upload_uri and upload_headers to PUT it to.',
  access: 'write',
  tags: ['contacts'],
  scopes: ['marketing.read'],
  input,
  sample: {
    status: 'queued',
    job_id: '1d4b7e9a-2c5f-4a8d-b3e6-9f0a1c2d3e4f',
    field_mappings: ['_rf2_T', '_rf0_T', 'e1_T'],
    message: 'Uploaded the CSV (3 columns) for import job 1d4b7e9a-2c5f-4a8d-b3e6-9f0a1c2d3e4f; SendGrid is importing it. Check the outcome with Get Contact Import Status.',
  } as ImportResult,
  async perform(api, data): Promise<ImportResult> {
    const text = await csvOf(data);
    const columns = data.field_mappings ?? (text === undefined ? [] : csvHeader(text));
    if (text !== undefined && data.field_mappings && columns.length !== csvHeader(text).length)
      throw new InputError([{ field: 'field_mappings', message: `has ${columns.length} entries but the CSV has ${csvHeader(text).length} columns` }]);
    if (!columns.length) throw new InputError([{ field: 'csv', message: 'has no header row' }]);
    const field_mappings = mapColumns(await CustomFields.load(api), columns, data.field_mappings ? 'field_mappings' : 'csv header');
    await checkListIds(api, data.list_ids);

    const job = await api.put<{ job_id: string; upload_uri?: string; upload_headers?: { header: string; value: string }[] }>('/v3/marketing/contacts/imports', {
      body: { ...(data.list_ids?.length ? { list_ids: data.list_ids } : {}), file_type: 'csv', field_mappings },
    });
    if (text === undefined)
      return {
        status: 'awaiting_upload',
        job_id: job.job_id,
        field_mappings,
        upload_uri: job.upload_uri,
        upload_headers: job.upload_headers ?? [],
        message: `SendGrid created import job ${job.job_id}. PUT the CSV file to upload_uri with upload_headers (and no API key); the import starts once the file arrives.`,
      };

    // The upload goes to SendGrid's storage, not the API: a separate request that carries no API key.
    const uri = checkReturnedUrl(job.upload_uri, api.baseUrl, 'upload address');
    const headers = Object.fromEntries((job.upload_headers ?? []).map(({ header, value }) => [header, value]));
    const uploaded = await keylessRequest(uri, { method: 'PUT', headers, body: text, policy: returnedUrlPolicy(api.baseUrl) });
    if (uploaded.status >= 300)
      throw new Error(`SendGrid's storage refused the CSV upload for import job ${job.job_id} (${uploaded.status}); nothing was imported. Try again.`);
    if (!data.wait_until_processed)
      return {
        status: 'queued',
        job_id: job.job_id,
        field_mappings,
        message: `Uploaded the CSV (${columns.length} columns) for import job ${job.job_id}; SendGrid is importing it. Check the outcome with Get Contact Import Status.`,
      };
    let waited;
    try {
      waited = await waitForJob(api, contactJobPoll(api, job.job_id, 'contact import'));
    } catch (error) {
      // The file is uploaded: a failed wait must not look like a failed import, or it would be imported again.
      return {
        status: 'queued',
        job_id: job.job_id,
        field_mappings,
        message: `Uploaded the CSV for import job ${job.job_id}; SendGrid is importing it, but waiting for the outcome failed (${(error as Error).message}). Check it with Get Contact Import Status.`,
      };
    }
    const { job: final, finished } = waited;
    const failed = await failedContactsOf(api, final);
    return {
      status: finished ? (final.status as ImportResult['status']) : 'pending',
      job_id: job.job_id,
      field_mappings,
      job: { ...final, ...failed },
      message: finished
        ? `Import job ${job.job_id} is ${final.status}: ${countsOf(final)}.${final.results?.errored_count ? ' job.failed_contacts lists the contacts that failed.' : ''}`
        : `Import job ${job.job_id} was still running when the wait ended; it continues in SendGrid. Check it with Get Contact Import Status.`,
    };
  },
  summary: (result) => result.message,
});
