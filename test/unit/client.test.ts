// The client alone, over a scripted transport: error messages, retry rules, URLs and pagination.
import { createApi, MAX_PAGES, urlFor, type HttpRequest, type RawResponse } from '../../lib/client';
import { InputError, SendGridError } from '../../lib/errors';

const BASE = 'https://api.sendgrid.com';

/** A transport that answers from a script and remembers what it was asked. */
function scripted(...answers: (RawResponse | Error)[]) {
  const requests: HttpRequest[] = [];
  const transport = async (request: HttpRequest) => {
    requests.push(request);
    const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { transport, requests };
}

const reply = (status: number, body?: unknown, headers: Record<string, string> = {}): RawResponse => ({
  status,
  headers,
  text: body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body),
});
const noSleep = async () => {};

async function failure(promise: Promise<unknown>): Promise<SendGridError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SendGridError);
  return error as SendGridError;
}

describe('error messages say what to do', () => {
  const call = async (status: number, body?: unknown, method: 'GET' | 'POST' = 'POST', headers = {}, scopes?: string[]) => {
    const { transport } = scripted(reply(status, body, headers));
    const api = createApi(transport, { baseUrl: BASE, scopes, sleep: noSleep });
    return failure(api.request(method, '/v3/mail/send', { body: method === 'POST' ? {} : undefined }));
  };

  it('400 lists every field error', async () => {
    const error = await call(400, {
      errors: [
        { field: 'from.email', message: 'The from email does not contain a valid address.' },
        { field: 'personalizations.0.to', message: 'The to array is required.' },
      ],
    });
    expect(error.status).toBe(400);
    expect(error.message).toContain('from.email: The from email does not contain a valid address.');
    expect(error.message).toContain('personalizations.0.to: The to array is required.');
    expect(error.errors).toHaveLength(2);
  });

  it('401 says the key is not accepted and where to make one', async () => {
    const error = await call(401, { errors: [{ field: null, message: 'authorization required' }] });
    expect(error.message).toMatch(/did not accept the API key/);
    expect(error.message).toContain('https://app.sendgrid.com/settings/api_keys');
  });

  it('403 names the missing permission', async () => {
    const error = await call(403, { errors: [{ field: null, message: 'access forbidden' }] }, 'POST', {}, ['mail.send']);
    expect(error.message).toMatch(/needs the permission mail\.send/);
  });

  it('403 on an unverified sender says to verify it', async () => {
    const error = await call(403, {
      errors: [{ field: 'from', message: 'The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved.' }],
    });
    expect(error.message).toMatch(/not a verified sender/);
    expect(error.message).toContain('https://app.sendgrid.com/settings/sender_auth');
  });

  it('406, 413 and 404 each explain themselves', async () => {
    expect((await call(406)).message).toMatch(/must accept application\/json/);
    expect((await call(413)).message).toMatch(/30 MB/);
    expect((await call(404, { errors: [{ message: 'list not found' }] }, 'GET')).message).toMatch(/found nothing at GET \/v3\/mail\/send.*list not found/);
  });

  it('429 reports the reset time from X-RateLimit-Reset', async () => {
    const reset = Math.floor(Date.now() / 1000) + 42;
    const error = await call(429, { errors: [{ message: 'too many requests' }] }, 'POST', { 'x-ratelimit-limit': '600', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) });
    expect(error.rateLimit).toEqual({ limit: 600, remaining: 0, reset });
    expect(error.retryAfter).toBeGreaterThanOrEqual(41);
    expect(error.retryAfter).toBeLessThanOrEqual(42);
    expect(error.message).toContain(new Date(reset * 1000).toISOString());
    expect(error.message).toMatch(/nothing was done/);
  });

  it('5xx on a write warns that it may have taken effect', async () => {
    const error = await call(500, { errors: [{ message: 'internal error' }] });
    expect(error.message).toMatch(/not retried automatically.*may already have taken effect/);
  });

  it('never repeats the API key, even when SendGrid echoes it', async () => {
    const key = 'SG.secret-key.never-in-messages';
    const { transport } = scripted(reply(400, { errors: [{ field: 'authorization', message: `bad header Bearer ${key}` }] }));
    const error = await failure(createApi(transport, { baseUrl: BASE, secrets: [key] }).get('/v3/scopes'));
    expect(error.message).not.toContain(key);
    expect(JSON.stringify(error)).not.toContain(key);
  });
});

describe('text answers', () => {
  const csv = 'email,error\nbad@,invalid email\n';

  it('returns a text answer as it is when asked for text (a CSV file SendGrid serves)', async () => {
    const { transport, requests } = scripted(reply(200, csv, { 'content-type': 'text/csv' }));
    await expect(createApi(transport, { baseUrl: BASE }).get('/v3/marketing/contacts/imports/1/errors', { text: true })).resolves.toBe(csv);
    expect(requests[0]!.headers.accept).toMatch(/text\/csv/);
  });

  it('refuses the same answer where JSON is expected', async () => {
    const { transport } = scripted(reply(200, csv, { 'content-type': 'text/csv' }));
    const error = await failure(createApi(transport, { baseUrl: BASE }).get('/v3/marketing/lists'));
    expect(error.failure).toBe('not_api');
  });
});

describe('retries', () => {
  it('never retries a write after a server error or a lost response', async () => {
    for (const answer of [reply(502), new Error('socket hang up')]) {
      const { transport, requests } = scripted(answer, reply(202));
      await failure(createApi(transport, { baseUrl: BASE, sleep: noSleep }).post('/v3/mail/send', { body: {} }));
      expect(requests).toHaveLength(1);
    }
  });

  it('retries a read after a server error or a lost response', async () => {
    for (const answer of [reply(503), new Error('ECONNRESET')]) {
      const { transport, requests } = scripted(answer, reply(200, { scopes: [] }));
      await expect(createApi(transport, { baseUrl: BASE, sleep: noSleep }).get('/v3/scopes')).resolves.toEqual({ scopes: [] });
      expect(requests).toHaveLength(2);
    }
  });

  it('waits out a 429 when asked to, for any method, since nothing was done', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3);
    const { transport, requests } = scripted(reply(429, undefined, { 'x-ratelimit-reset': reset }), reply(202));
    const waits: number[] = [];
    const api = createApi(transport, { baseUrl: BASE, throttleRetries: 2, sleep: async (ms) => void waits.push(ms) });
    await api.post('/v3/mail/send', { body: {} });
    expect(requests).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(2000);
    expect(waits[0]).toBeLessThanOrEqual(3000);
  });

  it('leaves a 429 to the caller by default (Zapier retries the step)', async () => {
    const { transport, requests } = scripted(reply(429), reply(202));
    expect((await failure(createApi(transport, { baseUrl: BASE, sleep: noSleep }).post('/v3/mail/send'))).status).toBe(429);
    expect(requests).toHaveLength(1);
  });

  it('gives up instead of waiting longer than the bound', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    const { transport, requests } = scripted(reply(429, undefined, { 'x-ratelimit-reset': reset }), reply(200));
    const api = createApi(transport, { baseUrl: BASE, throttleRetries: 2, maxThrottleWaitSeconds: 20, sleep: noSleep });
    expect((await failure(api.get('/v3/scopes'))).status).toBe(429);
    expect(requests).toHaveLength(1);
  });
});

describe('URLs', () => {
  it('joins paths and query parameters to the base', () => {
    expect(urlFor(BASE, '/v3/templates', { generations: ['legacy', 'dynamic'], page_size: 200, page_token: undefined })).toBe(
      'https://api.sendgrid.com/v3/templates?generations=legacy%2Cdynamic&page_size=200',
    );
    expect(urlFor('http://127.0.0.1:4010/', 'v3/scopes')).toBe('http://127.0.0.1:4010/v3/scopes');
  });

  it('accepts a full URL on the API host and refuses any other host', () => {
    expect(urlFor(BASE, 'https://api.sendgrid.com/v3/scopes')).toBe('https://api.sendgrid.com/v3/scopes');
    for (const elsewhere of ['https://evil.example/v3/scopes', '//evil.example/v3/scopes', 'http://api.sendgrid.com/v3/scopes', 'https://api.sendgrid.com.evil.example/x'])
      expect(() => urlFor(BASE, elsewhere)).toThrow(InputError);
  });

  it('sends JSON with the Accept header SendGrid requires', async () => {
    const { transport, requests } = scripted(reply(201, { id: 'x' }));
    await createApi(transport, { baseUrl: BASE }).post('/v3/marketing/lists', { body: { name: 'A' } });
    expect(requests[0]).toMatchObject({
      method: 'POST',
      url: 'https://api.sendgrid.com/v3/marketing/lists',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: '{"name":"A"}',
    });
  });
});

describe('pagination', () => {
  const page = (ids: string[], next?: string) => reply(200, { result: ids.map((id) => ({ id })), _metadata: next ? { next: `https://api.sendgrid.com/v3/marketing/lists?page_size=2&page_token=${next}` } : {} });

  it('follows page tokens to the last page', async () => {
    const { transport, requests } = scripted(page(['a', 'b'], 'T2'), page(['c', 'd'], 'T3'), page(['e']));
    const items = await createApi(transport, { baseUrl: BASE }).paginate('/v3/marketing/lists', { style: 'token', items: 'result', pageSize: 2 });
    expect(items.map((i) => (i as { id: string }).id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(requests.map((r) => new URL(r.url).search)).toEqual(['?page_size=2', '?page_size=2&page_token=T2', '?page_size=2&page_token=T3']);
  });

  it('walks limit/offset pages until a short one', async () => {
    const { transport, requests } = scripted(reply(200, [1, 2]), reply(200, [3, 4]), reply(200, [5]));
    const items = await createApi(transport, { baseUrl: BASE }).paginate('/v3/suppression/bounces', { style: 'offset', pageSize: 2 });
    expect(items).toEqual([1, 2, 3, 4, 5]);
    expect(requests.map((r) => new URL(r.url).search)).toEqual(['?limit=2&offset=0', '?limit=2&offset=2', '?limit=2&offset=4']);
  });

  it('returns only the page asked for, keeping the token in the cursor', async () => {
    const cursor: { value?: string } = {};
    const paging = (n: number) => ({ page: n, getCursor: async () => cursor.value, setCursor: async (c: string) => void (cursor.value = c) });
    const { transport, requests } = scripted(page(['a', 'b'], 'T2'), page(['c']));
    const api = (n: number) => createApi(transport, { baseUrl: BASE, paging: paging(n) });
    expect(await api(0).paginate('/v3/marketing/lists', { style: 'token', items: 'result', pageSize: 2 })).toHaveLength(2);
    expect(cursor.value).toBe('T2');
    expect(await api(1).paginate('/v3/marketing/lists', { style: 'token', items: 'result', pageSize: 2 })).toEqual([{ id: 'c' }]);
    expect(new URL(requests[1]!.url).searchParams.get('page_token')).toBe('T2');
  });

  it('stops with an error rather than loop for ever', async () => {
    const { transport, requests } = scripted(page(['a'], 'again'));
    await expect(createApi(transport, { baseUrl: BASE }).paginate('/v3/marketing/lists', { style: 'token', items: 'result', pageSize: 1 })).rejects.toThrow(/more pages after 100/);
    expect(requests).toHaveLength(MAX_PAGES);
  });
});

describe('a lost response', () => {
  it('on a write, says it may have arrived and was not retried', async () => {
    const { transport } = scripted(new Error('socket hang up'));
    const error = await failure(createApi(transport, { baseUrl: BASE }).post('/v3/mail/send', { body: {} }));
    expect(error.status).toBe(0);
    expect(error.message).toBe(
      'No answer from SendGrid for POST /v3/mail/send (socket hang up). It was not retried automatically, because it may already have taken effect (an email may or may not have been sent): check in SendGrid (for mail: Email Activity) before trying again.',
    );
  });

  it('on a read, says it was retried', async () => {
    const { transport } = scripted(new Error('ETIMEDOUT'));
    const error = await failure(createApi(transport, { baseUrl: BASE, sleep: noSleep }).get('/v3/scopes'));
    expect(error.message).toBe('No answer from SendGrid for GET /v3/scopes (ETIMEDOUT), even after retrying. Try again in a few minutes.');
  });
});
