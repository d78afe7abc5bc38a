// Serves Twilio's official SendGrid spec with Prism for the contract tier, once for the whole run.
// startPrismProcess is also how the sandbox tier starts Prism in proxy mode.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeSpecs } from './merge-specs';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });

export interface PrismProcess {
  url: string;
  prism: ChildProcess;
}

/**
 * Writes the merged spec to a temporary file, starts Prism on a free port of 127.0.0.1 with the
 * arguments `args` gives for that file and port, and resolves once it listens (within 60 s).
 */
export async function startPrismProcess(name: string, args: (specFile: string, port: number) => string[]): Promise<PrismProcess> {
  const specFile = join(tmpdir(), `${name}-${process.pid}.json`);
  writeFileSync(specFile, JSON.stringify(mergeSpecs()));
  const port = await freePort();
  const cli = require.resolve('@stoplight/prism-cli/dist/index.js');
  const prism = spawn(process.execPath, [cli, ...args(specFile, port)], { stdio: ['ignore', 'pipe', 'pipe'] });
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
    prism.stdout.on('data', watch);
    prism.stderr.on('data', watch);
    prism.once('exit', (code) => reject(new Error(`Prism exited (${code}):\n${log}`)));
  });
  prism.stdout.removeAllListeners('data').resume();
  prism.stderr.removeAllListeners('data').resume();
  return { url: `http://127.0.0.1:${port}`, prism };
}

export default async function startPrism() {
  const { url, prism } = await startPrismProcess('sendgrid-spec', (specFile, port) => ['mock', '-h', '127.0.0.1', '-p', String(port), specFile]);
  process.env.PRISM_URL = url;
  (globalThis as { prism?: typeof prism }).prism = prism;
}
