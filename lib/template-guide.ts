// The test data of a dynamic template's active version, shown on Zapier's form as a guide to the
// template data it expects: the shape, with example values, as the template's author left it.
import type { SendGridApi } from './client';
import type { ZapierField } from './operation';

interface TemplateVersion {
  active?: number;
  name?: string;
  test_data?: string;
}

/** Longest guide shown; longer test data is cut with a note (Zapier help text stays readable). */
const MAX_GUIDE = 900;

/** A read-only form field with the active version's test data, or nothing when there is none to show. */
export async function templateDataGuide(api: SendGridApi, templateId: unknown): Promise<ZapierField[]> {
  if (typeof templateId !== 'string' || !/^d-[0-9a-f]{32}$/i.test(templateId.trim())) return [];
  let versions: TemplateVersion[] = [];
  try {
    versions = (await api.get<{ versions?: TemplateVersion[] }>(`/v3/templates/${encodeURIComponent(templateId.trim())}`)).versions ?? [];
  } catch {
    // A guide is a convenience: the form must still load when the template cannot be read.
    return [];
  }
  const active = versions.find((version) => version.active === 1);
  if (!active?.test_data?.trim()) return [];
  let data = active.test_data.trim();
  try {
    data = JSON.stringify(JSON.parse(data), null, 2);
  } catch {
    // Shown as the author wrote it.
  }
  const shown = data.length > MAX_GUIDE ? `${data.slice(0, MAX_GUIDE)}\n… (cut; see the template in SendGrid for the rest)` : data;
  return [
    {
      key: 'template_data_guide',
      type: 'copy',
      label: 'Template Data Guide',
      helpText: `The test data of "${active.name ?? 'the active version'}", the values this template expects (map yours into Dynamic Template Data):\n\n\`\`\`\n${shown}\n\`\`\``,
    },
  ];
}
