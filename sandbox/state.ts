// What the sandbox remembers while it runs: enough of an account for every operation to be tried.
import { randomUUID } from 'node:crypto';

export interface SentMail {
  message_id: string;
  received_at: string;
  request: Record<string, unknown>;
}

export interface SandboxState {
  scopes: string[];
  lists: { id: string; name: string; contact_count: number }[];
  templates: { id: string; name: string; generation: 'legacy' | 'dynamic'; updated_at: string; versions: unknown[] }[];
  unsubscribeGroups: { id: number; name: string; description: string; is_default: boolean; unsubscribes: number }[];
  mail: SentMail[];
}

export function createState(): SandboxState {
  return {
    scopes: ['mail.send', 'marketing.read', 'templates.read', 'asm.groups.read', 'user.username.read'],
    lists: [{ id: randomUUID(), name: 'Newsletter Subscribers', contact_count: 0 }],
    templates: [
      { id: 'd-2c214ac919e84170b21855cc129b4a5f', name: 'Order Shipped', generation: 'dynamic', updated_at: '2026-03-02 09:41:17', versions: [] },
      { id: randomUUID(), name: 'Password Reset (legacy)', generation: 'legacy', updated_at: '2025-11-20 16:03:55', versions: [] },
    ],
    unsubscribeGroups: [{ id: 4127, name: 'Product Updates', description: 'News about features we ship', is_default: true, unsubscribes: 0 }],
    mail: [],
  };
}
