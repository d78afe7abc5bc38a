// Visible Zapier polling triggers; on MCP, read-only tools. Each file here is one operation.
import type { AnyOperation } from '../lib/operation';

export default [] as AnyOperation[];
