// Prism in proxy mode in front of the sandbox: it forwards each request and checks the request and
// the sandbox's answer against Twilio's official spec, reporting violations as the contract tier reads them.
import { startPrismProcess } from '../contract/prism';

export interface PrismProxy {
  url: string;
  stop(): void;
}

export async function startPrismProxy(target: string): Promise<PrismProxy> {
  const { url, prism } = await startPrismProcess('sendgrid-spec-proxy', (specFile, port) => ['proxy', specFile, target, '-h', '127.0.0.1', '-p', String(port), '--errors']);
  return { url, stop: () => void prism.kill() };
}

/** A pass-through between Prism and the sandbox that keeps the sandbox's own answers. */
export interface Tap {
  url: string;
  answers: { status: number; body: string }[];
  close(): Promise<void>;
}

export async function startTap(target: string): Promise<Tap> {
  const { createServer: createHttpServer, request } = await import('node:http');
  const goal = new URL(target);
  const answers: Tap['answers'] = [];
  const readAll = async (stream: AsyncIterable<Buffer>) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    return Buffer.concat(chunks);
  };
  const server = createHttpServer(async (incoming, outgoing) => {
    const body = await readAll(incoming);
    const forward = request({ host: goal.hostname, port: goal.port, method: incoming.method, path: incoming.url, headers: incoming.headers }, async (response) => {
      const answer = await readAll(response);
      answers.push({ status: response.statusCode ?? 0, body: answer.toString('utf8') });
      outgoing.writeHead(response.statusCode ?? 502, response.headers).end(answer);
    });
    forward.on('error', (error) => outgoing.writeHead(502).end(error.message));
    forward.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    answers,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
