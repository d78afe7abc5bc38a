// Email addresses as people type them: `ada@example.com` or `Ada Lovelace <ada@example.com>`.
import * as z from 'zod/mini';
import { described } from './described';
import { named } from './schema-names';

export interface Address {
  email: string;
  name?: string;
}

const NAMED = /^\s*"?([^"<>]*?)"?\s*<\s*([^<>\s]+)\s*>\s*$/;

/**
 * CR and LF end a header line: a name or subject carrying one could add headers of its own to the
 * email SendGrid builds, and would break the one-line summaries shown to people.
 */
const LINE_BREAK = /[\r\n]/;
export const hasLineBreak = (text: string) => LINE_BREAK.test(text);
const ONE_LINE = 'must be one line: it may not contain a line break (CR or LF)';

/** A check for any text that ends up in an email header (a name, a subject, a filename). */
export const oneLine = () => z.refine<string>((text) => !hasLineBreak(text), ONE_LINE);

export function parseAddress(text: string): Address | undefined {
  if (hasLineBreak(text)) return undefined;
  const named = NAMED.exec(text);
  const email = (named?.[2] ?? text).trim();
  if (!z.regexes.email.test(email)) return undefined;
  const name = named?.[1]?.trim();
  return name ? { email, name } : { email };
}

const MESSAGE = 'must be an email address, or a name and address such as "Ada Lovelace <ada@example.com>"';

/** zod's email form (z.regexes.email), without its look-aheads: no dot first, none doubled, none last before @. */
export const EMAIL = String.raw`([\w'+-]+\.)*[\w'+-]*[\w+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}`;

/**
 * The forms `parseAddress` takes, as the pattern the JSON Schema publishes, so a client that writes
 * input from the schema alone writes addresses: `ada@example.com`, `Ada Lovelace <ada@example.com>`,
 * `"Ada" <ada@example.com>` (spaces around it allowed; no line break, quote or angle bracket in the name).
 */
export const ADDRESS = new RegExp(String.raw`^ *(${EMAIL}|"?[^"<>\r\n]*"? *<${EMAIL}>) *$`);

/** One address, as text, in a form the JSON Schema's pattern states (`parseAddress` reads every text it matches). */
export const address = (description?: string) =>
  named(
    'address',
    z.string().check(
      oneLine(),
      z.regex(ADDRESS, MESSAGE),
      ...described(description),
    ),
  );

/** A list of addresses with SendGrid's bounds. */
export const addresses = (description?: string, { min = 0, max = 1000 } = {}) =>
  z
    .array(address())
    .check(...(min ? [z.minLength(min)] : []), z.maxLength(max), ...described(description));
