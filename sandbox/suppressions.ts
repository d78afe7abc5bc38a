// Suppressions: unsubscribe groups' members, global unsubscribes, and the bounce, block, spam report
// and invalid email lists, with start_time/end_time and limit/offset.
import { bad, isEmail, noContent, notFound, objectBody, ok, queryInt, strings, type Route, type SandboxRequest } from './respond';
import type { Sandbox } from './server';
import type { SandboxState, Suppression } from './state';

type Kind = keyof SandboxState['suppressions'];

const secs = (sandbox: Sandbox) => Math.floor(sandbox.now() / 1000);

function filtered(entries: Suppression[], { query }: SandboxRequest) {
  const start = queryInt(query, 'start_time', 0, 0, Number.MAX_SAFE_INTEGER);
  const end = queryInt(query, 'end_time', Number.MAX_SAFE_INTEGER, 0, Number.MAX_SAFE_INTEGER);
  const email = query.get('email')?.toLowerCase();
  const limit = queryInt(query, 'limit', 500, 1, 500);
  const offset = queryInt(query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
  return [...entries]
    .filter((e) => e.created >= start && e.created <= end && (!email || e.email.includes(email)))
    .sort((a, b) => b.created - a.created)
    .slice(offset, offset + limit);
}

const views: Record<Kind, (e: Suppression) => object> = {
  bounces: (e) => ({ created: e.created, email: e.email, reason: e.reason ?? '', status: e.status ?? '' }),
  blocks: (e) => ({ created: e.created, email: e.email, reason: e.reason ?? '', status: e.status ?? '' }),
  spam_reports: (e) => ({ created: e.created, email: e.email, ip: e.ip ?? '' }),
  invalid_emails: (e) => ({ created: e.created, email: e.email, reason: e.reason ?? '' }),
  unsubscribes: (e) => ({ created: e.created, email: e.email }),
};

/** Adds an address to a suppression list (events and the API both do), once. */
export function suppress(state: SandboxState, kind: Kind, entry: Suppression) {
  const list = state.suppressions[kind];
  const email = entry.email.toLowerCase();
  if (!list.some((e) => e.email === email)) list.push({ ...entry, email });
}

const findGroup = (state: SandboxState, id: string) => state.groups.find((g) => String(g.id) === id) ?? notFound('unsubscribe group not found', 'group_id');

const recipientEmails = (body: unknown) => strings(objectBody(body), 'recipient_emails', { required: true, max: 1000, each: (s, path) => isEmail(s) || bad(`${path} must be a valid email address`, path) })!.map((e) => e.toLowerCase());

const lists: Route[] = (Object.keys(views) as Kind[]).flatMap((kind): Route[] => [
  { method: 'GET', path: `/v3/suppression/${kind}`, handle: (request, { state }) => ok(filtered(state.suppressions[kind], request).map(views[kind])) },
  {
    method: 'GET',
    path: `/v3/suppression/${kind}/:email`,
    handle: ({ params }, { state }) => ok(state.suppressions[kind].filter((e) => e.email === params.email!.toLowerCase()).map(views[kind])),
  },
  ...(kind === 'unsubscribes'
    ? []
    : [
        {
          method: 'DELETE',
          path: `/v3/suppression/${kind}/:email`,
          handle({ params }, { state }) {
            state.suppressions[kind] = state.suppressions[kind].filter((e) => e.email !== params.email!.toLowerCase());
            return noContent();
          },
        } satisfies Route,
      ]),
]);

export const suppressionRoutes: Route[] = [
  ...lists,
  {
    method: 'GET',
    path: '/v3/asm/groups/:id/suppressions',
    handle: ({ params }, { state }) => ok(findGroup(state, params.id!).suppressions.map((s) => s.email)),
  },
  {
    method: 'POST',
    path: '/v3/asm/groups/:id/suppressions',
    handle({ params, body }, sandbox) {
      const group = findGroup(sandbox.state, params.id!);
      const emails = recipientEmails(body);
      for (const email of emails) if (!group.suppressions.some((s) => s.email === email)) group.suppressions.push({ email, created: secs(sandbox) });
      return ok({ recipient_emails: emails }, 201);
    },
  },
  {
    method: 'DELETE',
    path: '/v3/asm/groups/:id/suppressions/:email',
    handle({ params }, { state }) {
      const group = findGroup(state, params.id!);
      group.suppressions = group.suppressions.filter((s) => s.email !== params.email!.toLowerCase());
      return noContent();
    },
  },
  {
    // Not in the official spec (which lists global unsubscribes at /v3/suppression/unsubscribes), but served by SendGrid.
    method: 'GET',
    path: '/v3/asm/suppressions/global',
    handle: (request, { state }) => ok(filtered(state.suppressions.unsubscribes, request).map(views.unsubscribes)),
  },
  {
    method: 'POST',
    path: '/v3/asm/suppressions/global',
    handle({ body }, sandbox) {
      const emails = recipientEmails(body);
      for (const email of emails) suppress(sandbox.state, 'unsubscribes', { email, created: secs(sandbox) });
      return ok({ recipient_emails: emails }, 201);
    },
  },
  {
    method: 'GET',
    path: '/v3/asm/suppressions/global/:email',
    handle({ params }, { state }) {
      const email = params.email!.toLowerCase();
      // SendGrid answers 200 with an empty object for an address that is not suppressed.
      return ok(state.suppressions.unsubscribes.some((e) => e.email === email) ? { recipient_email: email } : {});
    },
  },
  {
    method: 'DELETE',
    path: '/v3/asm/suppressions/global/:email',
    handle({ params }, { state }) {
      state.suppressions.unsubscribes = state.suppressions.unsubscribes.filter((e) => e.email !== params.email!.toLowerCase());
      return noContent();
    },
  },
];
