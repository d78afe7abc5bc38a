// Known bugs in Twilio's official spec: violations Prism reports although the request is what SendGrid
// really accepts. Each entry matches one method, path and violation, and says why the spec is wrong.
// Never add an entry for a request of ours that the spec rightly refuses: fix the operation instead.
import type { RecordedRequest, Violation } from './recorder';

export interface AllowedViolation {
  method: string;
  /** Matched against the path without its query. */
  path: RegExp;
  code: string | number;
  /** The violation's location, joined with dots, such as `request.body.template_id`. */
  location: string;
}

// Empty: no request of the contract cases hits a spec bug yet. Quirks known to exist, to be added
// only when a case hits them: template ids are typed UUID although dynamic ones are `d-…`, and a
// single send's `send_at: "now"` is typed date-time.
export const allowList: AllowedViolation[] = [];

export const isAllowed = (request: RecordedRequest, violation: Violation, list = allowList) =>
  list.some(
    (entry) =>
      entry.method === request.method &&
      entry.path.test(request.path.split('?')[0] ?? '') &&
      entry.code === violation.code &&
      entry.location === violation.location.join('.'),
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
