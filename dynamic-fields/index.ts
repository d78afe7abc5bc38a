// Hidden Zapier triggers that fill dynamic dropdowns; on MCP they are read-only tools.
import listLists from './list_lists';
import listTemplates from './list_templates';
import listUnsubscribeGroups from './list_unsubscribe_groups';

export default [listLists, listTemplates, listUnsubscribeGroups];
