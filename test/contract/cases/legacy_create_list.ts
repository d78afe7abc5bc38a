import type { ContractCase } from '../case';

export default [{ name: 'a list name', input: { name: 'Spring Webinar Attendees' } }] satisfies ContractCase[];
