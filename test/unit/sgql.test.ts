// The SGQL builder: quoting by field type, each operator, nesting, and refusals naming the field.
import * as z from 'zod/mini';
import { InputError } from '../../lib/errors';
import {
  compileConditions,
  compileWhere,
  conditionListSchema,
  conditionSchema,
  fieldTypesFor,
  fieldTypesOf,
  needsDefinitions,
  segmentQuery,
  whereSchema,
  WHERE_HELP,
  type FieldType,
  type Where,
} from '../../lib/sgql';
import { parseInput } from '../../lib/validate';
import type { SendGridApi } from '../../lib/client';

const LIST = 'ca7a3796-e8a8-4029-9ccb-df8937940562';
const types = new Map<string, FieldType>([
  ['email', 'Text'],
  ['first_name', 'Text'],
  ['country', 'Text'],
  ['created_at', 'Date'],
  ['loyalty_points', 'Number'],
  ['favorite_color', 'Text'],
  ['signup_date', 'Date'],
]);
const sgql = (where: Where) => compileWhere(where, types);
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).errors;
  }
  throw new Error('expected an InputError');
};

describe('compileWhere: quoting by field type', () => {
  it('quotes text in single quotes and leaves numbers bare', () => {
    expect(sgql({ field_name: 'first_name', operator: 'eq', value: 'Ada' })).toBe("first_name = 'Ada'");
    expect(sgql({ field_name: 'loyalty_points', operator: 'gt', value: 100 })).toBe('loyalty_points > 100');
    expect(sgql({ field_name: 'loyalty_points', operator: 'le', value: '2.5' })).toBe('loyalty_points <= 2.5');
    expect(sgql({ field_name: 'loyalty_points', operator: 'ge', value: -3 })).toBe('loyalty_points >= -3');
  });

  it('quotes a number given for a Text field as text', () => {
    expect(sgql({ field_name: 'favorite_color', operator: 'eq', value: 42 })).toBe("favorite_color = '42'");
  });

  it('matches field names ignoring case, keeping the name as written', () => {
    expect(sgql({ field_name: 'Loyalty_Points', operator: 'lt', value: 5 })).toBe('Loyalty_Points < 5');
  });

  it('turns a full time into a UTC ISO timestamp', () => {
    expect(sgql({ field_name: 'created_at', operator: 'gt', value: '2026-03-01T10:30:00+02:00' })).toBe("created_at > '2026-03-01T08:30:00Z'");
    expect(sgql({ field_name: 'created_at', operator: 'le', value: '2026-03-01T10:30:00.250Z' })).toBe("created_at <= '2026-03-01T10:30:00Z'");
  });

  it('treats a date alone as the whole day', () => {
    const day = ["'2026-03-01T00:00:00Z'", "'2026-03-02T00:00:00Z'"];
    expect(sgql({ field_name: 'signup_date', operator: 'eq', value: '2026-03-01' })).toBe(`(signup_date >= ${day[0]} AND signup_date < ${day[1]})`);
    expect(sgql({ field_name: 'signup_date', operator: 'ne', value: '2026-03-01' })).toBe(`(signup_date < ${day[0]} OR signup_date >= ${day[1]})`);
    expect(sgql({ field_name: 'signup_date', operator: 'lt', value: '2026-03-01' })).toBe(`signup_date < ${day[0]}`);
    expect(sgql({ field_name: 'signup_date', operator: 'le', value: '2026-03-01' })).toBe(`signup_date < ${day[1]}`);
    expect(sgql({ field_name: 'signup_date', operator: 'gt', value: '2026-03-01' })).toBe(`signup_date >= ${day[1]}`);
    expect(sgql({ field_name: 'signup_date', operator: 'ge', value: '2026-03-01' })).toBe(`signup_date >= ${day[0]}`);
    // Month and year ends roll over.
    expect(sgql({ field_name: 'signup_date', operator: 'gt', value: '2025-12-31' })).toBe("signup_date >= '2026-01-01T00:00:00Z'");
  });
});

describe('compileWhere: each operator', () => {
  it.each([
    [{ field_name: 'email', operator: 'ne', value: 'ada@example.com' }, "email != 'ada@example.com'"],
    [{ field_name: 'email', operator: 'like', value: '%@example.com' }, "email LIKE '%@example.com'"],
    [{ field_name: 'email', operator: 'not_like', value: 'test%' }, "email NOT LIKE 'test%'"],
    [{ field_name: 'email', operator: 'contains', value: 'example' }, "email LIKE '%example%'"],
    [{ field_name: 'email', operator: 'not_contains', value: 'spam' }, "email NOT LIKE '%spam%'"],
    [{ field_name: 'country', operator: 'in', values: ['US', 'CA'] }, "country IN ('US', 'CA')"],
    [{ field_name: 'country', operator: 'in', values: ['US, CA'] }, "country IN ('US, CA')"],
    [{ field_name: 'country', operator: 'not_in', values: ['FR'] }, "country NOT IN ('FR')"],
    [{ field_name: 'loyalty_points', operator: 'in', values: [1, '2', 3.5] }, 'loyalty_points IN (1, 2, 3.5)'],
    [{ field_name: 'first_name', operator: 'is_empty' }, 'first_name IS NULL'],
    [{ field_name: 'signup_date', operator: 'is_not_empty' }, 'signup_date IS NOT NULL'],
    [{ field_name: 'list_ids', operator: 'in_list', value: LIST }, `CONTAINS(list_ids, '${LIST}')`],
  ] as [Where, string][])('%j → %s', (where, expected) => {
    expect(sgql(where)).toBe(expected);
  });

  it('doubles % in a contains value, so it is matched literally', () => {
    expect(sgql({ field_name: 'email', operator: 'contains', value: '50%off' })).toBe("email LIKE '%50%%off%'");
  });
});

describe('compileWhere: nesting', () => {
  it('joins groups, bracketing nested ones', () => {
    expect(
      sgql({
        and: [
          { field_name: 'country', operator: 'eq', value: 'US' },
          { or: [{ field_name: 'loyalty_points', operator: 'gt', value: 100 }, { field_name: 'list_ids', operator: 'in_list', value: LIST }] },
        ],
      }),
    ).toBe(`country = 'US' AND (loyalty_points > 100 OR CONTAINS(list_ids, '${LIST}'))`);
  });

  it('goes three groups deep', () => {
    const leaf = { field_name: 'first_name', operator: 'eq', value: 'Ada' } as const;
    expect(sgql({ or: [{ and: [{ or: [leaf, leaf] }, leaf] }, leaf] })).toBe(
      "((first_name = 'Ada' OR first_name = 'Ada') AND first_name = 'Ada') OR first_name = 'Ada'",
    );
  });

  it('does not bracket a group of one', () => {
    expect(sgql({ and: [{ or: [{ field_name: 'email', operator: 'is_not_empty' }] }] })).toBe('email IS NOT NULL');
  });

  it('refuses four groups deep', () => {
    const leaf = { field_name: 'email', operator: 'is_empty' } as const;
    expect(refusal(() => sgql({ and: [{ or: [{ and: [{ or: [leaf] }] }] }] }))).toEqual([{ field: 'where', message: 'nests groups more than 3 deep' }]);
  });
});

describe('compileWhere: refusals name the field', () => {
  it('refuses quotes and backslashes in a value', () => {
    for (const value of ["O'Hare", 'say "hi"', 'back\\slash'])
      expect(refusal(() => sgql({ and: [{ field_name: 'email', operator: 'is_empty' }, { field_name: 'first_name', operator: 'eq', value }] }))[0]).toEqual({
        field: 'where.and[1].value',
        message: expect.stringMatching(/quotes.*backslashes/),
      });
    expect(refusal(() => sgql({ field_name: 'country', operator: 'in', values: ['US', "C'A"] }))[0]!.field).toBe('where.values[1]');
  });

  it('refuses an operator the field type does not support', () => {
    expect(refusal(() => sgql({ field_name: 'loyalty_points', operator: 'contains', value: '1' }))).toEqual([
      { field: 'where.operator', message: expect.stringContaining('contains does not apply to loyalty_points, a Number field') },
    ]);
    expect(refusal(() => sgql({ field_name: 'favorite_color', operator: 'lt', value: 'b' }))[0]!.message).toMatch(/lt does not apply to favorite_color, a Text field/);
    expect(refusal(() => sgql({ field_name: 'signup_date', operator: 'like', value: '2026%' }))[0]!.message).toMatch(/a Date field/);
    expect(refusal(() => sgql({ field_name: 'signup_date', operator: 'in', values: ['2026-01-01'] }))[0]!.field).toBe('where.operator');
  });

  it('refuses a value that does not fit the field type', () => {
    expect(refusal(() => sgql({ field_name: 'loyalty_points', operator: 'gt', value: 'ten' }))[0]).toEqual({ field: 'where.value', message: expect.stringMatching(/must be a number/) });
    expect(refusal(() => sgql({ field_name: 'loyalty_points', operator: 'gt', value: 1e21 }))[0]!.field).toBe('where.value');
    expect(refusal(() => sgql({ field_name: 'signup_date', operator: 'gt', value: '2026-02-30' }))[0]!.message).toMatch(/must be a date/);
    expect(refusal(() => sgql({ field_name: 'signup_date', operator: 'gt', value: '2026-03-01T10:00:00' }))[0]!.message).toMatch(/with a zone/);
    expect(refusal(() => sgql({ field_name: 'loyalty_points', operator: 'in', values: ['1', 'x'] }))[0]!.field).toBe('where.values[1]');
  });

  it('refuses an unknown field, naming the known ones', () => {
    expect(refusal(() => sgql({ field_name: 'shoe_size', operator: 'eq', value: 42 }))[0]).toEqual({
      field: 'where.field_name',
      message: expect.stringContaining('"shoe_size" is not a field of this SendGrid account (known fields: country, created_at'),
    });
  });

  it('refuses a missing or superfluous value, and in_list outside list_ids', () => {
    expect(refusal(() => sgql({ field_name: 'email', operator: 'eq' }))[0]).toEqual({ field: 'where.value', message: 'is required for the operator eq' });
    expect(refusal(() => sgql({ field_name: 'email', operator: 'is_empty', value: 'x' }))[0]!.message).toMatch(/must be left out/);
    expect(refusal(() => sgql({ field_name: 'email', operator: 'in_list', value: LIST }))[0]).toEqual({ field: 'where.operator', message: 'in_list applies to the field list_ids only' });
    expect(refusal(() => sgql({ field_name: 'list_ids', operator: 'eq', value: LIST }))[0]!.message).toBe('the field list_ids takes the operator in_list only');
    expect(refusal(() => sgql({ field_name: 'list_ids', operator: 'in_list', value: 'newsletter' }))[0]!.message).toMatch(/list id \(a UUID\)/);
  });

  it('takes in/not_in values in values only, and values for in/not_in only', () => {
    expect(refusal(() => sgql({ field_name: 'country', operator: 'in' }))).toEqual([
      { field: 'where.values', message: 'is required for the operator in: the values to match, one per item' },
    ]);
    expect(refusal(() => sgql({ field_name: 'country', operator: 'not_in', values: [] }))[0]!.field).toBe('where.values');
    expect(refusal(() => sgql({ field_name: 'country', operator: 'in', value: 'US, CA', values: ['US'] }))).toEqual([
      { field: 'where.value', message: 'must be left out for the operator in; give the values in values' },
    ]);
    expect(refusal(() => sgql({ field_name: 'email', operator: 'eq', value: 'a', values: ['a', 'b'] }))).toEqual([
      { field: 'where.values', message: 'must be left out for the operator eq; only in and not_in take several values' },
    ]);
    expect(refusal(() => sgql({ field_name: 'email', operator: 'is_empty', values: ['a'] }))[0]!.field).toBe('where.values');
  });

  it('reports every problem at once', () => {
    const errors = refusal(() => sgql({ and: [{ field_name: 'email', operator: 'lt', value: 'a' }, { field_name: 'loyalty_points', operator: 'eq', value: 'x' }] }));
    expect(errors.map((e) => e.field)).toEqual(['where.and[0].operator', 'where.and[1].value']);
  });
});

describe('compileConditions: a flat list, left to right', () => {
  const a = { field_name: 'country', operator: 'eq', value: 'US' } as const;
  const b = { field_name: 'loyalty_points', operator: 'gt', value: 10 } as const;
  const c = { field_name: 'email', operator: 'is_not_empty' } as const;

  it('joins with and by default', () => {
    expect(compileConditions([a, b, c], types)).toBe("country = 'US' AND loyalty_points > 10 AND email IS NOT NULL");
  });

  it('brackets what came before when the join changes', () => {
    expect(compileConditions([a, { ...b, join: 'or' }, { ...c, join: 'and' }], types)).toBe(
      "(country = 'US' OR loyalty_points > 10) AND email IS NOT NULL",
    );
    expect(compileConditions([a, { ...b, join: 'and' }, { ...c, join: 'or' }], types)).toBe("(country = 'US' AND loyalty_points > 10) OR email IS NOT NULL");
  });

  it('ignores the join of the first line', () => {
    expect(compileConditions([{ ...a, join: 'or' }], types)).toBe("country = 'US'");
  });

  it('names the line in errors', () => {
    expect(refusal(() => compileConditions([a, { field_name: 'loyalty_points', operator: 'like', value: '1%' }], types))[0]!.field).toBe('conditions[1].operator');
  });
});

describe('schemas', () => {
  const where = z.strictObject({ where: whereSchema(WHERE_HELP, 3) });
  const list = z.strictObject({ conditions: conditionListSchema('c') });

  it('accept a nested tree and a flat list', () => {
    expect(parseInput(where, { where: { or: [{ and: [{ field_name: 'email', operator: 'contains', value: 'x' }] }, { field_name: 'city', operator: 'is_empty' }] } })).toBeTruthy();
    expect(parseInput(list, { conditions: [{ field_name: 'email', operator: 'eq', value: 'a@b.co' }, { join: 'or', field_name: 'city', operator: 'eq', value: 'Paris' }] })).toBeTruthy();
  });

  it('refuse quotes, reserved-field type mismatches and unknown keys, naming the path', () => {
    expect(() => parseInput(list, { conditions: [{ field_name: 'email', operator: 'eq', value: "a'b" }] })).toThrow(/conditions\[0\]\.value: must not contain quotes/);
    expect(() => parseInput(list, { conditions: [{ field_name: 'created_at', operator: 'contains', value: '2026' }] })).toThrow(/conditions\[0\]\.operator: contains does not apply to created_at, a Date field/);
    expect(() => parseInput(list, { conditions: [{ field_name: 'email', operator: 'eq', value: 'a', negate: true }] })).toThrow(/conditions\[0\]\.negate: is not a known field/);
    expect(() => parseInput(where, { where: { and: [{ field_name: 'city', operator: 'eq', value: 'x\\y' }] } })).toThrow(/where\.and\[0\]\.value/);
    expect(() => parseInput(list, { conditions: [{ field_name: 'first name', operator: 'eq', value: 'a' }] })).toThrow(/conditions\[0\]\.field_name: must be a field name/);
    expect(() => parseInput(list, { conditions: [{ field: 'email', operator: 'eq', value: 'a' }] })).toThrow(/conditions\[0\]\.field: is not a known field/);
    expect(() => parseInput(list, { conditions: [{ field_name: 'country', operator: 'in', value: 'US,CA' }] })).toThrow(/conditions\[0\]\.values: is required for the operator in/);
    expect(() => parseInput(list, { conditions: [{ field_name: 'country', operator: 'eq', values: ['US'] }] })).toThrow(/conditions\[0\]\.values: must be left out/);
    expect(() => parseInput(list, { conditions: [{ field_name: 'country', operator: 'in', values: Array.from({ length: 101 }, (_, i) => `c${i}`) }] })).toThrow(/conditions\[0\]\.values/);
    expect(() => parseInput(list, { conditions: [{ field_name: 'country', operator: 'in', values: ['US', 'x"y'] }] })).toThrow(/conditions\[0\]\.values\[1\]: must not contain quotes/);
    expect(parseInput(list, { conditions: [{ field_name: 'country', operator: 'in', values: ['US', 'CA'] }] })).toBeTruthy();
    expect(() => parseInput(list, { conditions: [] })).toThrow(/conditions/);
  });

  it('publish strict objects in JSON Schema, without $ref', () => {
    const json = JSON.stringify(z.toJSONSchema(where));
    expect(json).not.toContain('$ref');
    expect(json).toContain('"additionalProperties":false');
    expect(z.toJSONSchema(conditionSchema())).toMatchObject({ additionalProperties: false, required: ['field_name', 'operator'] });
  });
});

describe('field types', () => {
  const definitions = {
    custom_fields: [{ id: 'e2_N', name: 'Loyalty_Points', field_type: 'Number' as const }],
    reserved_fields: [{ id: '_rf16_D', name: 'last_clicked', field_type: 'Date' as const, read_only: true }],
  };

  it('merge reserved and custom fields, by lower-case name', () => {
    const merged = fieldTypesOf(definitions);
    expect(merged.get('loyalty_points')).toBe('Number');
    expect(merged.get('last_clicked')).toBe('Date');
    expect(merged.get('email')).toBe('Text');
  });

  it('are fetched only when a field is not a known reserved one', async () => {
    const get = jest.fn(async () => definitions);
    const api = { get } as unknown as SendGridApi;
    expect(needsDefinitions([{ field_name: 'email', operator: 'is_empty' }, { field_name: 'list_ids', operator: 'in_list', value: LIST }])).toBe(false);
    await fieldTypesFor(api, { field_name: 'created_at', operator: 'is_empty' });
    expect(get).not.toHaveBeenCalled();
    const fetched = await fieldTypesFor(api, { and: [{ field_name: 'loyalty_points', operator: 'gt', value: 1 }] });
    expect(get).toHaveBeenCalledWith('/v3/marketing/field_definitions');
    expect(fetched.get('loyalty_points')).toBe('Number');
  });

  it('segmentQuery wraps a condition in the SELECT Segments 2.0 requires', () => {
    expect(segmentQuery("email LIKE '%@example.com'")).toBe("SELECT contact_id, updated_at FROM contact_data WHERE email LIKE '%@example.com'");
  });
});
