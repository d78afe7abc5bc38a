// Known bugs in Twilio's official spec: violations Prism reports although the request is what SendGrid
// really accepts. Each entry matches one method, path and violation, and says why the spec is wrong.
// Never add an entry for a request of ours that the spec rightly refuses: fix the operation instead.
import type { RecordedRequest, Violation } from './recorder';

export interface AllowedViolation {
  method: string;
  /** Matched against the path without its query. */
  path: RegExp;
  code: string | number;
  /** The violation's location joined with dots, such as `body.contacts.0.phone_number_id`. */
  location: string | RegExp;
}

// Spec bugs that make Prism refuse a request SendGrid accepts are corrected in the spec Prism serves
// (spec-quirks.ts), or the call itself would fail. What remains here are violations that do not stop
// a call: body properties SendGrid takes although the spec does not declare them (undeclared.ts).
export const allowList: AllowedViolation[] = [
  // Legacy recipients carry custom fields as top-level keys named after the field ("favorite_color"),
  // which the spec cannot declare. The legacy operations resolve each name against the account's
  // custom fields and refuse unknown ones before sending, so only real custom fields arrive here.
  ...(['POST', 'PATCH'] as const).map((method) => ({ method, path: /^\/v3\/contactdb\/recipients$/, code: 'undeclared', location: /^body\.\d+\.[a-z0-9_]+$/ })),
];

export const isAllowed = (request: RecordedRequest, violation: Violation, list = allowList) =>
  list.some(
    (entry) =>
      entry.method === request.method &&
      entry.path.test(request.path.split('?')[0] ?? '') &&
      entry.code === violation.code &&
      (typeof entry.location === 'string' ? entry.location === violation.location.join('.') : entry.location.test(violation.location.join('.'))),
  );

/** Each violation not on the allow-list, as one readable line; an empty list means the requests were clean. */
export const unexpectedViolations = (requests: readonly RecordedRequest[], list = allowList): string[] =>
  requests.flatMap((request) =>
    request.violations
      .filter((violation) => !isAllowed(request, violation, list))
      .map(
        (v) =>
          `${request.method} ${request.path} → ${request.status}: [${v.location.join('.')}] ${v.code}: ${v.message}\n  body: ${request.body.slice(0, 500)}`,
      ),
  );

/**
 * Zapier output checks that a spec example, not our code, breaks: skipped for that one step only.
 * Prism answers with the spec's example, and createAppTester raises on a failed check (live Zapier only logs it).
 */
export const skippedZapierChecks: Record<string, string[]> = {
  // The example answer of GET /v3/asm/groups lists the same group (id 1234) twice; SendGrid's group ids
  // are unique, so the check that a trigger's ids are unique would fail on the example alone.
  list_unsubscribe_groups: ['triggerHasUniquePrimary'],
};
