import * as z from 'zod/mini';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';

/** A design of the Marketing Campaigns design library, in the short form GET /v3/designs?summary=true gives. */
export interface DesignSummary {
  id: string;
  name: string;
  subject?: string;
  editor?: 'code' | 'design' | string;
  generate_plain_content?: boolean;
  thumbnail_url?: string;
  categories?: string[];
  created_at?: string;
  updated_at?: string;
}

/** A design id (a UUID), with the design library as its Zapier dropdown. */
export const designId = () => zapier(z.guid('must be a design id (a UUID)'), { dynamic: 'list_designs.id.name', label: 'Design' });

export default defineOperation({
  key: 'list_designs',
  noun: 'Design',
  label: 'List Designs',
  description:
    'Lists the Marketing Campaigns design library (no HTML), for a Single Send\'s design_id; not transactional templates (list_templates).',
  triggersWhen: 'a new design is created',
  access: 'read',
  paged: true,
  tags: ['single_sends'],
  scopes: ['marketing.read'],
  input: z.strictObject({}),
  sample: {
    id: '3247eaea-c912-42a3-b0bc-60bdaf210396',
    name: 'Welcome Email',
    subject: 'Welcome to the Cake or Pie Cafe',
    editor: 'code',
    generate_plain_content: true,
    thumbnail_url: '//us-east-2-production-thumbnail-bucket.s3.amazonaws.com/3247eaea-c912-42a3-b0bc-60bdaf210396.png',
    categories: ['welcome'],
    created_at: '2026-03-01T16:24:42Z',
    updated_at: '2026-03-02T09:41:17Z',
  },
  // summary=true leaves out each design's HTML; 100 is SendGrid's default page size here.
  perform: (api) =>
    api.paginate<DesignSummary>('/v3/designs', { style: 'token', items: 'result', pageSize: 100, query: { summary: 'true' } }),
  summary: (designs) => `Found ${designs.length} design(s).`,
});
