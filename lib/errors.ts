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

/** SendGrid answered with an error status, or did not answer at all (`status` 0). */
export class SendGridError extends Error {
  override name = 'SendGridError';

  constructor(
    readonly status: number,
    readonly errors: FieldError[],
    readonly rateLimit: RateLimit,
    readonly request: RequestInfo,
    detail?: string,
  ) {
    super(explain(status, errors, rateLimit, request, detail));
  }

  /** Seconds until the rate limit resets (at least 1), when SendGrid said. */
  get retryAfter(): number | undefined {
    if (this.rateLimit.reset === undefined) return undefined;
    return Math.max(1, Math.ceil(this.rateLimit.reset - Date.now() / 1000));
  }

  toJSON() {
    return { status: this.status, message: this.message, errors: this.errors, rate_limit: this.rateLimit };
  }
}

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

function explain(
  status: number,
  errors: FieldError[],
  rateLimit: RateLimit,
  { method, path, scopes }: RequestInfo,
  detail?: string,
): string {
  const where = `${method} ${path}`;
  if (status === 0) {
    const lost = `No answer from SendGrid for ${where} (${detail ?? 'network error'})`;
    return method === 'GET'
      ? `${lost}, even after retrying. Try again in a few minutes.`
      : `${lost}. It was not retried, because SendGrid may have received it: check in SendGrid (for mail: the Activity feed) before trying again.`;
  }
  if (status === 400 || status === 422)
    return `SendGrid rejected ${where} (${status}): ${errors.length ? errors.map(describe).join('; ') : 'bad request'}. Fix the field(s) named and try again; nothing was done.`;
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
    return `SendGrid found nothing at ${where} (404). Check the id: the item may have been deleted.${said(errors)}`;
  if (status === 406)
    return `SendGrid refused ${where} (406 Not Acceptable): the request must accept application/json.${said(errors)}`;
  if (status === 413)
    return `The request is too large for SendGrid (413): mail send accepts at most 30 MB including attachments. Send smaller attachments or fewer recipients per request.${said(errors)}`;
  if (status === 429) {
    const reset = rateLimit.reset === undefined ? '' : ` It resets at ${new Date(rateLimit.reset * 1000).toISOString()}.`;
    return `SendGrid's rate limit was reached (429); nothing was done.${reset} Try again after the reset.`;
  }
  if (status >= 500) {
    const advice =
      method === 'GET'
        ? 'Try again in a few minutes.'
        : 'It was not retried automatically, because the request may already have taken effect (for mail: been sent); check in SendGrid before trying again.';
    return `SendGrid had an internal error on ${where} (${status}). ${advice}${said(errors)}`;
  }
  return `SendGrid answered ${status} to ${where}.${said(errors)}`;
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
    reset: num('x-ratelimit-reset'),
  };
}
