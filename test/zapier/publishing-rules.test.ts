// The compiled app against Zapier's publishing checks that the definition alone can settle
// (the integration checks Zapier runs before an app goes public), and a self-test showing that every check can fail.
import { app } from './app';
import { BROKEN_BY, brokenApp, goodApp } from './fixtures';
import { CHECKS, linkProblems, titleCaseProblem } from './rules';

const byCode = CHECKS.map((check) => [`${check.code}: ${check.rule}`, check] as const);

describe('the compiled app keeps every publishing rule', () => {
  it.each(byCode)('%s', async (_name, check) => {
    expect(await check.run(app)).toEqual([]);
  });
});

describe('each check can fail (self-test on two small definitions)', () => {
  it('every check has a defect planted in the broken definition', () => {
    expect(Object.keys(BROKEN_BY).sort()).toEqual(CHECKS.map((c) => c.code).sort());
  });

  it.each(byCode)('%s: passes the good definition, reports the broken one', async (_name, check) => {
    expect(await check.run(goodApp())).toEqual([]);
    const problems = await check.run(brokenApp());
    expect(problems.join('\n')).toContain(BROKEN_BY[check.code]);
  });

  it('tells Title Case from other casing', () => {
    for (const good of ['Send Email', 'API Request (Advanced)', 'Find or Create Item', 'Reply To', 'Body (JSON)'])
      expect({ label: good, problem: titleCaseProblem(good) }).toEqual({ label: good, problem: undefined });
    for (const bad of ['send email', 'Send email', 'Add To List', 'X', 'A'.repeat(65)])
      expect({ label: bad, problem: titleCaseProblem(bad) }).toEqual({ label: bad, problem: expect.any(String) });
  });

  it('tells well-formed https links from broken, plain-http and bare ones', () => {
    expect(linkProblems('See [the docs](https://example.com/docs), or `SG.` keys.')).toEqual([]);
    expect(linkProblems('[docs](http://example.com)')).toEqual(['link to "http://example.com" is not https']);
    expect(linkProblems('See https://example.com')).toEqual(['bare URL "https://example.com"']);
    expect(linkProblems('[docs] (https://example.com)')).toContainEqual(expect.stringContaining('broken markdown link'));
    expect(linkProblems('[docs](https://example.com')).toContainEqual(expect.stringContaining('broken markdown link'));
    expect(linkProblems('visit www.example.com')).toContainEqual(expect.stringContaining('bare URL'));
  });
});
