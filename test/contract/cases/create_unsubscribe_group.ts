import type { ContractCase } from '../case';

const webinars = { name: 'Webinar Invitations', description: 'Invitations to our monthly live product sessions' };

export default [
  { name: 'a name and description', input: webinars },
  { name: 'the default group', input: { ...webinars, is_default: true }, zapier: { ...webinars, is_default: 'true' } },
] satisfies ContractCase[];
