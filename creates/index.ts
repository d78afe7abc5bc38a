// Zapier actions (creates); on MCP, tools that change SendGrid.
import apiRequest from './api_request';
import createList from './create_list';
import sendEmail from './send_email';

export default [sendEmail, createList, apiRequest];
