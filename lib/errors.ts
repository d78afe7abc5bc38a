// One error model for both faces. Each face turns these into its native form (z.errors.* on Zapier,
// an isError tool result on MCP); the messages themselves say what to do.

export interface FieldError {
  field: string | null;
  message: string;
}

/** SendGrid's rate-limit headers; `reset` is a Unix time in seconds. */
export interface RateLimit {
  limit?: number;
  remaining?: number;
  reset?: number;
}

export interface RequestInfo {
  method: string;
  path: string;
  /** Scopes the operation needs, named in 403 messages. */
  scopes?: readonly string[];
}

const KEYS_PAGE = 'https://app.sendgrid.com/settings/api_keys';
const SENDER_PAGE = 'https://app.sendgrid.com/settings/sender_auth';

/**
 * Why a call ended without a usable answer, when SendGrid gave no error status of its own:
 * - `no_answer`: the connection failed or closed; a write may have reached SendGrid.
 * - `timeout`: the call's deadline passed (retries included); a write may have reached SendGrid.
 * - `cancelled`: the caller gave up; no request starts after that.
 * - `redirect`: a 3xx, which SendGrid's API never sends (a proxy or a wrong base URL); never followed.
 * - `not_api`: a 2xx whose body is not SendGrid's JSON (an HTML page, broken JSON).
 * - `too_large`: the answer was larger than the client reads.
 */
export type Failure = 'no_answer' | 'timeout' | 'cancelled' | 'redirect' | 'not_api' | 'too_large';

/** The longest wait a rate-limit reset can ask for; SendGrid's windows are a minute or less. */
export const MAX_RETRY_AFTER_SECONDS = 3600;

/** SendGrid answered with an error status, or gave no usable answer (`status` 0 or 3xx, with `failure`). */
export class SendGridError extends Error {
  override name = 'SendGridError';

  constructor(
    readonly status: number,
    readonly errors: FieldError[],
    readonly rateLimit: RateLimit,
    readonly request: RequestInfo,
    readonly detail?: string,
    readonly failure?: Failure,
  ) {
    super(explain(status, errors, rateLimit, request, detail, failure));
  }

  /**
   * The request may have taken effect although it failed (a write timed out or met a server error):
   * running it again could do it twice (send a mail twice), so nothing may replay it automatically.
   */
  get halt(): boolean {
    if (this.request.method === 'GET') return false;
    return this.status >= 500 || this.failure === 'timeout' || this.failure === 'no_answer' || this.failure === 'not_api';
  }

  /** Seconds until the rate limit resets, from 1 to an hour, when SendGrid said. */
  get retryAfter(): number | undefined {
    if (this.rateLimit.reset === undefined) return undefined;
    return clampSeconds(this.rateLimit.reset - Date.now() / 1000);
  }

  /**
   * The rate-limit state in the IETF header fields' terms (`ratelimit-reset` in seconds from now), and,
   * for a 429, when to try again.
   */
  get ratelimit(): Record<string, number | string> | undefined {
    const { limit, remaining, reset } = this.rateLimit;
    if (limit === undefined && remaining === undefined && reset === undefined) return undefined;
    const seconds = this.retryAfter;
    return {
      ...(limit === undefined ? {} : { 'ratelimit-limit': limit }),
      ...(remaining === undefined ? {} : { 'ratelimit-remaining': remaining }),
      ...(seconds === undefined ? {} : { 'ratelimit-reset': seconds }),
      ...(this.status === 429 && seconds !== undefined ? { retry_at: new Date(Date.now() + seconds * 1000).toISOString() } : {}),
    };
  }

  toJSON() {
    return {
      status: this.status,
      message: this.message,
      errors: this.errors,
      ...(this.ratelimit ? { ratelimit: this.ratelimit } : {}),
      ...(this.failure ? { failure: this.failure } : {}),
    };
  }
}

const clampSeconds = (seconds: number) => Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, Math.ceil(seconds)));

/** The input was refused before any request was sent. */
export class InputError extends Error {
  override name = 'InputError';

  constructor(readonly errors: FieldError[]) {
    super(`Invalid input: ${errors.map(describe).join('; ')}. Nothing was sent to SendGrid.`);
  }

  toJSON() {
    return { status: 0, message: this.message, errors: this.errors };
  }
}

const describe = (e: FieldError) => (e.field ? `${e.field}: ${e.message}` : e.message);

const said = (errors: FieldError[]) =>
  errors.length ? ` SendGrid said: ${errors.map(describe).join('; ')}.` : '';

const isSenderProblem = (errors: FieldError[]) =>
  errors.some((e) => /sender identity|verified sender|from address/i.test(e.message));

const MAY_HAVE_GONE =
  'It was not retried automatically, because it may already have taken effect (an email may or may not have been sent): check in SendGrid (for mail: Email Activity) before trying again.';

function explainFailure(failure: Failure, status: number, method: string, where: string, detail?: string): string {
  const read = method === 'GET';
  switch (failure) {
    case 'cancelled':
      return `The request ${where} was cancelled before SendGrid answered${detail ? ` (${detail})` : ''}. ${read ? 'Nothing was changed.' : 'If it had already been sent, SendGrid may have acted on it: check before trying again.'}`;
    case 'timeout':
      return `SendGrid did not answer ${where} in time (${detail ?? 'deadline passed'}). ${read ? 'Try again in a few minutes.' : MAY_HAVE_GONE}`;
    case 'redirect':
      return `SendGrid's API answered ${where} with a redirect (${status}${detail ? ` to ${detail}` : ''}), which it never does: a proxy or a wrong base URL (SENDGRID_API_BASE_URL) is in the way. The redirect was not followed, so the request and the key went nowhere else.`;
    case 'not_api':
      return `SendGrid answered ${where} with something that is not its API (${detail ?? 'not JSON'}): a proxy, a captive portal or a wrong base URL is in the way. ${read ? 'Nothing was changed.' : 'The request may or may not have taken effect: check in SendGrid before trying again.'}`;
    case 'too_large':
      return `SendGrid's answer to ${where} was larger than the ${detail ?? 'size limit'} this connector reads. Narrow the request (a smaller page, a filter).`;
    case 'no_answer': {
      const lost = `No answer from SendGrid for ${where} (${detail ?? 'network error'})`;
      return read ? `${lost}, even after retrying. Try again in a few minutes.` : `${lost}. ${MAY_HAVE_GONE}`;
    }
  }
}

function explain(
  status: number,
  errors: FieldError[],
  rateLimit: RateLimit,
  { method, path, scopes }: RequestInfo,
  detail?: string,
  failure?: Failure,
): string {
  const where = `${method} ${path}`;
  if (failure || status === 0) return explainFailure(failure ?? 'no_answer', status, method, where, detail);
  // An error status whose body is an HTML page (a proxy's) is still an error; say what it was.
  const page = detail ? ` (the answer was ${detail}, not SendGrid's JSON)` : '';
  if (status === 400 || status === 422)
    return `SendGrid rejected ${where} (${status}): ${errors.length ? errors.map(describe).join('; ') : 'bad request'}${page}. Fix the field(s) named and try again; nothing was done.`;
  if (status === 401)
    return `SendGrid did not accept the API key (401). Check that the key is complete and has not been deleted; create one at ${KEYS_PAGE} and reconnect.${said(errors)}`;
  if (status === 403 && isSenderProblem(errors))
    return `The from address is not a verified sender (403). Verify it as a Single Sender or authenticate its domain at ${SENDER_PAGE}, then try again.${said(errors)}`;
  if (status === 403) {
    const need = scopes?.length
      ? `it needs the permission${scopes.length > 1 ? 's' : ''} ${scopes.join(', ')}`
      : 'GET /v3/scopes lists the permissions it has';
    return `The API key is not allowed to call ${where} (403): ${need}. Edit the key's permissions at ${KEYS_PAGE}.${said(errors)}`;
  }
  if (status === 404)
    return `SendGrid found nothing at ${where} (404). Check the id: the item may have been deleted.${said(errors)}${page}`;
  if (status === 406)
    return `SendGrid refused ${where} (406 Not Acceptable): the request must accept application/json.${said(errors)}`;
  if (status === 413)
    return `The request is too large for SendGrid (413): mail send accepts at most 30 MB including attachments. Send smaller attachments or fewer recipients per request.${said(errors)}`;
  if (status === 429) {
    const reset =
      rateLimit.reset === undefined
        ? ''
        : ` Try again in ${clampSeconds(rateLimit.reset - Date.now() / 1000)} s (the limit resets at ${new Date(rateLimit.reset * 1000).toISOString()}).`;
    return `SendGrid's rate limit was reached (429); nothing was done.${reset || ' Try again in a minute.'}`;
  }
  if (status >= 500) {
    const advice = method === 'GET' ? 'Try again in a few minutes.' : MAY_HAVE_GONE;
    return `SendGrid had an internal error on ${where} (${status})${page}. ${advice}${said(errors)}`;
  }
  return `SendGrid answered ${status} to ${where}.${said(errors)}${page}`;
}

/** SendGrid's `errors[]`, from whichever shape the body has. */
export function fieldErrors(body: unknown): FieldError[] {
  const list = (body as { errors?: unknown })?.errors;
  if (!Array.isArray(list)) return [];
  return list.map((e: { field?: unknown; message?: unknown }) => ({
    field: typeof e?.field === 'string' && e.field !== 'null' ? e.field : null,
    message: typeof e?.message === 'string' ? e.message : JSON.stringify(e),
  }));
}

export function rateLimitOf(headers: Record<string, string>): RateLimit {
  const num = (name: string) => {
    const value = Number(headers[name]);
    return headers[name] !== undefined && Number.isFinite(value) ? value : undefined;
  };
  return {
    limit: num('x-ratelimit-limit'),
    remaining: num('x-ratelimit-remaining'),
    reset: resetOf(num('x-ratelimit-reset')),
  };
}

/**
 * X-RateLimit-Reset is a Unix time in seconds. A value in milliseconds is read as such; anything that
 * is not a time within the next hour is brought into it, so no date is ever invalid.
 */
function resetOf(value: number | undefined): number | undefined {
  if (value === undefined || value < 0) return undefined;
  const seconds = value > 1e11 ? value / 1000 : value;
  const now = Date.now() / 1000;
  return Math.min(Math.max(seconds, now), now + MAX_RETRY_AFTER_SECONDS);
}
