// Spawning the BUILT server (bin/sendgrid-mcp.js → dist/mcp.js) and making sure none outlives the tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'sendgrid-mcp.js');

/** These tests are about the build; a missing one must fail loudly, not test stale or absent code. */
export function requireBuild(): void {
  if (!existsSync(join(ROOT, 'dist', 'mcp.js'))) throw new Error('dist/mcp.js is missing: run `npm run build` before the mcp tests.');
}

/**
 * The test runner's environment without SENDGRID_* variables, so a developer's real key or base URL
 * can neither reach SendGrid from a test nor change which backend the server picks.
 */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined && !name.startsWith('SENDGRID_')) env[name] = value;
  return { ...env, ...extra };
}

/** Collects a stream's text and waits for a pattern in it. */
export class Output {
  text = '';
  private waiters: (() => void)[] = [];

  constructor(stream: NodeJS.ReadableStream | null) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      this.text += chunk;
      for (const wake of this.waiters) wake();
    });
  }

  until(pattern: RegExp, timeoutMs = 10_000): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; got:\n${this.text}`)), timeoutMs);
      const check = () => {
        const match = this.text.match(pattern);
        if (!match) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
        resolve(match);
      };
      this.waiters.push(check);
      check();
    });
  }
}

export interface Spawned {
  child: ChildProcess;
  stdout: Output;
  stderr: Output;
  exited: Promise<number | null>;
}

const running = new Set<ChildProcess>();

/** Starts the CLI with Node (process.execPath, the Node running jest); it is killed by killAll. */
export function spawnCli(args: string[], env = cleanEnv()): Spawned {
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  running.add(child);
  // 'close', not 'exit': it comes after stdout and stderr are drained, so their text is complete.
  const exited = new Promise<number | null>((resolve) =>
    child.once('close', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return { child, stdout: new Output(child.stdout), stderr: new Output(child.stderr), exited };
}

/** Ends every process spawnCli started that is still alive: SIGTERM, then SIGKILL if it lingers. */
export async function killAll(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const force = setTimeout(() => child.kill('SIGKILL'), 3000);
          child.once('exit', () => {
            clearTimeout(force);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

/** Whether a process id is still alive (signal 0 only checks). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
