// Faults a test can inject: the next N answers of a route, or a share of all answers, go wrong the
// ways real networks and servers do.

export type FaultKind = 500 | 502 | 503 | 504 | 'html' | 'malformed' | 'hang' | 'reset';

export const FAULT_KINDS: readonly FaultKind[] = [500, 502, 503, 504, 'html', 'malformed', 'hang', 'reset'];

interface Planned {
  /** "METHOD /path" (a concrete path or a route template such as /v3/marketing/lists/:id), or "*". */
  route: string;
  kind: FaultKind;
  remaining: number;
}

export class Faults {
  private planned: Planned[] = [];
  private share?: { rate: number; kind: FaultKind; random: () => number };

  /** The next `count` requests to `route` ("POST /v3/mail/send", or "*" for any) fail with `kind`. */
  next(route: string, kind: FaultKind, count = 1) {
    this.planned.push({ route, kind, remaining: count });
    return this;
  }

  /** A share (0 to 1) of all requests fail with `kind`, until `clear()`. */
  all(rate: number, kind: FaultKind, random: () => number = Math.random) {
    this.share = { rate, kind, random };
    return this;
  }

  clear() {
    this.planned = [];
    this.share = undefined;
  }

  /** The fault for this request, if one is due; consumes it. */
  take(method: string, path: string, template?: string): FaultKind | undefined {
    const keys = new Set(['*', `${method} ${path}`, ...(template ? [`${method} ${template}`] : [])]);
    const planned = this.planned.find((p) => keys.has(p.route) && p.remaining > 0);
    if (planned) {
      planned.remaining--;
      this.planned = this.planned.filter((p) => p.remaining > 0);
      return planned.kind;
    }
    if (this.share && this.share.random() < this.share.rate) return this.share.kind;
    return undefined;
  }
}
