import * as z from 'zod/mini';
import { explainAddOn } from '../lib/activity-query';
import { defineOperation } from '../lib/operation';

interface Checks {
  domain: { has_valid_address_syntax: boolean; has_mx_or_a_record: boolean; is_suspected_disposable_address: boolean };
  local_part: { is_suspected_role_address: boolean };
  additional: { has_known_bounces: boolean; has_suspected_bounces: boolean };
}

interface Validation {
  email: string;
  verdict: 'Valid' | 'Risky' | 'Invalid';
  score: number;
  local: string;
  host: string;
  suggestion?: string;
  checks: Checks;
  source?: string;
  ip_address: string;
}

/** Each check, the value that means trouble, and what that trouble is. */
const PROBLEMS: [group: keyof Checks, check: string, bad: boolean, problem: string][] = [
  ['domain', 'has_valid_address_syntax', false, 'the address is not well formed'],
  ['domain', 'has_mx_or_a_record', false, 'the domain has no MX or A record, so it cannot receive mail'],
  ['domain', 'is_suspected_disposable_address', true, 'the domain looks like a disposable address service'],
  ['local_part', 'is_suspected_role_address', true, 'the address looks like a role or group (such as admin@ or hr@)'],
  ['additional', 'has_known_bounces', true, 'mail from this account to the address has bounced'],
  ['additional', 'has_suspected_bounces', true, 'SendGrid predicts mail to the address may bounce'],
];

const ADD_ON =
  'Email Address Validation is a paid add-on (Email API Pro or Premier plans) and needs an API key created for it, with the Email Address Validation permission; an ordinary sending key gets 403.';

export default defineOperation({
  key: 'validate_email',
  noun: 'Email Validation',
  label: 'Find Email Address Validation',
  description:
    'Finds whether an address is safe to send to (verdict, score, failed checks). Spends one paid Email Address Validation credit.',
  // Not 'read': every call spends a paid validation credit, so it is neither free nor safe to repeat
  // at will, and agents must not treat it as a harmless lookup.
  access: 'write',
  tags: ['mail'],
  scopes: ['validations.email.create'],
  input: z.strictObject({
    email: z.string().check(
      z.trim(),
      z.minLength(3),
      z.maxLength(254),
      // Loose on purpose: judging the address is SendGrid's job; this only refuses what is not an address at all.
      z.regex(/^[^\s@]+@[^\s@]+$/, 'must look like an email address (something@domain)'),
    ),
    source: z.optional(
      z.string().check(z.regex(/^\S+$/, 'must be one word'), z.maxLength(100), z.describe('Where it came from, such as "signup".')),
    ),
  }),
  sample: {
    email: 'ada@example.com',
    verdict: 'Risky' as const,
    score: 0.41,
    local: 'ada',
    host: 'example.com',
    suggestion: 'example.org',
    failed_checks: [{ check: 'local_part.is_suspected_role_address', problem: 'the address looks like a role or group (such as admin@ or hr@)' }],
    checks: {
      domain: { has_valid_address_syntax: true, has_mx_or_a_record: true, is_suspected_disposable_address: false },
      local_part: { is_suspected_role_address: true },
      additional: { has_known_bounces: false, has_suspected_bounces: false },
    },
    source: 'signup',
    ip_address: '203.0.113.7',
  },
  perform: async (api, { email, source }) => {
    const { result } = await explainAddOn(
      api.post<{ result: Validation }>('/v3/validations/email', { body: { email, ...(source ? { source } : {}) } }),
      ADD_ON,
    );
    const failed_checks = PROBLEMS.filter(([group, check, bad]) => (result.checks?.[group] as Record<string, boolean> | undefined)?.[check] === bad).map(
      ([group, check, , problem]) => ({ check: `${group}.${check}`, problem }),
    );
    return { ...result, failed_checks };
  },
  summary: (result) =>
    `${result.email}: ${result.verdict} (score ${result.score})${result.failed_checks.length ? `; ${result.failed_checks.map((f) => f.problem).join('; ')}` : '; every check passed'}${result.suggestion ? `. Did you mean …@${result.suggestion}?` : '.'}`,
});
