// What the README tells people to run is what this project ships.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');

describe('README', () => {
  it('never gives a client config or command that runs the npm package named sendgrid-mcp (someone else owns it)', () => {
    const blocks = [...readme.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1]!).join('\n');
    expect(blocks).not.toMatch(/"command":\s*"npx"/);
    expect(blocks).not.toMatch(/\bnpx sendgrid-mcp\b/);
    expect(blocks).toMatch(/node bin\/sendgrid-mcp\.js/);
  });

  it('states the limits: deadline, sizes and retries', () => {
    const limits = readme.slice(readme.indexOf('### Limits'));
    for (const figure of ['45 s', '25 s', '32 MB', '48 MiB', '1 MiB', 'Retries']) expect(limits).toContain(figure);
  });
});
