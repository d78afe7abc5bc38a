// The shape of a contract case. Each operation's cases live in cases/<key>.ts, so that a new operation
// brings its own file and no shared list grows with every operation.

export interface ContractCase {
  /** What the case exercises, for the test name. */
  name: string;
  /** The MCP tool arguments and, unless `zapier` is given, the Zapier step's input data. */
  input: Record<string, unknown>;
  /** What Zapier's form sends when it differs: numbers and booleans arrive as text, dict values as strings. */
  zapier?: Record<string, unknown>;
}
