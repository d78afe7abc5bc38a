// Rate limits on the MCP face: a 429 is reported with when to retry, or waited out when the owner
// asks (--retry-429); with the process's pacer, an exhausted window is waited out before the request.
import { Pacer } from '../../lib/pacer';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { mcpClient, textOf } from './helpers';

jest.setTimeout(20_000);

let sandbox: Sandbox;
// Two list creations per 1.5 s window: the third one in a window would get a 429.
beforeEach(async () => (sandbox = await startSandbox({ rateLimit: { families: { 'marketing/lists': 2 }, windowMs: 1500 }, webhookDelivery: false })));
afterEach(() => sandbox.close());

const threeLists = async (options: Parameters<typeof mcpClient>[1]) => {
  const mcp = await mcpClient(sandbox.url, options);
  const results = [];
  const began = Date.now();
  for (const name of ['One', 'Two', 'Three']) results.push(await mcp.call('create_list', { name }));
  await mcp.close();
  return { results, elapsed: Date.now() - began };
};

it('reports the third request of a window as a 429 with when to retry, by default', async () => {
  const { results } = await threeLists({});
  expect(results.map((r) => Boolean(r.isError))).toEqual([false, false, true]);
  expect(textOf(results[2]!)).toMatch(/rate limit was reached \(429\); nothing was done\. Try again in \d+ s/);
  expect(results[2]!.structuredContent).toMatchObject({ error: { status: 429, ratelimit: { 'ratelimit-limit': 2, 'ratelimit-remaining': 0 } } });
});

it('waits the 429 out and retries with --retry-429', async () => {
  const { results, elapsed } = await threeLists({ retry429: 1 });
  expect(results.map((r) => Boolean(r.isError))).toEqual([false, false, false]);
  expect(elapsed).toBeGreaterThanOrEqual(900);
});

it('with the pacer, waits for the reset before the request, so no 429 is met at all', async () => {
  const { results, elapsed } = await threeLists({ pacer: new Pacer() });
  expect(results.map((r) => Boolean(r.isError))).toEqual([false, false, false]);
  expect(elapsed).toBeGreaterThanOrEqual(900);
  expect(sandbox.state.lists.filter((l) => ['One', 'Two', 'Three'].includes(l.name))).toHaveLength(3);
});

describe('Pacer', () => {
  it('keeps one window per endpoint family, and waits only when a window is used up', () => {
    const pacer = new Pacer();
    const now = Date.now();
    pacer.record('/v3/marketing/lists/abc', { remaining: 0, reset: Math.ceil(now / 1000) + 5 });
    pacer.record('/v3/mail/send', { remaining: 3, reset: Math.ceil(now / 1000) + 5 });
    expect(pacer.delayFor('/v3/marketing/lists', now)).toBeGreaterThan(4000);
    expect(pacer.delayFor('/v3/mail/send', now)).toBe(0);
    expect(pacer.delayFor('/v3/templates', now)).toBe(0);
  });
});
