import nock from 'nock';
import app from '../../index';
import { appTester, authData, KEY, sendgrid } from './helpers';

const runTest = (auth: Record<string, string>) => appTester(app.authentication.test, { authData: auth } as never);
const label = (inputData: Record<string, unknown>, auth: Record<string, string> = authData) =>
  appTester(app.authentication.connectionLabel as never, { authData: auth, inputData } as never);

describe('authentication', () => {
  it('tests the key with GET /v3/scopes, which any valid key may call', async () => {
    sendgrid().get('/v3/scopes').reply(200, { scopes: ['mail.send', 'marketing.read'] });
    await expect(runTest(authData)).resolves.toMatchObject({ scope_count: 2, scopes: ['mail.send', 'marketing.read'] });
  });

  it('reads the username for the label only when the key may', async () => {
    sendgrid().get('/v3/scopes').reply(200, { scopes: ['mail.send', 'user.username.read'] });
    sendgrid().get('/v3/user/username').reply(200, { username: 'acme', user_id: 7 });
    const result = await runTest(authData);
    expect(result).toMatchObject({ username: 'acme' });
    await expect(label(result)).resolves.toBe('acme (US)');
  });

  it('labels the connection without any part of the key', async () => {
    const text = await label({ scope_count: 12 }, { ...authData, region: 'eu', on_behalf_of: 'shop-eu' });
    expect(text).toBe('API key with 12 permissions as shop-eu (EU)');
    for (let i = 0; i + 8 <= KEY.length; i++) expect(text).not.toContain(KEY.slice(i, i + 8));
  });

  it('uses the EU API for an EU connection, and acts for a subuser', async () => {
    nock('https://api.eu.sendgrid.com')
      .matchHeader('authorization', `Bearer ${KEY}`)
      .matchHeader('on-behalf-of', 'shop-eu')
      .get('/v3/scopes')
      .reply(200, { scopes: [] });
    await expect(runTest({ ...authData, region: 'eu', on_behalf_of: 'shop-eu' })).resolves.toMatchObject({ scope_count: 0 });
  });

  it('says an invalid key is invalid, without repeating it', async () => {
    sendgrid().get('/v3/scopes').reply(401, { errors: [{ field: null, message: 'authorization required' }] });
    const error = (await runTest(authData).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/did not accept the API key/);
    expect(error.message).not.toContain(KEY);
  });

  it('follows SENDGRID_API_BASE_URL over the region', async () => {
    process.env.SENDGRID_API_BASE_URL = 'http://sendgrid.test:4010';
    try {
      nock('http://sendgrid.test:4010').matchHeader('authorization', `Bearer ${KEY}`).get('/v3/scopes').reply(200, { scopes: [] });
      await expect(runTest({ ...authData, region: 'eu' })).resolves.toMatchObject({ scope_count: 0 });
    } finally {
      delete process.env.SENDGRID_API_BASE_URL;
    }
  });

  it('never adds the key to a request for another host', async () => {
    const seen: (string | undefined)[] = [];
    nock('https://elsewhere.example')
      .get('/hook')
      .reply(function () {
        seen.push(this.req.headers.authorization as string | undefined);
        return [200, {}];
      });
    await appTester(async (z) => z.request({ url: 'https://elsewhere.example/hook' }), { authData } as never);
    expect(seen).toEqual([undefined]);
  });

  it('keeps the key in the auth field Zapier censors', () => {
    const field = app.authentication.fields.find((f) => f.key === 'api_key')!;
    expect(field.type).toBe('password');
  });
});
