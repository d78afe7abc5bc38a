// The operation model: every SendGrid capability is written once, as one of these objects, and the
// Zapier face (lib/zapier.ts) and the MCP face (mcp/) are derived from it.
import type * as z from 'zod/mini';
import type { SendGridApi } from './client';

/** How much an operation can change: drives MCP hints and which tools an agent may see. */
export type Access = 'read' | 'write' | 'destructive';

/** Functional areas, used to filter tools. */
export const TAGS = ['mail', 'contacts', 'lists', 'segments', 'custom_fields', 'templates', 'suppressions', 'stats', 'single_sends', 'senders', 'webhooks', 'legacy', 'advanced'] as const;
export type Tag = (typeof TAGS)[number];

/**
 * A strict object (`z.strictObject`): an unknown argument, such as a misspelled `BCC`, is refused,
 * never dropped. Nested objects must be strict too; a test checks every published schema.
 */
export type InputSchema = z.ZodMiniObject<z.core.$ZodLooseShape, z.core.$strict>;
export type Input<S extends InputSchema> = z.output<S>;

export interface Operation<S extends InputSchema = InputSchema, R = unknown> {
  /** snake_case, at most 45 characters: the Zapier key and the MCP tool name. */
  key: string;
  /** What the operation acts on, singular ("List", "Email"). */
  noun: string;
  /** Title Case, for people ("Create List"). */
  label: string;
  /** For a no-code user and an LLM alike: what it does, and what it does not do. */
  description: string;
  /** Only for trigger-like operations: completes "Triggers when …" on Zapier. */
  triggersWhen?: string;
  /**
   * The result comes from `api.paginate`: on Zapier the trigger then loads one page per call
   * (canPaginate, "Load more"); on MCP it returns every page.
   */
  paged?: boolean;
  access: Access;
  tags: readonly Tag[];
  /** The SendGrid API key scopes it needs, so it can be hidden when the key lacks them. */
  scopes: readonly string[];
  input: S;
  /** A realistic result (one item for operations that return a list). */
  sample: NoInfer<R extends readonly (infer Item)[] ? Item : R>;
  perform(api: SendGridApi, input: Input<S>): Promise<R>;
  /** One human line about the result ("Created list Newsletter"). */
  summary(result: R, input: Input<S>): string;
  /** What only the Zapier face needs; the MCP face ignores it. */
  zapier?: ZapierExtras;
}

/** A field of Zapier's form, as Zapier's schema defines it (key, label, type, helpText, choices, …). */
export type ZapierField = { key: string; label?: string; type?: string; required?: boolean; helpText?: string; [more: string]: unknown };

/**
 * Zapier-only additions to an operation's step. The static form still comes from `input`; these add
 * what depends on the account, and say how the form's values map back onto `input`.
 */
export interface ZapierExtras {
  /**
   * More input fields, built when the form loads (say, one per custom field of the account).
   * They come after the static fields; `inputData` holds the values entered so far.
   */
  fields?(api: SendGridApi, inputData: Record<string, unknown>): Promise<ZapierField[]>;
  /** Turns the form's values (static and extra fields) into what `input` parses, before any other coercion. */
  input?(inputData: Record<string, unknown>): Record<string, unknown>;
  /** For a search: the key of the create it pairs with in a Zapier "find or create" step. */
  searchOrCreate?: { create: string };
}

/** Identity at runtime; it exists so that `input`, `perform` and `sample` are checked against each other. */
export const defineOperation = <S extends InputSchema, R>(operation: Operation<S, R>): Operation<S, R> =>
  operation;

// Operations are stored side by side in registries, where their input types differ.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOperation = Operation<any, any>;
