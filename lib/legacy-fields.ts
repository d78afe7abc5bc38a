// Legacy Marketing Campaigns (`/v3/contactdb/…`, `/v3/campaigns`): what its operations share.
// - Accounts that never had legacy Marketing Campaigns get 403/404 from these endpoints; the error then
//   says so and names the operation of the current Marketing Campaigns API to use instead.
// - Recipient ids are the URL-safe base64 of the lowercased email, so an email can stand for an id.
// - Custom fields are typed (text, number, date) and go on a recipient as top-level keys; SendGrid
//   drops a name it does not know, so names and values are checked before anything is written.
import * as z from 'zod/mini';
import { described } from './described';
import { EMAIL } from './address';
import type { SendGridApi } from './client';
import { InputError, SendGridError, type FieldError } from './errors';
import { RESERVED_FIELDS, recipientId, type ReservedField } from './legacy-recipients';

export { RESERVED_FIELDS, recipientId, type ReservedField };

// ---------------------------------------------------------------- the legacy client

/**
 * The client, with 403 and 404 explained: the account may not be on legacy Marketing Campaigns (or, for
 * an id in the path, the item may not exist; for a 403, the key may lack the permission). `instead` is
 * the key of the operation of the current Marketing Campaigns API that replaces this one.
 */
export function legacyApi(api: SendGridApi, instead: string, item?: string): SendGridApi {
  const explained =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await call(...args);
      } catch (error) {
        throw legacyError(error, instead, item);
      }
    };
  return {
    ...api,
    request: explained(api.request),
    get: explained(api.get) as SendGridApi['get'],
    post: explained(api.post) as SendGridApi['post'],
    put: explained(api.put) as SendGridApi['put'],
    patch: explained(api.patch) as SendGridApi['patch'],
    delete: explained(api.delete) as SendGridApi['delete'],
    paginate: explained(api.paginate) as SendGridApi['paginate'],
  };
}

/** A 403 or 404 explained as in `legacyApi`; any other error as it is. */
export const legacyError = (error: unknown, instead: string, item?: string): unknown =>
  error instanceof SendGridError && (error.status === 403 || error.status === 404) && !(error instanceof RecipientsRefused) ? notOnLegacy(error, instead, item) : error;

/** The same error (status, SendGrid's errors, rate limit), with a message that says what to do. */
function notOnLegacy(error: SendGridError, instead: string, item?: string): SendGridError {
  const where = `${error.request.method} ${error.request.path}`;
  const said = error.errors.length ? ` SendGrid said: ${error.errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ')}.` : '';
  const legacyNote = `Legacy contacts, lists and campaigns exist only on accounts that used them before SendGrid retired them; on the others, use ${instead} (the current Marketing Campaigns API) instead.${said}`;
  const explainedError = new SendGridError(error.status, error.errors, error.rateLimit, error.request);
  if (error.status === 404 && item) {
    explainedError.message = `SendGrid found nothing at ${where} (404): ${item} does not exist, or this account is not on legacy Marketing Campaigns. ${legacyNote}`;
  } else {
    const scopes = error.request.scopes ?? [];
    const orScope = error.status === 403 ? ` (or the API key lacks the permission${scopes.length > 1 ? 's' : ''} ${scopes.join(', ') || 'it needs'})` : '';
    explainedError.message = `SendGrid refused ${where} (${error.status}): this account is not on legacy Marketing Campaigns${orScope}. ${legacyNote}`;
  }
  return explainedError;
}

// ---------------------------------------------------------------- recipient ids

/** An email address (the form z.email() checks), or base64 (letters, digits, `-_+/`, `=` padding). */
const EMAIL_OR_ID = new RegExp(`^(${EMAIL}|[A-Za-z0-9_+/-]+={0,2})$`);
const ID_MESSAGE = 'must be an email address or a legacy recipient id (base64 of the email)';

/** One recipient, named by email or by id; an email is checked in full. */
export const recipientRef = (description?: string) =>
  z.string().check(z.trim(), z.regex(EMAIL_OR_ID, ID_MESSAGE), ...described(description));

/** The id for an email or an id. */
export const toRecipientId = (ref: string): string => (ref.includes('@') ? recipientId(ref) : ref);

// ---------------------------------------------------------------- fields and their types

export type FieldType = 'text' | 'number' | 'date';

export interface CustomField {
  id: number;
  name: string;
  type: FieldType;
}

export const RESERVED_NAMES = RESERVED_FIELDS.map((field) => field.name);

export const listCustomFields = async (api: SendGridApi): Promise<CustomField[]> =>
  (await api.get<{ custom_fields?: CustomField[] }>('/v3/contactdb/custom_fields'))?.custom_fields ?? [];

export const listReservedFields = async (api: SendGridApi): Promise<ReservedField[]> =>
  (await api.get<{ reserved_fields?: ReservedField[] }>('/v3/contactdb/reserved_fields'))?.reserved_fields ?? [];

/** A field search conditions can name, with the type that decides its operators. */
export interface SearchableField {
  id: string;
  name: string;
  type: FieldType | 'campaign';
  source: 'reserved' | 'custom' | 'engagement';
}

/** Opens and clicks of a campaign: searched with eq (opened/clicked) or ne, and a campaign id. */
const ENGAGEMENT: SearchableField[] = [
  { id: 'opens.campaign_identifier', name: 'opens.campaign_identifier', type: 'campaign', source: 'engagement' },
  { id: 'clicks.campaign_identifier', name: 'clicks.campaign_identifier', type: 'campaign', source: 'engagement' },
];

/** Reserved fields (sets such as `lists` cannot be searched), custom fields, then opens and clicks. */
export async function listSearchableFields(api: SendGridApi): Promise<SearchableField[]> {
  const [reserved, custom] = await Promise.all([listReservedFields(api), listCustomFields(api)]);
  const typed = (type: string): type is FieldType => type === 'text' || type === 'number' || type === 'date';
  return [
    ...reserved.filter((f) => typed(f.type)).map((f) => ({ id: f.name, name: f.name, type: f.type as FieldType, source: 'reserved' as const })),
    ...custom.filter((f) => typed(f.type)).map((f) => ({ id: f.name, name: f.name, type: f.type, source: 'custom' as const })),
    ...ENGAGEMENT,
  ];
}

// ---------------------------------------------------------------- values, checked against a type

const US_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** A real calendar day (no 02/30), as MM/DD/YYYY. */
function usDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? `${pad(month)}/${pad(day)}/${year}` : undefined;
}

/**
 * A date value in SendGrid's terms: a day as MM/DD/YYYY (from MM/DD/YYYY or YYYY-MM-DD), a moment
 * (ISO-8601 date-time or Unix seconds) as Unix seconds. Undefined when it is neither.
 */
export function dateValue(value: string | number): string | number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  const text = value.trim();
  const us = US_DATE.exec(text);
  if (us) return usDate(Number(us[3]), Number(us[1]), Number(us[2]));
  const iso = ISO_DATE.exec(text);
  if (iso) return usDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (/^\d{1,12}$/.test(text)) return Number(text);
  if (z.iso.datetime({ offset: true }).safeParse(text).success) return Math.floor(Date.parse(text) / 1000);
  return undefined;
}

const DATE_HELP = 'a date as MM/DD/YYYY or YYYY-MM-DD, an ISO-8601 date-time, or Unix seconds';

/** The value to send for a field of this type, or an error message. */
export function typedValue(type: FieldType, value: string | number): { value: string | number } | { error: string } {
  if (type === 'text') return { value: String(value) };
  if (type === 'number') {
    const number = typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value);
    return Number.isFinite(number) ? { value: number } : { error: `must be a number (the custom field is of type number), not ${JSON.stringify(value)}` };
  }
  const date = dateValue(value);
  return date === undefined ? { error: `must be ${DATE_HELP} (the custom field is of type date), not ${JSON.stringify(value)}` } : { value: date };
}

// ---------------------------------------------------------------- recipients to write

export const MAX_RECIPIENTS = 1000;

const recipient = z.strictObject({
  email: z.email(),
  first_name: z.optional(z.string()),
  last_name: z.optional(z.string()),
  custom_fields: z.optional(
    z
      .record(z.string().check(z.minLength(1)), z.union([z.string(), z.number()]))
      .check(
        z.describe('Values keyed by legacy custom field name.'),
      ),
  ),
});

export type Recipient = z.output<typeof recipient>;

/** Up to 1,000 recipients, each email once. */
export const recipients = (description: string) =>
  z
    .array(recipient)
    .check(
      z.minLength(1),
      z.maxLength(MAX_RECIPIENTS),
      z.superRefine((list, ctx) => {
        const seen = new Map<string, number>();
        list.forEach((one, i) => {
          const email = one.email.toLowerCase();
          if (seen.has(email))
            ctx.addIssue({ code: 'custom', path: [i, 'email'], message: `${email} is also recipient ${seen.get(email)}; give each contact once`, input: one.email });
          else seen.set(email, i);
        });
      }),
      z.describe(description),
    );

/**
 * The body SendGrid wants: reserved fields and custom fields side by side as top-level keys. Custom
 * field names must exist (SendGrid would drop an unknown one) and values must fit their types; the
 * custom fields are read once, and only when some are given. Throws an InputError before any write.
 */
export async function recipientBody(api: SendGridApi, list: readonly Recipient[]): Promise<Record<string, string | number>[]> {
  const used = list.some((one) => Object.keys(one.custom_fields ?? {}).length);
  const known = used ? await listCustomFields(api) : [];
  const byName = new Map(known.map((field) => [field.name, field]));
  const errors: FieldError[] = [];
  const body = list.map((one, i) => {
    const out: Record<string, string | number> = { email: one.email };
    if (one.first_name !== undefined) out.first_name = one.first_name;
    if (one.last_name !== undefined) out.last_name = one.last_name;
    for (const [name, raw] of Object.entries(one.custom_fields ?? {})) {
      const field = `recipients[${i}].custom_fields.${name}`;
      const definition = byName.get(name);
      if (RESERVED_NAMES.includes(name)) {
        errors.push({ field, message: `is a reserved field, not a custom one${['email', 'first_name', 'last_name'].includes(name) ? `: give it as recipients[${i}].${name}` : ' that SendGrid sets itself'}` });
      } else if (!definition) {
        errors.push({
          field,
          message: `is not a legacy custom field of this account (${known.length ? `known: ${known.map((f) => `${f.name} (${f.type})`).join(', ')}` : 'it has none'}); create it with legacy_create_custom_field first`,
        });
      } else {
        const typed = typedValue(definition.type, raw);
        if ('error' in typed) errors.push({ field, message: typed.error });
        else out[name] = typed.value;
      }
    }
    return out;
  });
  if (errors.length) throw new InputError(errors);
  return body;
}

// ---------------------------------------------------------------- what a write did

/** SendGrid's answer to POST or PATCH /v3/contactdb/recipients. */
export interface RecipientsResponse {
  new_count?: number;
  updated_count?: number;
  error_count?: number;
  error_indices?: number[];
  unmodified_indices?: number[];
  persisted_recipients?: string[];
  errors?: { message?: string; error_indices?: number[] }[];
}

export interface RecipientFailure {
  index: number;
  email: string | null;
  message: string;
}

export interface RecipientsResult {
  /** `ok`: every recipient was saved; `partial`: some were refused, listed in `failures`. */
  status: 'ok' | 'partial';
  new_count: number;
  updated_count: number;
  unmodified_count: number;
  error_count: number;
  error_indices: number[];
  persisted_recipients: string[];
  failures: RecipientFailure[];
}

export const recipientsSample: RecipientsResult = {
  status: 'ok',
  new_count: 1,
  updated_count: 1,
  unmodified_count: 0,
  error_count: 0,
  error_indices: [],
  persisted_recipients: ['YWRhQGV4YW1wbGUuY29t', 'Z3JhY2VAZXhhbXBsZS5jb20='],
  failures: [],
};

/** Recipients SendGrid refused: partly is reported as `partial`, and none saved at all is an error. */
export class RecipientsRefused extends SendGridError {
  constructor(
    status: number,
    request: SendGridError['request'],
    readonly result: RecipientsResult,
  ) {
    super(
      status,
      result.failures.map((f) => ({ field: `recipients[${f.index}]`, message: f.message })),
      {},
      request,
    );
    this.message = `SendGrid refused ${result.error_count} recipient(s) of ${request.method} ${request.path}; none was saved: ${describeFailures(result.failures)}. Fix them and try again.`;
  }

  override toJSON() {
    return { ...super.toJSON(), result: this.result };
  }
}

const describeFailures = (failures: readonly RecipientFailure[]) =>
  failures
    .slice(0, 10)
    .map((f) => `#${f.index}${f.email ? ` (${f.email})` : ''}: ${f.message.replace(/\.+$/, '')}`)
    .join('; ') + (failures.length > 10 ? `; and ${failures.length - 10} more` : '');

/** Sends the recipients with POST (add) or PATCH (update) and reports what SendGrid did with each. */
export async function writeRecipients(api: SendGridApi, method: 'POST' | 'PATCH', list: readonly Recipient[]): Promise<RecipientsResult> {
  const body = await recipientBody(api, list);
  const path = '/v3/contactdb/recipients';
  const response = await api.request(method, path, { body });
  const answer = (response.body ?? {}) as RecipientsResponse;
  const indices = answer.error_indices ?? [];
  const reasons = new Map<number, string>();
  for (const error of answer.errors ?? []) for (const i of error.error_indices ?? []) reasons.set(i, error.message ?? 'refused');
  const failedAt = [...new Set([...indices, ...reasons.keys()])].sort((a, b) => a - b);
  const failures = failedAt.map((index) => ({ index, email: list[index]?.email ?? null, message: reasons.get(index) ?? 'refused by SendGrid (no reason given)' }));
  const errorCount = Math.max(answer.error_count ?? 0, failures.length);
  const result: RecipientsResult = {
    status: errorCount ? 'partial' : 'ok',
    new_count: answer.new_count ?? 0,
    updated_count: answer.updated_count ?? 0,
    unmodified_count: answer.unmodified_indices?.length ?? 0,
    error_count: errorCount,
    error_indices: failedAt,
    persisted_recipients: answer.persisted_recipients ?? [],
    failures,
  };
  // Nothing saved at all is an error; some saved and some refused is a result marked `partial`.
  if (errorCount && !result.new_count && !result.updated_count && !result.unmodified_count) throw new RecipientsRefused(response.status, { method, path }, result);
  return result;
}

/** One line: what was saved, and what was refused and why. */
export function describeRecipients(result: RecipientsResult, sent: number): string {
  const saved = `${result.new_count} new, ${result.updated_count} updated${result.unmodified_count ? `, ${result.unmodified_count} unchanged` : ''}`;
  if (result.status === 'ok') return `SendGrid saved all ${sent} recipient(s): ${saved}.`;
  return `Partly failed: SendGrid refused ${result.error_count} of ${sent} recipient(s) (${describeFailures(result.failures)}); the others were saved (${saved}).`;
}
