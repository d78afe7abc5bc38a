import { randomBytes } from 'node:crypto';
import { fail, ok, type Route } from './respond';

type Mail = {
  personalizations?: { to?: { email?: string }[] }[];
  from?: { email?: string };
  subject?: string;
  content?: { type?: string; value?: string }[];
  template_id?: string;
  mail_settings?: { sandbox_mode?: { enable?: boolean } };
};

/** The checks SendGrid makes before it accepts a mail, with its wording. */
function problems(mail: Mail) {
  if (!Array.isArray(mail.personalizations) || mail.personalizations.length === 0)
    return fail(400, 'The personalizations field is required and must have at least one personalization.', 'personalizations');
  if (mail.personalizations.some((p) => !Array.isArray(p.to) || p.to.length === 0))
    return fail(400, 'The to array is required for all personalization objects, and must have at least one email object with a valid email address.', 'personalizations.0.to');
  if (!mail.from?.email) return fail(400, 'The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.', 'from');
  if (!mail.template_id && !mail.subject) return fail(400, 'The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.', 'subject');
  if (!mail.template_id && !mail.content?.length) return fail(400, 'Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block.', 'content');
  return undefined;
}

export const mailRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v3/mail/send',
    handle(request, state) {
      const mail = (request.body ?? {}) as Mail;
      const problem = problems(mail);
      if (problem) return problem;
      // Sandbox mode, as in SendGrid: checked, answered 200, not queued.
      if (mail.mail_settings?.sandbox_mode?.enable) return ok(undefined, 200);
      const message_id = randomBytes(16).toString('base64url').slice(0, 22);
      state.mail.push({ message_id, received_at: new Date().toISOString(), request: mail as Record<string, unknown> });
      return { status: 202, headers: { 'x-message-id': message_id } };
    },
  },
];
