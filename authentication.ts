import type { Authentication, BeforeRequestMiddleware, Bundle, ZObject } from 'zapier-platform-core';
import { apiFor, zapierError } from './lib/zapier';
import { baseUrlFor } from './lib/region';

interface ScopesBody {
  scopes: string[];
}

/**
 * Checks the key with GET /v3/scopes, which every valid key may call whatever its permissions.
 * The username, for the connection label, is read only when the key is allowed to read it.
 */
async function test(z: ZObject, bundle: Bundle) {
  try {
    const api = apiFor(z, bundle);
    const { scopes } = await api.get<ScopesBody>('/v3/scopes');
    const username = scopes.includes('user.username.read')
      ? (await api.get<{ username?: string }>('/v3/user/username')).username
      : undefined;
    return { username, scope_count: scopes.length, scopes };
  } catch (error) {
    throw zapierError(z, error);
  }
}

/** Names the account (or the key's reach) and the region; never any part of the key. */
async function connectionLabel(_z: ZObject, bundle: Bundle<{ username?: string; scope_count?: number }>) {
  const { username, scope_count } = bundle.inputData;
  const region = (bundle.authData.region || 'us').toUpperCase();
  const subuser = bundle.authData.on_behalf_of ? ` as ${bundle.authData.on_behalf_of}` : '';
  const who = username ?? `API key with ${scope_count ?? 0} permissions`;
  return `${who}${subuser} (${region})`;
}

export default {
  type: 'custom',
  test,
  connectionLabel,
  fields: [
    {
      key: 'api_key',
      label: 'API Key',
      type: 'password',
      required: true,
      helpText:
        'A SendGrid API key, starting with `SG.`. Create one under [Settings › API Keys](https://app.sendgrid.com/settings/api_keys); give it the permissions of the steps you use (Full Access covers all).',
    },
    {
      key: 'region',
      label: 'Data Region',
      type: 'string',
      required: true,
      default: 'us',
      choices: [
        { value: 'us', label: 'Global (api.sendgrid.com)', sample: 'us' },
        { value: 'eu', label: 'EU (api.eu.sendgrid.com)', sample: 'eu' },
      ],
      helpText:
        'Choose EU only for an account or subuser created in the EU region ([regional data residency](https://www.twilio.com/docs/sendgrid/for-developers/sending-email/regional-data-residency)).',
    },
    {
      key: 'on_behalf_of',
      label: 'Subuser',
      type: 'string',
      required: false,
      helpText:
        "Optional: the username of a [subuser](https://app.sendgrid.com/settings/subusers) to act for, using the parent account's key. Leave empty to act as the key's own account.",
    },
  ],
} satisfies Authentication;

/**
 * Adds the key and the subuser header to requests for the SendGrid API, and to nothing else,
 * so the key cannot leak to another host.
 */
export const addAuth: BeforeRequestMiddleware = (request, _z, bundle) => {
  const origin = new URL(baseUrlFor(bundle.authData.region)).origin;
  if (!request.url || new URL(request.url).origin !== origin) return request;
  const headers: Record<string, string> = { ...request.headers };
  const has = (name: string) => Object.keys(headers).some((key) => key.toLowerCase() === name);
  headers.Authorization = `Bearer ${bundle.authData.api_key}`;
  if (bundle.authData.on_behalf_of && !has('on-behalf-of')) headers['on-behalf-of'] = bundle.authData.on_behalf_of;
  return { ...request, headers };
};
