// The audit log on its own: what it keeps of arguments, and rotation by size.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLog, redactArguments } from '../../mcp/audit';

const KEY = 'SG.audit-test-key.0123456789';

it('keeps arguments but message bodies (by size) and secrets (redacted)', () => {
  expect(
    redactArguments({ name: `list for ${KEY}`, html: '<p>Hi</p>', attachments: [{ content: 'QUJD' }], to: ['ada@example.com'], nested: { body: 'x', keep: KEY } }, [KEY]),
  ).toEqual({
    name: 'list for [redacted]',
    html: '[left out: 11 characters]',
    attachments: expect.stringMatching(/^\[left out: \d+ characters\]$/),
    to: ['ada@example.com'],
    nested: { body: '[left out: 3 characters]', keep: '[redacted]' },
  });
});

it('rotates past its size: the full file becomes FILE.1 and a new one starts', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'sendgrid-audit-')), 'audit.jsonl');
  const log = new AuditLog(file, [KEY], 400);
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  for (let i = 0; i < 5; i++) log.record({ time: new Date().toISOString(), agent: null, tool: `tool_${i}`, arguments: { i }, outcome: 'ok', duration_ms: 1 });
  stderr.mockRestore();
  expect(existsSync(`${file}.1`)).toBe(true);
  const current = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line).tool);
  const previous = readFileSync(`${file}.1`, 'utf8').trim().split('\n').map((line) => JSON.parse(line).tool);
  expect([...previous, ...current].slice(-current.length)).toEqual(current);
  expect(current.at(-1)).toBe('tool_4');
  expect(readFileSync(file, 'utf8').length).toBeLessThanOrEqual(400);
});
