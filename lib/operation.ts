// The operation model: every SendGrid capability is written once, as one of these objects, and the
// Zapier face (lib/zapier.ts) and the MCP face (mcp/) are derived from it.
import type * as z from 'zod/mini';
import type { SendGridApi } from './client';

/** How much an operation can change: drives MCP hints and which tools an agent may see. */
export type Access = 'read' | 'write' | 'destructive';

/** Functional areas, used to filter tools. */
export type Tag =
  | 'mail'
  | 'contacts'
  | 'lists'
  | 'segments'
  | 'custom_fields'
  | 'templates'
  | 'suppressions'
  | 'stats'
  | 'single_sends'
  | 'senders'
  | 'webhooks'
  | 'legacy'
  | 'advanced';

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
}

/** Identity at runtime; it exists so that `input`, `perform` and `sample` are checked against each other. */
export const defineOperation = <S extends InputSchema, R>(operation: Operation<S, R>): Operation<S, R> =>
  operation;

// Operations are stored side by side in registries, where their input types differ.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOperation = Operation<any, any>;
