// Which API-key scope each route needs, by SendGrid's scope names. The default key has all of them.

/** [method, path prefix, scope]; the first rule whose method and prefix match wins. `*` is any method. */
const RULES: [string, string, string][] = [
  ['*', '/v3/scopes', ''],
  ['POST', '/v3/mail/send', 'mail.send'],
  ['POST', '/v3/mail/batch', 'mail.batch.create'],
  ['GET', '/v3/mail/batch', 'mail.batch.read'],
  ['GET', '/v3/user/scheduled_sends', 'user.scheduled_sends.read'],
  ['POST', '/v3/user/scheduled_sends', 'user.scheduled_sends.create'],
  ['PATCH', '/v3/user/scheduled_sends', 'user.scheduled_sends.update'],
  ['DELETE', '/v3/user/scheduled_sends', 'user.scheduled_sends.delete'],
  // marketing.read grants reads and writes on the Marketing Campaigns API alike.
  ['*', '/v3/marketing/', 'marketing.read'],
  ['*', '/v3/designs', 'marketing.read'],
  ['POST', '/v3/templates/:id/versions/:vid/activate', 'templates.versions.activate.create'],
  ['GET', '/v3/templates/:id/versions', 'templates.versions.read'],
  ['POST', '/v3/templates/:id/versions', 'templates.versions.create'],
  ['PATCH', '/v3/templates/:id/versions', 'templates.versions.update'],
  ['DELETE', '/v3/templates/:id/versions', 'templates.versions.delete'],
  ['GET', '/v3/templates', 'templates.read'],
  ['POST', '/v3/templates', 'templates.create'],
  ['PATCH', '/v3/templates', 'templates.update'],
  ['DELETE', '/v3/templates', 'templates.delete'],
  ['GET', '/v3/asm/groups/:id/suppressions', 'asm.groups.suppressions.read'],
  ['POST', '/v3/asm/groups/:id/suppressions', 'asm.groups.suppressions.create'],
  ['DELETE', '/v3/asm/groups/:id/suppressions', 'asm.groups.suppressions.delete'],
  ['GET', '/v3/asm/groups', 'asm.groups.read'],
  ['POST', '/v3/asm/groups', 'asm.groups.create'],
  ['PATCH', '/v3/asm/groups', 'asm.groups.update'],
  ['DELETE', '/v3/asm/groups', 'asm.groups.delete'],
  ['GET', '/v3/asm/suppressions', 'asm.suppressions.global.read'],
  ['POST', '/v3/asm/suppressions', 'asm.suppressions.global.create'],
  ['DELETE', '/v3/asm/suppressions', 'asm.suppressions.global.delete'],
  ['GET', '/v3/suppression/bounces', 'suppression.bounces.read'],
  ['DELETE', '/v3/suppression/bounces', 'suppression.bounces.delete'],
  ['GET', '/v3/suppression/blocks', 'suppression.blocks.read'],
  ['DELETE', '/v3/suppression/blocks', 'suppression.blocks.delete'],
  ['GET', '/v3/suppression/spam_reports', 'suppression.spam_reports.read'],
  ['DELETE', '/v3/suppression/spam_reports', 'suppression.spam_reports.delete'],
  ['GET', '/v3/suppression/invalid_emails', 'suppression.invalid_emails.read'],
  ['DELETE', '/v3/suppression/invalid_emails', 'suppression.invalid_emails.delete'],
  ['GET', '/v3/suppression/unsubscribes', 'suppression.unsubscribes.read'],
  ['GET', '/v3/categories/stats/sums', 'categories.stats.sums.read'],
  ['GET', '/v3/categories/stats', 'categories.stats.read'],
  ['GET', '/v3/categories', 'categories.read'],
  ['GET', '/v3/stats', 'stats.read'],
  ['GET', '/v3/messages', 'email_activity.read'],
  ['POST', '/v3/validations/email', 'validations.email.create'],
  // SendGrid documents no scope for Verified Senders; the app's "Sender Authentication" permission,
  // whitelabel.*, is the nearest, and the operations declare the same.
  ['GET', '/v3/verified_senders', 'whitelabel.read'],
  ['*', '/v3/verified_senders', 'whitelabel.create'],
  ['GET', '/v3/user/webhooks/event/settings', 'user.webhooks.event.settings.read'],
  ['*', '/v3/user/webhooks/event/settings', 'user.webhooks.event.settings.update'],
  ['GET', '/v3/user/username', 'user.username.read'],
  ['GET', '/v3/contactdb/', 'marketing_campaigns.read'],
  ['POST', '/v3/contactdb/recipients/search', 'marketing_campaigns.read'],
  // Adding recipients to a list changes the list.
  ['POST', '/v3/contactdb/lists/:id/recipients', 'marketing_campaigns.update'],
  ['POST', '/v3/contactdb/', 'marketing_campaigns.create'],
  ['PATCH', '/v3/contactdb/', 'marketing_campaigns.update'],
  ['DELETE', '/v3/contactdb/', 'marketing_campaigns.delete'],
  ['GET', '/v3/campaigns', 'marketing_campaigns.read'],
  ['POST', '/v3/campaigns', 'marketing_campaigns.create'],
  ['PATCH', '/v3/campaigns', 'marketing_campaigns.update'],
  ['DELETE', '/v3/campaigns', 'marketing_campaigns.delete'],
];

const startsWith = (path: string, prefix: string) => {
  const want = prefix.split('/');
  const got = path.split('/');
  return want.every((part, i) => part === '' && i === want.length - 1 ? true : part.startsWith(':') ? got[i] !== undefined : part === got[i]);
};

/** The scope a request needs: '' for none, undefined when no rule names it (then none is needed). */
export function scopeFor(method: string, path: string): string | undefined {
  for (const [m, prefix, scope] of RULES) if ((m === '*' || m === method) && startsWith(path, prefix)) return scope;
  return undefined;
}

/** Every scope the sandbox knows: what the default key carries and GET /v3/scopes lists. */
export const ALL_SCOPES: readonly string[] = [...new Set(RULES.map(([, , scope]) => scope).filter(Boolean))].concat(['user.profile.read']).sort();
