// The account itself: the key's scopes, the username, and email address validation with verdicts
// derived from the address alone, so the same address always gets the same answer.
import { createHash } from 'node:crypto';
import { isEmail, objectBody, ok, text, type Route } from './respond';
import { SEED } from './seed-ids';

const DISPOSABLE = ['mailinator.com', 'guerrillamail.com', '10minutemail.com', 'tempmail.com', 'yopmail.com', 'trashmail.com'];
const ROLES = ['admin', 'info', 'support', 'sales', 'noreply', 'no-reply', 'postmaster', 'webmaster', 'contact', 'help', 'billing', 'abuse'];
const TYPOS: Record<string, string> = { 'gmial.com': 'gmail.com', 'gmai.com': 'gmail.com', 'gamil.com': 'gmail.com', 'hotmial.com': 'hotmail.com', 'yaho.com': 'yahoo.com', 'outlok.com': 'outlook.com' };
/** Domains that never have mail servers (RFC 2606/6761). */
const NO_MX = /(^|\.)(invalid|test|localhost|example)$/i;

export function validateEmail(email: string, source: string | undefined, knownBounces: (email: string) => boolean) {
  const syntax = isEmail(email);
  const [local = '', host = ''] = email.split('@');
  const domain = host.toLowerCase();
  const checks = {
    domain: { has_valid_address_syntax: syntax, has_mx_or_a_record: syntax && !NO_MX.test(domain), is_suspected_disposable_address: DISPOSABLE.includes(domain) },
    local_part: { is_suspected_role_address: ROLES.includes(local.toLowerCase()) },
    additional: { has_known_bounces: knownBounces(email.toLowerCase()), has_suspected_bounces: /bounce/i.test(local) },
  };
  const jitter = createHash('sha256').update(email.toLowerCase()).digest().readUInt16BE(0) / 65535;
  let verdict: 'Valid' | 'Risky' | 'Invalid';
  let score: number;
  if (!syntax || !checks.domain.has_mx_or_a_record || checks.additional.has_known_bounces) (verdict = 'Invalid'), (score = Number((jitter * 0.1).toFixed(5)));
  else if (checks.domain.is_suspected_disposable_address || checks.local_part.is_suspected_role_address || checks.additional.has_suspected_bounces || TYPOS[domain]) (verdict = 'Risky'), (score = Number((0.3 + jitter * 0.4).toFixed(5)));
  else (verdict = 'Valid'), (score = Number((0.85 + jitter * 0.14).toFixed(5)));
  return {
    result: {
      email,
      verdict,
      score,
      local,
      host: domain,
      ...(TYPOS[domain] ? { suggestion: TYPOS[domain] } : {}),
      checks,
      ...(source ? { source } : {}),
      ip_address: '203.0.113.10',
    },
  };
}

export const accountRoutes: Route[] = [
  { method: 'GET', path: '/v3/scopes', handle: ({ scopes }) => ok({ scopes: [...scopes] }) },
  { method: 'GET', path: '/v3/user/username', handle: () => ok({ username: SEED.username, user_id: 1 }) },
  {
    method: 'POST',
    path: '/v3/validations/email',
    handle({ body }, { state }) {
      const input = objectBody(body);
      const email = text(input, 'email', { required: true, max: 320 })!;
      const source = text(input, 'source', { max: 100 });
      const bounced = (address: string) => state.suppressions.bounces.some((b) => b.email === address);
      return ok(validateEmail(email.trim(), source, bounced));
    },
  },
];
