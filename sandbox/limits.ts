// Rate limits per endpoint family, as SendGrid reports them: X-RateLimit-Limit/Remaining/Reset and 429.
// Off unless configured; when off, the headers still show a generous, constant budget. Families are
// read as the client's pacer reads them.
import { familyOf } from '../lib/pacer';

export interface RateLimitOptions {
  /** Requests per window for a family without its own limit (default 600). */
  limit?: number;
  /** The window (default 60 s). */
  windowMs?: number;
  /** Limits by family, such as { 'mail/send': 2, 'marketing/contacts': 10 }. */
  families?: Record<string, number>;
}


export class RateLimiter {
  private windows = new Map<string, { start: number; used: number }>();
  constructor(private readonly options: RateLimitOptions | false | undefined) {}

  /** Counts a request and returns the headers to send and whether it is over the limit. */
  take(path: string, now: number): { headers: Record<string, string>; limited: boolean } {
    if (!this.options) {
      return { headers: { 'x-ratelimit-limit': '600', 'x-ratelimit-remaining': '599', 'x-ratelimit-reset': String(Math.ceil(now / 1000) + 60) }, limited: false };
    }
    const family = familyOf(path);
    const limit = this.options.families?.[family] ?? this.options.limit ?? 600;
    const windowMs = this.options.windowMs ?? 60_000;
    let window = this.windows.get(family);
    if (!window || now - window.start >= windowMs) this.windows.set(family, (window = { start: now, used: 0 }));
    const limited = window.used >= limit;
    if (!limited) window.used++;
    const headers = {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, limit - window.used)),
      'x-ratelimit-reset': String(Math.ceil((window.start + windowMs) / 1000)),
    };
    return { headers, limited };
  }

  reset() {
    this.windows.clear();
  }
}
