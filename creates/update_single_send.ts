import * as z from 'zod/mini';
import { singleSendId } from '../dynamic-fields/list_single_sends';
import { defineOperation } from '../lib/operation';
import { singleSendSample, statusWords, type SingleSend } from '../searches/get_single_send';
import { asDraftResult, checkDraft, draftBody, draftFields, DRAFT_NOTE } from './create_single_send';

export default defineOperation({
  key: 'update_single_send',
  noun: 'Single Send',
  label: 'Update Single Send',
  description:
    'Updates a Single Send\'s given fields, sending nothing (schedule_single_send sends); recipients or unsubscribe method given replace the old. Since a design_id replaces subject and content, give neither with one.',
  access: 'write',
  tags: ['single_sends'],
  scopes: ['marketing.read'],
  input: z
    .strictObject({
      id: singleSendId(),
      name: z.optional(
        z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
      ),
      ...draftFields(),
    })
    .check(
      z.superRefine((draft, ctx) => {
        if (Object.keys(draft).every((key) => key === 'id'))
          ctx.addIssue({ code: 'custom', path: ['name'], message: 'give at least one field to change', input: draft });
        checkDraft(draft, ctx, { recipientsRequired: false });
      }),
    ),
  sample: { ...singleSendSample, note: DRAFT_NOTE },
  async perform(api, { id, name, ...draft }) {
    const path = `/v3/marketing/singlesends/${encodeURIComponent(id)}`;
    // The official spec requires name in every PATCH body, so when it is not being changed, the
    // current one is read and sent back unchanged.
    const keptName = name ?? (await api.get<SingleSend>(path)).name;
    return asDraftResult(await api.patch<SingleSend>(path, { body: { name: keptName, ...draftBody(draft, { update: true }) } }));
  },
  summary: (single) => `Updated Single Send "${single.name}" (id ${single.id}): ${statusWords(single.status)}. Nothing was sent.`,
});
