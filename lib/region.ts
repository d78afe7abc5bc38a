export type Region = 'us' | 'eu';

const BASE_URLS: Record<Region, string> = {
  us: 'https://api.sendgrid.com',
  eu: 'https://api.eu.sendgrid.com',
};

/** A region as people write it (`EU`, ` us `); anything else is refused rather than read as US. */
export function regionOf(value: string | undefined, setting = 'region'): Region {
  const region = (value ?? '').trim().toLowerCase() || 'us';
  if (region === 'us' || region === 'eu') return region;
  throw new Error(`${setting} must be "us" or "eu", not ${JSON.stringify(value)}.`);
}

/** An http(s) URL with no credentials, query or fragment, without its trailing slash; a clear error otherwise. */
export function checkBaseUrl(value: string, setting = 'SENDGRID_API_BASE_URL'): string {
  let url: URL | undefined;
  try {
    url = new URL(value.trim());
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash)
    throw new Error(`${setting} must be an http(s) URL such as https://api.sendgrid.com, not ${JSON.stringify(value)}.`);
  return url.toString().replace(/\/+$/, '');
}

/** The API base for a region; SENDGRID_API_BASE_URL, when set, wins everywhere (tests, sandbox, mocks). */
export function baseUrlFor(region: string | undefined): string {
  const override = process.env.SENDGRID_API_BASE_URL;
  if (override) return checkBaseUrl(override);
  return BASE_URLS[regionOf(region)];
}
