// What an agent may do through this server: which tools it sees and may call (by method and area),
// whether destructive tools are on, and until when. Enforced at call time: a tool the policy leaves
// out is unknown to the agent, listed or not.
import type { Tag } from '../lib/operation';
import { narrow, type Catalog, type ToolMeta } from './catalog';

/** read: only reads; write: changes SendGrid; custom: the raw API request. */
export type Method = 'read' | 'write' | 'custom';
export const METHODS: readonly Method[] = ['read', 'write', 'custom'];
export { TAGS } from '../lib/operation';
/** An ISO-8601 time with a zone, such as 2026-12-31T18:00:00Z. */
export const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export interface Policy {
  /** Only tools of these methods (all when absent). */
  methods?: readonly Method[];
  /** Only tools of these areas (all when absent). */
  tags?: readonly Tag[];
  /** Destructive tools (deletes, the raw request) are left out unless this is set. */
  allowDestructive: boolean;
  /** After this moment every call is refused. */
  expiresAt?: Date;
}

/** The raw request (tag `advanced`) is its own method; other tools read or write by their access. */
export const methodOf = (meta: ToolMeta): Method => (meta.tags.includes('advanced') ? 'custom' : meta.access === 'read' ? 'read' : 'write');

export const allows = (policy: Policy, meta: ToolMeta) =>
  (!policy.methods || policy.methods.includes(methodOf(meta))) &&
  (!policy.tags || meta.tags.some((tag) => policy.tags!.includes(tag))) &&
  (policy.allowDestructive || meta.access !== 'destructive');

/** The catalog as the policy lets an agent see and call it. */
export const applyPolicy = (catalog: Catalog, policy: Policy): Catalog => narrow(catalog, (meta) => allows(policy, meta));

export const expired = (policy: Policy, now = Date.now()) => Boolean(policy.expiresAt && now >= policy.expiresAt.getTime());
