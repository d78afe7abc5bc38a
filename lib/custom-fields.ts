// Custom fields by name. People name their custom fields ("loyalty_points"); SendGrid's contact API
// wants their ids ("e2_N") and silently drops a key it does not know. So names are resolved to ids from
// GET /v3/marketing/field_definitions, values are checked against the field's type, and anything that
// does not resolve is an error naming the field, before any write.
import * as z from 'zod/mini';
import type { SendGridApi } from './client';
import { InputError, type FieldError } from './errors';
import { fetchFieldDefinitions, type FieldDefinitions, type FieldType } from './sgql';


export type CustomValue = string | number;
export type CustomValues = Record<string, CustomValue>;

/** The schema of a contact's custom field values, keyed by field name. */
export const customFieldsSchema = (description: string) =>
  z.record(z.string().check(z.minLength(1), z.maxLength(100)), z.union([z.string().check(z.maxLength(1000)), z.number()])).check(z.describe(description));

const NUMBER = /^-?\d+(\.\d+)?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const US_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

const isRealDay = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

function isDate(text: string): boolean {
  const s = text.trim();
  if (DAY.test(s)) return isRealDay(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)));
  const us = US_DAY.exec(s);
  if (us) return isRealDay(Number(us[3]), Number(us[1]), Number(us[2]));
  return MOMENT.test(s) && !Number.isNaN(Date.parse(s));
}

/** The value SendGrid should get for a field of this type, or the reason it cannot. */
export function checkValue(type: FieldType, value: CustomValue): { value: CustomValue } | { problem: string } {
  if (type === 'Number') {
    if (typeof value === 'number') return Number.isFinite(value) ? { value } : { problem: 'must be a finite number' };
    const s = value.trim();
    return NUMBER.test(s) ? { value: Number(s) } : { problem: `must be a number (such as 42 or 3.5) for a Number field; got ${JSON.stringify(value)}` };
  }
  if (type === 'Date') {
    if (typeof value !== 'string' || !isDate(value))
      return { problem: `must be a date (YYYY-MM-DD, MM/DD/YYYY or an ISO-8601 time with a zone) for a Date field; got ${JSON.stringify(value)}` };
    return { value: value.trim() };
  }
  return { value: String(value) };
}

/** Custom field names and ids, looked up once per operation. */
export class CustomFields {
  constructor(readonly definitions: FieldDefinitions) {}

  static async load(api: SendGridApi) {
    return new CustomFields(await fetchFieldDefinitions(api));
  }

  get custom() {
    return this.definitions.custom_fields;
  }

  /** The custom field a key names: its name (exactly, else ignoring case when that is unambiguous) or its id. */
  find(key: string) {
    const exact = this.custom.find((f) => f.name === key) ?? this.custom.find((f) => f.id === key);
    if (exact) return exact;
    const folded = this.custom.filter((f) => f.name.toLowerCase() === key.toLowerCase());
    return folded.length === 1 ? folded[0] : undefined;
  }

  private unknown(key: string): string {
    const reserved = this.definitions.reserved_fields.find((f) => f.name.toLowerCase() === key.toLowerCase());
    if (reserved)
      return reserved.read_only
        ? `is a read-only SendGrid field, which cannot be set`
        : `is a reserved field, not a custom one: give it as the contact's own ${reserved.name} field`;
    const known = this.custom.map((f) => `${f.name} (${f.field_type})`).sort();
    return known.length
      ? `is not a custom field of this SendGrid account; known custom fields: ${known.join(', ')}`
      : 'is not a custom field: this SendGrid account has none yet (create it under Marketing › Custom Fields first)';
  }

  /**
   * One contact's values keyed by field id, checked against each field's type. Problems are collected
   * into `errors`, each naming `<path>.<key>`.
   */
  toIds(values: CustomValues, path: string, errors: FieldError[]): Record<string, CustomValue> {
    const out: Record<string, CustomValue> = {};
    for (const [key, raw] of Object.entries(values)) {
      const field = this.find(key);
      const at = `${path}.${key}`;
      if (!field?.id) {
        errors.push({ field: at, message: this.unknown(key) });
        continue;
      }
      const checked = checkValue(field.field_type, raw);
      if ('problem' in checked) errors.push({ field: at, message: `${checked.problem} (${field.name} is a ${field.field_type} field)` });
      else if (field.id in out) errors.push({ field: at, message: `sets ${field.name} a second time` });
      else out[field.id] = checked.value;
    }
    return out;
  }

  /** A contact's custom fields keyed by name, whether SendGrid gave them by id or by name. */
  toNames(values: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
    if (!values) return values;
    return Object.fromEntries(Object.entries(values).map(([key, value]) => [this.custom.find((f) => f.id === key)?.name ?? key, value]));
  }
}

/** Resolves every contact's custom fields at once, throwing one InputError that lists each problem. */
export function resolveAll(fields: CustomFields, items: { values: CustomValues | undefined; path: string }[]) {
  const errors: FieldError[] = [];
  const resolved = items.map(({ values, path }) => (values && Object.keys(values).length ? fields.toIds(values, path, errors) : undefined));
  if (errors.length) throw new InputError(errors);
  return resolved;
}

// Ids look like e1_T, w2, a1_D; names are whatever the user chose. A response keyed by names needs no lookup.
const LOOKS_LIKE_ID = /^[a-z]\d+(_[TND])?$/;

/** Contacts with their custom fields keyed by name; one GET of the field definitions, only when some key is an id. */
export async function withFieldNames<C extends { custom_fields?: Record<string, unknown> }>(api: SendGridApi, contacts: C[]): Promise<C[]> {
  if (!contacts.some((c) => Object.keys(c.custom_fields ?? {}).some((key) => LOOKS_LIKE_ID.test(key)))) return contacts;
  const fields = await CustomFields.load(api);
  return contacts.map((c) => (c.custom_fields ? { ...c, custom_fields: fields.toNames(c.custom_fields) } : c));
}

// ---------- Zapier: one typed input field per custom field ----------

/** The key prefix of a custom field's own input field on Zapier's form. */
export const ZAPIER_PREFIX = 'custom_field_';

const ZAPIER_TYPE: Record<FieldType, string> = { Text: 'string', Number: 'number', Date: 'datetime' };

/** One input field per custom field of the account, typed by the field's type. */
export async function customFieldInputs(api: SendGridApi) {
  const { custom } = await CustomFields.load(api);
  return custom
    .filter((f) => /^[A-Za-z0-9_]+$/.test(f.name))
    .map((f) => ({
      key: `${ZAPIER_PREFIX}${f.name}`,
      label: f.name,
      type: ZAPIER_TYPE[f.field_type],
      required: false,
      helpText: `Custom field ${f.name} (${f.field_type}${f.field_type === 'Date' ? ': YYYY-MM-DD, MM/DD/YYYY or an ISO-8601 time' : ''}). It applies to every contact of this step unless a contact sets it itself; leave empty to keep the current value.`,
    }));
}

/** The form's custom field inputs gathered into `custom_fields` by name; blanks are left out. */
export function gatherCustomFieldInputs(inputData: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const gathered: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(inputData)) {
    if (!key.startsWith(ZAPIER_PREFIX)) out[key] = value;
    else if (value !== undefined && value !== null && value !== '') gathered[key.slice(ZAPIER_PREFIX.length)] = value;
  }
  if (!Object.keys(gathered).length) return out;
  const given = out.custom_fields && typeof out.custom_fields === 'object' ? (out.custom_fields as Record<string, unknown>) : {};
  return { ...out, custom_fields: { ...given, ...gathered } };
}
