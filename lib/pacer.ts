// Pacing on SendGrid's rate-limit headers: a long-lived process (the MCP server) remembers, per
// endpoint family, how many requests are left until the window resets, and waits for the reset rather
// than spend a request on a 429. SendGrid limits each endpoint family separately.
import type { RateLimit } from './errors';

/** The family of a path: the two segments after /v3 (marketing/contacts, mail/send, suppression/bounces). */
export const familyOf = (path: string) => path.split('/').slice(2, 4).join('/');

export class Pacer {
  private readonly windows = new Map<string, { remaining: number; reset: number }>();

  /** Milliseconds to wait before a request to this path: 0 while its family has requests left. */
  delayFor(path: string, now = Date.now()): number {
    const window = this.windows.get(familyOf(path));
    if (!window || window.remaining > 0) return 0;
    return Math.max(0, window.reset * 1000 - now);
  }

  /** Notes what SendGrid said in the answer's headers. */
  record(path: string, { remaining, reset }: RateLimit): void {
    if (remaining === undefined || reset === undefined) return;
    this.windows.set(familyOf(path), { remaining, reset });
  }
}
