// The client's transport outside Zapier (MCP server, scripts). axios is loaded on the first request,
// so a server that only lists its tools never pays for it.
import type { AxiosStatic } from 'axios';
import { MAX_RESPONSE_BYTES, plainHeaders, ResponseTooLarge, type Transport } from './client';

export interface Credentials {
  apiKey: string;
  baseUrl: string;
  /** A subuser to act for (the `on-behalf-of` header). */
  onBehalfOf?: string;
}

export function axiosTransport({ apiKey, baseUrl, onBehalfOf }: Credentials): Transport {
  const origin = new URL(baseUrl).origin;
  let axios: AxiosStatic | undefined;
  return async ({ method, url, headers, body }, signal) => {
    // The client already refuses other hosts; this keeps the key home even if a caller bypassed it.
    if (new URL(url).origin !== origin) throw new Error(`Refusing to send the API key to ${new URL(url).origin}.`);
    axios ??= (require('axios') as { default: AxiosStatic }).default;
    try {
      const response = await axios.request<string>({
        method,
        url,
        headers: { ...(onBehalfOf ? { 'on-behalf-of': onBehalfOf } : {}), ...headers, authorization: `Bearer ${apiKey}` },
        data: body,
        // The signal carries the call's whole deadline: axios's own timeout only watches for silence,
        // which an upstream sending a byte every few seconds never gives.
        signal,
        maxRedirects: 0, // a redirect must not carry the key anywhere; the client reports it
        maxContentLength: MAX_RESPONSE_BYTES,
        responseType: 'text',
        transformResponse: (text: string) => text,
        validateStatus: () => true,
      });
      return {
        status: response.status,
        headers: plainHeaders(Object.entries(response.headers).map(([k, v]) => [k, String(v)] as [string, string])),
        text: typeof response.data === 'string' ? response.data : '',
      };
    } catch (error) {
      if (/maxContentLength/.test((error as Error).message)) throw new ResponseTooLarge((error as Error).message);
      throw error;
    }
  };
}
