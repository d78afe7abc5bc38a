// Prism in proxy mode in front of the sandbox: it forwards each request and checks the request and
// the sandbox's answer against Twilio's official spec, reporting violations as the contract tier reads them.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeSpecs } from '../contract/merge-specs';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });

export interface PrismProxy {
  url: string;
  stop(): void;
}

export async function startPrismProxy(target: string): Promise<PrismProxy> {
  const specFile = join(tmpdir(), `sendgrid-spec-proxy-${process.pid}.json`);
  writeFileSync(specFile, JSON.stringify(mergeSpecs()));
  const port = await freePort();
  const cli = require.resolve('@stoplight/prism-cli/dist/index.js');
  const prism: ChildProcess = spawn(process.execPath, [cli, 'proxy', specFile, target, '-h', '127.0.0.1', '-p', String(port), '--errors'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Prism did not start within 60 s:\n${log}`)), 60_000);
    const watch = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    prism.stdout!.on('data', watch);
    prism.stderr!.on('data', watch);
    prism.once('exit', (code) => reject(new Error(`Prism exited (${code}):\n${log}`)));
  });
  prism.stdout!.removeAllListeners('data').resume();
  prism.stderr!.removeAllListeners('data').resume();
  return { url: `http://127.0.0.1:${port}`, stop: () => void prism.kill() };
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
