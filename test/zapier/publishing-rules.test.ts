// The compiled app against Zapier's publishing checks that the definition alone can settle
// (the integration checks Zapier runs before an app goes public), and a self-test showing that every check can fail.
import { ID_WITHOUT_DROPDOWN } from './allow-list';
import { app } from './app';
import { fieldsOf, stepsOf } from './definition';
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

  it('D004 lets through only the exact paths of its allow-list: a made-up id field elsewhere still fails', async () => {
    const d004 = CHECKS.find((c) => c.code === 'D004')!;
    const [exempt] = Object.keys(ID_WITHOUT_DROPDOWN);
    const [kind, stepKey, , parent, child] = exempt!.split('.') as ['creates', string, string, string, string];
    const made = goodApp();
    // The same keys the allow-list names, on a step and under a parent it does not name.
    made.creates!.create_item!.operation.inputFields!.push(
      { key: 'external_id', label: 'External Identifier' },
      { key: 'lines2', label: 'More Lines', children: [{ key: child, label: 'Child Identifier' }] },
      { key: 'invoice_id', label: 'Invoice' },
    );
    // The exempt path itself, on a step of that name.
    made[kind] = {
      ...made[kind],
      [stepKey]: { ...made.creates!.create_item!, key: stepKey, operation: { inputFields: [{ key: parent, label: 'Items', children: [{ key: child, label: 'Child Identifier' }] }] } },
    };
    expect(await d004.run(made)).toEqual([
      'creates.create_item.inputFields.external_id: id field without a dropdown',
      `creates.create_item.inputFields.lines2.${child}: id field without a dropdown`,
      'creates.create_item.inputFields.invoice_id: id field without a dropdown',
    ]);
  });

  it('D004 allow-list entries each give a reason and name an id field of the app that has no dropdown (none is stale)', () => {
    const fields = new Map(stepsOf(app).flatMap(fieldsOf).map(({ path, item }) => [path, item]));
    for (const [path, reason] of Object.entries(ID_WITHOUT_DROPDOWN)) {
      expect({ path, reason: reason.length > 20 }).toEqual({ path, reason: true });
      expect({ path, field: fields.get(path)?.key, dynamic: fields.get(path)?.dynamic }).toEqual({ path, field: path.split('.').at(-1), dynamic: undefined });
    }
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
