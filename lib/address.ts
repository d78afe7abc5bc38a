// Email addresses as people type them: `ada@example.com` or `Ada Lovelace <ada@example.com>`.
import * as z from 'zod/mini';

export interface Address {
  email: string;
  name?: string;
}

const NAMED = /^\s*"?([^"<>]*?)"?\s*<\s*([^<>\s]+)\s*>\s*$/;

export function parseAddress(text: string): Address | undefined {
  const named = NAMED.exec(text);
  const email = (named?.[2] ?? text).trim();
  if (!z.regexes.email.test(email)) return undefined;
  const name = named?.[1]?.trim();
  return name ? { email, name } : { email };
}

const MESSAGE = 'must be an email address, or a name and address such as "Ada Lovelace <ada@example.com>"';

/** One address, as text; the JSON Schema says string, and parsing checks the form. */
export const address = (description: string) =>
  z.string().check(
    z.refine((text) => parseAddress(text) !== undefined, MESSAGE),
    z.describe(description),
  );

/** A list of addresses with SendGrid's bounds. */
export const addresses = (description: string, { min = 0, max = 1000 } = {}) =>
  z
    .array(address('An email address, or "Name <address>".'))
    .check(...(min ? [z.minLength(min)] : []), z.maxLength(max), z.describe(description));
