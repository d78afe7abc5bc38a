// Waiting for SendGrid's asynchronous jobs (contact upserts, imports, deletes, exports): poll with a
// bounded backoff, report progress, and give up after a bounded total time, saying the job goes on.
import type { SendGridApi } from './client';
import { csvRecords } from './csv';
import { checkReturnedUrl, keylessRequest, onApiOrigin, returnedUrlPolicy } from './external-http';

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 8000;
/** Time kept back from the call's deadline for the last read and the answer. */
export const RESERVE_MS = 4000;

export interface JobPoll<T> {
  /** Reads the job's current state (one GET). */
  read(): Promise<T>;
  /** True once the job has ended, well or badly. */
  finished(job: T): boolean;
  /** A short line for progress reports ("contact import 3f…: pending"). */
  describe(job: T): string;
}

export interface WaitResult<T> {
  job: T;
  /** False when time ran out first: the job is still running in SendGrid. */
  finished: boolean;
  polls: number;
  /** Seconds spent waiting between reads. */
  waited: number;
}

/**
 * Reads the job at once, then again after 1, 2, 4, 8, 8, … seconds until it has finished or the call's
 * time (api.remainingMs, less a reserve for the answer) is used up. `step` places this job among
 * several (a split upsert waits for each of its jobs in turn) in the progress reports.
 */
export async function waitForJob<T>(api: SendGridApi, poll: JobPoll<T>, step = { index: 0, count: 1 }): Promise<WaitResult<T>> {
  let job = await poll.read();
  let polls = 1;
  let waited = 0;
  let delay = FIRST_DELAY_MS;
  while (!poll.finished(job) && api.remainingMs() > RESERVE_MS) {
    api.progress(step.index, step.count, `${poll.describe(job)} (waited ${Math.round(waited / 1000)} s)`);
    const wait = Math.min(delay, api.remainingMs() - RESERVE_MS);
    await api.sleep(wait);
    waited += wait;
    delay = Math.min(delay * 2, MAX_DELAY_MS);
    job = await poll.read();
    polls++;
  }
  const finished = poll.finished(job);
  api.progress(step.index + (finished ? 1 : 0), step.count, poll.describe(job));
  return { job, finished, polls, waited: Math.round(waited / 1000) };
}

// ---------- contact jobs (upsert, CSV import, delete): GET /v3/marketing/contacts/imports/{id} ----------

export interface ContactJob {
  id: string;
  status: 'pending' | 'completed' | 'errored' | 'failed' | string;
  job_type?: string;
  results?: {
    requested_count?: number;
    created_count?: number;
    updated_count?: number;
    deleted_count?: number;
    errored_count?: number;
    errors_url?: string;
  };
  started_at?: string;
  finished_at?: string;
}

/** pending: not started or running; completed: no errors; errored: some errors; failed: all errors or unprocessable. */
export const CONTACT_JOB_DONE = ['completed', 'errored', 'failed'];

export const readContactJob = (api: SendGridApi, id: string) =>
  api.get<ContactJob>(`/v3/marketing/contacts/imports/${encodeURIComponent(id)}`);

export const contactJobPoll = (api: SendGridApi, id: string, what = 'contact job'): JobPoll<ContactJob> => ({
  read: () => readContactJob(api, id),
  finished: (job) => CONTACT_JOB_DONE.includes(job.status),
  describe: (job) => `${what} ${id}: ${job.status}`,
});

/** "2 created, 1 updated, 1 failed" from a job's results. */
export function countsOf(job: ContactJob): string {
  const r = job.results ?? {};
  const parts = [
    r.created_count !== undefined && `${r.created_count} created`,
    r.updated_count !== undefined && `${r.updated_count} updated`,
    // An upsert's results carry deleted_count 0 too; it means something only for a delete.
    r.deleted_count !== undefined && (job.job_type?.includes('delete') || r.deleted_count > 0) && `${r.deleted_count} deleted`,
    r.errored_count !== undefined && `${r.errored_count} failed`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no counts reported';
}

/** At most this many failed contacts are listed; the error file (errors_url) has them all. */
export const MAX_FAILED_LISTED = 100;

export interface FailedContacts {
  /** Rows of SendGrid's error file: the contact's fields and why it failed. */
  failed_contacts?: Record<string, unknown>[];
  /** How many rows the error file had, when more than are listed. */
  failed_total?: number;
  /** Why the error file could not be read, when it could not. */
  errors_file_problem?: string;
}

/**
 * The contacts a finished job could not process, from the error file SendGrid links in
 * `results.errors_url`. A file on the API's own host is read with the key (through the client); any
 * other host (a storage link) without it.
 */
export async function failedContactsOf(api: SendGridApi, job: ContactJob): Promise<FailedContacts> {
  const url = job.results?.errors_url;
  if (!url || !['errored', 'failed'].includes(job.status)) return {};
  try {
    const text = onApiOrigin(url, api.baseUrl)
      ? await api.get<string>(url, { text: true })
      : await keylessRequest(checkReturnedUrl(url, api.baseUrl, 'error file URL'), { maxRedirects: 5, policy: returnedUrlPolicy(api.baseUrl) }).then((r) => {
          if (r.status >= 300) throw new Error(`the error file answered ${r.status}`);
          return r.text;
        });
    const json = parseJson(text);
    if (Array.isArray(json))
      return { failed_contacts: json.slice(0, MAX_FAILED_LISTED) as Record<string, unknown>[], ...(json.length > MAX_FAILED_LISTED ? { failed_total: json.length } : {}) };
    const { records, total } = csvRecords(text, MAX_FAILED_LISTED);
    return { failed_contacts: records, ...(total > records.length ? { failed_total: total } : {}) };
  } catch (error) {
    return { errors_file_problem: `Could not read the error file (${(error as Error).message}); open errors_url to see each failed contact.` };
  }
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
