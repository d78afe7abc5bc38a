// Dry runs (--dry-run): a tool validates its input and goes as far as its first write, which is not
// sent but returned, so an owner can see what an agent would do. Reads still go out (a write may need
// one first, such as the account's custom fields); nothing that changes SendGrid does.
import { NotSent, type HttpRequest, type Transport } from '../lib/client';

/** Thrown in place of sending a write; the tool's result shows the request instead. */
export class DryRun extends NotSent {
  override name = 'DryRun';

  constructor(readonly request: { method: string; url: string; body: unknown }) {
    super(`Dry run: ${request.method} ${new URL(request.url).pathname} was not sent.`);
  }

  toResult() {
    return { dry_run: true, sent: false, request: this.request };
  }
}

/** A transport that sends reads and stops at the first write. */
export const dryRunTransport =
  (transport: Transport): Transport =>
  async (request: HttpRequest, signal) => {
    if (request.method === 'GET') return transport(request, signal);
    throw new DryRun({ method: request.method, url: request.url, body: request.body === undefined ? undefined : JSON.parse(request.body) });
  };
