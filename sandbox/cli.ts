// `sendgrid-sandbox`: the embedded SendGrid sandbox on its own, for trying the connector or pointing
// any SendGrid client at it (SENDGRID_API_BASE_URL). Nothing it receives leaves this machine.
import { parseArgs } from 'node:util';
import { startSandbox } from './server';

const USAGE = `Usage: sendgrid-sandbox [--host 127.0.0.1] [--port 3010] [--state FILE] [--job-delay MS] [--no-webhooks]

  --host, --port   where to listen (default 127.0.0.1:3010; port 0 picks a free one)
  --state FILE     keep the account in FILE: loaded at start, saved after every change
  --job-delay MS   how long contact imports, deletes and exports stay pending (default 500)
  --no-webhooks    do not POST events to the event webhooks' URLs`;

/** Any Bearer key works; this is the one to show. */
const SANDBOX_KEY = 'SG.sandbox';

async function main() {
  const { values: flags } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '3010' },
      state: { type: 'string' },
      'job-delay': { type: 'string', default: '500' },
      'no-webhooks': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (flags.help) return void console.log(USAGE);
  if (!/^\d{1,5}$/.test(flags.port) || Number(flags.port) > 65535) throw new Error(`--port must be a whole number from 0 to 65535, not ${JSON.stringify(flags.port)}`);
  const port = Number(flags.port);
  if (!/^\d{1,7}$/.test(flags['job-delay'])) throw new Error(`--job-delay must be a whole number of milliseconds, not ${JSON.stringify(flags['job-delay'])}`);
  const jobDelayMs = Number(flags['job-delay']);
  const sandbox = await startSandbox({ host: flags.host, port, statePath: flags.state, jobDelayMs, webhookDelivery: !flags['no-webhooks'] });
  console.log(`SendGrid sandbox: ${sandbox.url}`);
  console.log(`API key: ${SANDBOX_KEY} (any Bearer key works; every scope is granted)`);
  console.log(flags.state ? `State: ${flags.state} (saved after every change)` : 'State: in memory (pass --state FILE to keep it)');
  console.log(`Try: curl -H "Authorization: Bearer ${SANDBOX_KEY}" ${sandbox.url}/v3/marketing/lists`);
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') console.error('sendgrid-sandbox: that port is in use; pass --port to choose another.');
  else console.error(`sendgrid-sandbox: ${error.message}\n\n${USAGE}`);
  process.exit(error.code === 'EADDRINUSE' ? 1 : 2);
});
