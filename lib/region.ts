export type Region = 'us' | 'eu';

const BASE_URLS: Record<Region, string> = {
  us: 'https://api.sendgrid.com',
  eu: 'https://api.eu.sendgrid.com',
};

/** The API base for a region; SENDGRID_API_BASE_URL, when set, wins everywhere (tests, sandbox, mocks). */
export function baseUrlFor(region: string | undefined): string {
  const override = process.env.SENDGRID_API_BASE_URL;
  if (override) return override.replace(/\/+$/, '');
  return BASE_URLS[region === 'eu' ? 'eu' : 'us'];
}
