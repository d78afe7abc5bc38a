// The MCP server's settings are checked before it starts: each mistake is an error naming the setting.
import { ConfigError, configOf } from '../../mcp/config';

const KEY = 'SG.a-real-looking-key.0123456789';
const refused = (args: string[], env: NodeJS.ProcessEnv, message: RegExp) => {
  expect(() => configOf(args, env)).toThrow(ConfigError);
  expect(() => configOf(args, env)).toThrow(message);
};

describe('start-up settings', () => {
  it('takes a key, a region written either way, and a base URL', () => {
    expect(configOf([], { SENDGRID_API_KEY: KEY, SENDGRID_REGION: 'EU' }).credentials).toEqual({ apiKey: KEY, baseUrl: 'https://api.eu.sendgrid.com' });
    expect(configOf([], { SENDGRID_API_KEY: KEY, SENDGRID_API_BASE_URL: 'http://127.0.0.1:4010/' }).credentials?.baseUrl).toBe('http://127.0.0.1:4010');
  });

  it.each([
    ['a base URL without a scheme', { SENDGRID_API_BASE_URL: 'api.sendgrid.com' }, /SENDGRID_API_BASE_URL must be an http\(s\) URL/],
    ['a base URL of another scheme', { SENDGRID_API_BASE_URL: 'ftp://api.sendgrid.com' }, /SENDGRID_API_BASE_URL/],
    ['a base URL with credentials', { SENDGRID_API_BASE_URL: 'https://user:pw@api.sendgrid.com' }, /SENDGRID_API_BASE_URL/],
    ['a misspelt region', { SENDGRID_REGION: 'europe' }, /SENDGRID_REGION must be "us" or "eu", not "europe"/],
  ])('refuses %s, even with the sandbox', (_what, env, message) => {
    refused([], { SENDGRID_API_KEY: KEY, ...env }, message);
    refused(['--sandbox'], env, message);
  });

  it.each([['   '], ['SG.abc def'], ['SG.abc\ndef']])('refuses a key that is blank or has white space inside (%j)', (key) => {
    refused([], { SENDGRID_API_KEY: key }, /SENDGRID_API_KEY is blank or contains spaces/);
  });

  it('trims the line break a key copied from a file ends with', () => {
    expect(configOf([], { SENDGRID_API_KEY: `${KEY}\n` }).credentials?.apiKey).toBe(KEY);
  });

  it('asks for a key, or the sandbox', () => {
    refused([], {}, /SENDGRID_API_KEY is not set/);
    expect(configOf(['--sandbox-if-no-key'], {}).sandbox).toBe(true);
  });

  it.each([['0x50'], [''], ['1e3'], ['65536'], ['80.5'], [' 80']])('refuses --port %j', (port) => {
    refused(['--http', '--port', port], { SENDGRID_API_KEY: KEY }, /--port must be a whole number from 0 to 65535/);
  });

  it('refuses a negative --port (read as a flag)', () => {
    refused(['--http', '--port', '-1'], { SENDGRID_API_KEY: KEY }, /--port/);
  });

  it.each([['--port', '3000'], ['--host', '127.0.0.1'], ['--auth-token', 'x'.repeat(32)]])('refuses %s without --http instead of ignoring it', (flag, value) => {
    refused([flag, value], { SENDGRID_API_KEY: KEY }, new RegExp(`${flag} applies to --http only`));
  });

  it('keeps the sandbox state file, and refuses it without the sandbox', () => {
    expect(configOf(['--sandbox', '--sandbox-state', '/tmp/state.json'], {}).sandboxState).toBe('/tmp/state.json');
    refused(['--sandbox-state', '/tmp/state.json'], { SENDGRID_API_KEY: KEY }, /--sandbox-state applies to the sandbox only/);
  });

  it('takes --retry-429 from 0 to 5 (default 0), and refuses anything else', () => {
    expect(configOf(['--sandbox'], {}).retry429).toBe(0);
    expect(configOf(['--sandbox', '--retry-429', '3'], {}).retry429).toBe(3);
    for (const bad of ['6', '-1', 'x', '1.5', ''])
      refused(['--sandbox', `--retry-429=${bad}`], {}, /--retry-429 must be a whole number from 0 to 5/);
  });

  it('takes --dry-run, off by default', () => {
    expect(configOf(['--sandbox'], {}).dryRun).toBe(false);
    expect(configOf(['--sandbox', '--dry-run'], {}).dryRun).toBe(true);
  });

  it('refuses an unknown flag, by name', () => {
    refused(['--sandbx'], {}, /Unknown option '--sandbx'/);
  });

  it('refuses to serve off loopback without a token, and takes one from the flag or MCP_AUTH_TOKEN', () => {
    refused(['--http', '--host', '0.0.0.0'], { SENDGRID_API_KEY: KEY }, /Serving on 0\.0\.0\.0 lets other machines reach every tool: set --auth-token/);
    expect(configOf(['--http', '--host', '0.0.0.0', '--auth-token', 't'.repeat(32)], { SENDGRID_API_KEY: KEY }).http?.authToken).toBe('t'.repeat(32));
    expect(configOf(['--http', '--host', '0.0.0.0'], { SENDGRID_API_KEY: KEY, MCP_AUTH_TOKEN: 'm'.repeat(32) }).http?.authToken).toBe('m'.repeat(32));
    refused(['--http', '--auth-token', 'short'], { SENDGRID_API_KEY: KEY }, /at least 16 characters/);
  });
});
