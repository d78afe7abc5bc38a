// What the sandbox remembers: plain JSON (so a `statePath` can persist it), one array per resource.
import type { ContactProfile } from '../lib/contacts';

export type Json = Record<string, unknown>;

export interface Contact extends ContactProfile {
  /** Values by custom field id (e1_T…). */
  custom_fields: Record<string, string | number>;
  list_ids: string[];
  created_at: string;
  updated_at: string;
}

export interface Job {
  id: string;
  type: 'upsert' | 'delete' | 'import' | 'export';
  status: 'pending' | 'completed' | 'errored' | 'failed';
  /** When the job completes, in sandbox milliseconds; undefined while it waits for an upload. */
  due?: number;
  started_at: string;
  finished_at?: string;
  /** What the job will do when it runs. */
  input: Json;
  results?: { requested_count: number; created_count: number; updated_count: number; deleted_count: number; errored_count: number };
  errors?: { index?: number; email?: string; message: string }[];
  /** Exports: the ids of the contacts in the file, fixed when the job completes. */
  contact_ids?: string[];
}

export interface SentMail {
  message_id: string;
  received_at: string;
  request: Json;
  /** When it goes out, in sandbox milliseconds. */
  send_at: number;
  status: 'scheduled' | 'sent' | 'cancelled';
  single_send_id?: string;
}

export interface MailEvent {
  event: 'processed' | 'delivered' | 'bounce' | 'open' | 'dropped' | 'deferred' | 'click';
  at: number;
  reason?: string;
}

/** One recipient of one mail, as email activity shows it. */
export interface Message {
  msg_id: string;
  message_id: string;
  from_email: string;
  to_email: string;
  subject: string;
  categories: string[];
  template_id?: string;
  asm_group_id?: number;
  single_send_id?: string;
  custom_args: Json;
  events: MailEvent[];
}

export interface Suppression {
  email: string;
  created: number;
  reason?: string;
  status?: string;
  ip?: string;
}

export interface SandboxState {
  version: 1;
  /** The next integer id. */
  seq: number;
  /** The next custom field number (e4_…). */
  fieldSeq: number;
  scopes?: string[];
  contacts: Contact[];
  lists: { id: string; name: string; created_at: string }[];
  segments: { id: string; name: string; query_dsl: string; parent_list_ids: string[]; created_at: string; updated_at: string }[];
  fields: { id: string; name: string; field_type: 'Text' | 'Number' | 'Date' }[];
  jobs: Job[];
  templates: { id: string; name: string; generation: 'legacy' | 'dynamic'; updated_at: string; versions: Json[] }[];
  groups: { id: number; name: string; description: string; is_default: boolean; suppressions: Suppression[] }[];
  suppressions: Record<'bounces' | 'blocks' | 'spam_reports' | 'invalid_emails' | 'unsubscribes', Suppression[]>;
  senders: Json[];
  singlesends: Json[];
  designs: Json[];
  webhooks: Json[];
  batches: { batch_id: string; status?: 'pause' | 'cancel' }[];
  mail: SentMail[];
  messages: Message[];
  categories: string[];
  legacy: { lists: { id: number; name: string }[]; recipients: Json[]; fields: { id: number; name: string; type: string }[]; campaigns: Json[] };
}

export { seededState as createState } from './seed';
