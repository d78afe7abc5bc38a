/**
 * Some SendGrid endpoints give UTC times as `2026-03-02 09:41:17`, without a zone; returned as ISO-8601
 * with `Z`, they read unambiguously in Zapier and for an agent. Anything else passes through unchanged.
 */
export const isoFromSendGrid = (time: string): string => (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(time) ? `${time.replace(' ', 'T')}Z` : time);
