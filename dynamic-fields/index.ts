// Hidden Zapier triggers that fill dynamic dropdowns; on MCP they are read-only tools.
import listLists from './list_lists';
import listTemplates from './list_templates';
import listUnsubscribeGroups from './list_unsubscribe_groups';
import listSingleSends from './list_single_sends';
import listCategories from './list_categories';
import listTemplateVersions from './list_template_versions';
import listRecentMessages from './list_recent_messages';
import legacyListLists from './legacy_list_lists';
import legacyListCustomFields from './legacy_list_custom_fields';
import legacyListReservedFields from './legacy_list_reserved_fields';
import legacyListSearchableFields from './legacy_list_searchable_fields';
import legacyCampaignChoices from './legacy_campaign_choices';
import listSegments from './list_segments';
import listCustomFields from './list_custom_fields';
import listReservedFields from './list_reserved_fields';
import listSearchableFields from './list_searchable_fields';
import listScheduledSends from './list_scheduled_sends';
import listVerifiedSenders from './list_verified_senders';
import listRecentContacts from './list_recent_contacts';
import listContactExports from './list_contact_exports';
import listDesigns from './list_designs';

export default [listLists, listTemplates, listUnsubscribeGroups, listSingleSends, listCategories, listTemplateVersions, listRecentMessages, legacyListLists, legacyListCustomFields, legacyListReservedFields, legacyListSearchableFields, legacyCampaignChoices, listSegments, listCustomFields, listReservedFields, listSearchableFields, listScheduledSends, listVerifiedSenders, listRecentContacts, listContactExports, listDesigns];
