// A pass-through proxy in front of Prism. Both faces send their requests here (SENDGRID_API_BASE_URL),
// so every request either of them makes is forwarded unchanged and its spec violations are recorded.
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mergeSpecs } from './merge-specs';
import { undeclaredProperties } from './undeclared';

/** One problem Prism found with a request, as it reports them. */
export interface Violation {
  location: string[];
  severity: string;
  code: string | number;
  message: string;
}

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  status: number;
  /** The request body, so a failure shows what was sent. */
  body: string;
  violations: Violation[];
}

export interface Recorder {
  url: string;
  records: RecordedRequest[];
  reset(): void;
  close(): Promise<void>;
}

const readAll = async (stream: AsyncIterable<Buffer>) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
};

/**
 * Prism reports violations in the `sl-violations` header when the spec has an error response to
 * answer with, and otherwise in the `validation` array of a 422 problem+json body.
 */
export function violationsOf(status: number, headers: IncomingHttpHeaders, body: Buffer): Violation[] {
  const found: Violation[] = [];
  const header = headers['sl-violations'];
  if (typeof header === 'string') found.push(...(JSON.parse(header) as Violation[]));
  if (status === 422 && String(headers['content-type']).includes('application/problem+json')) {
    const problem = JSON.parse(body.toString('utf8')) as { validation?: Violation[] };
    found.push(...(problem.validation ?? []));
  }
  return found;
}

export async function startRecorder(target = process.env.PRISM_URL): Promise<Recorder> {
  if (!target) throw new Error('PRISM_URL is not set: the contract tier starts Prism in its globalSetup.');
  const prism = new URL(target);
  const records: RecordedRequest[] = [];
  const spec = mergeSpecs();

  const server = createServer(async (incoming, outgoing) => {
    const method = incoming.method ?? 'GET';
    const path = incoming.url ?? '/';
    try {
      const body = await readAll(incoming);
      const answer = await new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        const forward = request({ host: prism.hostname, port: prism.port, method, path, headers: incoming.headers }, async (response) => {
          resolve({ status: response.statusCode ?? 502, headers: response.headers, body: await readAll(response) });
        });
        forward.on('error', reject);
        forward.end(body);
      });
      const text = body.toString('utf8');
      const violations = [...violationsOf(answer.status, answer.headers, answer.body), ...undeclaredProperties(spec, method, path, text)];
      records.push({ method, path, status: answer.status, body: text, violations });
      outgoing.writeHead(answer.status, answer.headers).end(answer.body);
    } catch (error) {
      // Recorded too, so a request that never reached Prism cannot pass as a clean one.
      const problem = { location: ['proxy'], severity: 'Error', code: 'proxy', message: (error as Error).message };
      records.push({ method, path, status: 502, body: '', violations: [problem] });
      outgoing.writeHead(502, { 'content-type': 'text/plain' }).end(problem.message);
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    records,
    reset: () => void records.splice(0),
    close: () => {
      // Keep-alive sockets of the faces' HTTP clients would otherwise hold the server open.
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
