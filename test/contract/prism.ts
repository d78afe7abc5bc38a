// Serves Twilio's official SendGrid spec with Prism for the contract tier, once for the whole run.
import { spawn } from 'node:child_process';
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

export default async function startPrism() {
  const specFile = join(tmpdir(), `sendgrid-spec-${process.pid}.json`);
  writeFileSync(specFile, JSON.stringify(mergeSpecs()));
  const port = await freePort();
  const prism = spawn(process.execPath, [require.resolve('@stoplight/prism-cli/dist/index.js'), 'mock', '-h', '127.0.0.1', '-p', String(port), specFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
  process.env.PRISM_URL = `http://127.0.0.1:${port}`;
  (globalThis as { prism?: typeof prism }).prism = prism;
}
