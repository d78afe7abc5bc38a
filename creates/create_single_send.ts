import * as z from 'zod/mini';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';
import { singleSendSample, type SingleSend } from '../searches/get_single_send';
import { designId } from '../dynamic-fields/list_designs';

// The draft fields create_single_send and update_single_send share: same names, limits and rules,
// so that what one accepts the other does too.

// z.guid, like the spec's format uuid: any 8-4-4-4-12 hex id, whatever its UUID version.
const uuidList = (max: number, noun: string, dynamic: string, label: string) =>
  zapier(z.optional(z.array(z.guid(`must be a ${noun} id (a UUID)`)).check(z.minLength(1), z.maxLength(max))), {
    dynamic,
    label,
  });

/** Every draft field but the name, all optional; fresh schemas on each call (a schema carries one Zapier hint). */
export const draftFields = () => ({
  subject: z.optional(
    z.string().check(
      z.minLength(1),
      // A line break would end the Subject header early.
      z.refine((text) => !/[\r\n]/.test(text), 'must be one line: it may not contain a line break'),
    ),
  ),
  sender_id: zapier(
    z.optional(
      z.int().check(
        z.positive(),
        z.describe('From list_verified_senders.'),
      ),
    ),
    // The verified senders dropdown's label field is still to be settled; nickname for now.
    { dynamic: 'list_verified_senders.id.nickname', label: 'Sender' },
  ),
  list_ids: uuidList(50, 'list', 'list_lists.id.label', 'Lists'),
  segment_ids: uuidList(10, 'segment', 'list_segments.id.label', 'Segments'),
  send_to_all: zapier(
    z.optional(
      z.boolean().check(z.describe('Choose exactly one of lists, segments or all contacts.')),
    ),
    { label: 'Send to All Contacts' },
  ),
  html_content: zapier(
    z.optional(z.string().check(z.minLength(1))),
    { type: 'text', label: 'HTML Content' },
  ),
  plain_content: zapier(
    z.optional(
      z.string().check(
        z.minLength(1),
        z.describe('Default: made from the HTML.'),
      ),
    ),
    { type: 'text', label: 'Plain Text Content' },
  ),
  design_id: z.optional(designId()),
  unsubscribe_group_id: zapier(
    z.optional(
      z.int().check(
        z.positive(),
        z.describe('Give this or a custom unsubscribe URL (not both).'),
      ),
    ),
    { dynamic: 'list_unsubscribe_groups.id.name', label: 'Unsubscribe Group' },
  ),
  custom_unsubscribe_url: zapier(
    z.optional(
      z.url({ protocol: /^https?$/ }),
    ),
    { label: 'Custom Unsubscribe URL' },
  ),
  categories: z.optional(
    z.array(z.string().check(z.minLength(1))).check(z.maxLength(10)),
  ),
});

type DraftFields = { [K in keyof ReturnType<typeof draftFields>]?: z.output<ReturnType<typeof draftFields>[K]> };

/** The cross-field rules, stated in each operation's description. */
export function checkDraft(draft: DraftFields, ctx: z.core.$RefinementCtx, { recipientsRequired }: { recipientsRequired: boolean }) {
  const fail = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, input: draft });
  const ways = [draft.list_ids?.length && 'list_ids', draft.segment_ids?.length && 'segment_ids', draft.send_to_all && 'send_to_all'].filter(Boolean);
  if (ways.length > 1) fail(String(ways[1]), `choose exactly one of list_ids, segment_ids or send_to_all; ${ways.join(' and ')} were given`);
  else if (!ways.length && recipientsRequired) fail('list_ids', 'choose who receives it: list_ids, segment_ids or send_to_all (exactly one)');
  else if (!ways.length && draft.send_to_all === false)
    fail('send_to_all', 'false chooses no recipients; give list_ids or segment_ids to change the recipients');
  if (draft.unsubscribe_group_id !== undefined && draft.custom_unsubscribe_url !== undefined)
    fail('custom_unsubscribe_url', 'give an unsubscribe group or a custom unsubscribe URL, not both');
  if (draft.design_id !== undefined)
    for (const field of ['subject', 'html_content', 'plain_content'] as const)
      if (draft[field] !== undefined) fail(field, 'leave it out when using a design_id, which brings its own');
}

/**
 * The request body's send_to, categories and email_config, holding only what the input gives. On an
 * update, the unsubscribe method given clears the other one (SendGrid keeps what a PATCH leaves out).
 */
export function draftBody(draft: DraftFields, { update = false } = {}) {
  const clear = <K extends string>(key: K) => (update ? ({ [key]: null } as Record<K, null>) : {});
  const ways = Boolean(draft.list_ids?.length || draft.segment_ids?.length || draft.send_to_all);
  const config = {
    ...(draft.subject !== undefined ? { subject: draft.subject } : {}),
    ...(draft.html_content !== undefined ? { html_content: draft.html_content } : {}),
    // Otherwise SendGrid would overwrite the given plain text with one made from the HTML.
    ...(draft.plain_content !== undefined ? { plain_content: draft.plain_content, generate_plain_content: false } : {}),
    ...(draft.design_id !== undefined ? { design_id: draft.design_id } : {}),
    ...(draft.sender_id !== undefined ? { sender_id: draft.sender_id } : {}),
    ...(draft.unsubscribe_group_id !== undefined ? { suppression_group_id: draft.unsubscribe_group_id, ...clear('custom_unsubscribe_url') } : {}),
    ...(draft.custom_unsubscribe_url !== undefined ? { custom_unsubscribe_url: draft.custom_unsubscribe_url, ...clear('suppression_group_id') } : {}),
  };
  return {
    ...(draft.categories?.length ? { categories: [...new Set(draft.categories)] } : {}),
    ...(ways ? { send_to: update ? replacingSendTo(draft) : onlySendTo(draft) } : {}),
    ...(Object.keys(config).length ? { email_config: config } : {}),
  };
}

export const DRAFT_NOTE = 'This is a draft; schedule it to send (schedule_single_send). Nothing was sent.';

const onlySendTo = (draft: DraftFields) =>
  draft.list_ids?.length ? { list_ids: draft.list_ids } : draft.segment_ids?.length ? { segment_ids: draft.segment_ids } : { all: true };

/** The whole send_to, so that on an update the one way chosen replaces any other the Single Send had. */
const replacingSendTo = (draft: DraftFields) => ({
  list_ids: draft.list_ids ?? [],
  segment_ids: draft.segment_ids ?? [],
  all: Boolean(draft.send_to_all),
});

/** What a create, update or duplicate returns: SendGrid's Single Send and, for a draft, what to do next. */
export const asDraftResult = (single: SingleSend) => ({
  ...single,
  note:
    single.status === 'draft' || single.status === undefined
      ? DRAFT_NOTE
      : `Status ${single.status}; nothing was sent by this step.`,
});


export default defineOperation({
  key: 'create_single_send',
  noun: 'Single Send',
  label: 'Create Single Send',
  description:
    'Creates a draft Single Send (Marketing Campaigns), sending nothing: schedule_single_send sends it. Since a design_id replaces subject and content, give neither with one.',
  access: 'write',
  tags: ['single_sends'],
  scopes: ['marketing.read'],
  input: z
    .strictObject({
      name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
      ...draftFields(),
    })
    .check(z.superRefine((draft, ctx) => checkDraft(draft, ctx, { recipientsRequired: true }))),
  sample: { ...singleSendSample, note: DRAFT_NOTE },
  perform: async (api, draft) =>
    asDraftResult(await api.post<SingleSend>('/v3/marketing/singlesends', { body: { name: draft.name, ...draftBody(draft) } })),
  summary: (single) => `Created Single Send "${single.name}" (id ${single.id}): draft; schedule it to send. Nothing was sent.`,
});
