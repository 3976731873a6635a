// HTTP for flow nodes: http/https only, every hop's address vetted at connect time, size and time bounded; a request
// of an integration goes only under that integration's base URL, and its headers and secret never leave it.

import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { integrationUrl, isUnderBase, type HttpRequest, type HttpResult } from '../driver';
import { BlockedAddressError, isMetadataAddress, isPublicAddress, refusedAddress } from './address-policy';

export interface GuardOptions {
  /** Largest response body read (bytes); a larger one is a network error. */
  maxBytes: number;
  /** Redirects followed, each vetted like the first request (default 3). */
  maxRedirects?: number;
  /**
   * This environment's record of the request's integration (required when `request.integration` is set, never taken
   * from the flow): the request goes to its `relativeUrl` resolved under `baseUrl`, refused when that leaves the
   * base; its headers, `secretHeaders` and `allowInternal` apply only to hops under the base.
   */
  integration?: IntegrationTarget;
}

export interface IntegrationTarget {
  baseUrl: string;
  /** Added server-side (the integration's secret); never logged, never in events. */
  secretHeaders: Record<string, string>;
}

class GuardError extends Error {
  override name = 'GuardError';
}

/**
 * The socket connects to the address that was vetted (the lookup is the check), so a DNS answer that changes
 * between check and connect (rebinding) cannot reach an internal host.
 */
function vettedLookup(allowInternal: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses;
      // The same rule as the studio's save-time check of a base URL (flow-engine/node/base-url-guard).
      const refused = refusedAddress(
        list.map((a) => a.address),
        allowInternal,
      );
      if (refused) return callback(new BlockedAddressError(hostname, refused.address), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      const [first] = list;
      if (!first)
        return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

function once(
  url: URL,
  request: HttpRequest,
  secretHeaders: Record<string, string> | undefined,
  options: GuardOptions,
  signal: AbortSignal,
): Promise<{ status: number; headers: Record<string, string>; body: Buffer; location?: string }> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    // An IP literal never goes through lookup: check it here.
    if (/^[\d.]+$|:/.test(host) && (isMetadataAddress(host) || (!request.allowInternal && !isPublicAddress(host))))
      return reject(new BlockedAddressError(host, host));
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(
      url,
      {
        method: request.method,
        headers: { ...request.headers, ...secretHeaders },
        lookup: vettedLookup(request.allowInternal),
        signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let oversize = false;
        res.on('data', (chunk: Buffer) => {
          if (oversize) return;
          size += chunk.length;
          if (size > options.maxBytes) {
            oversize = true;
            reject(new GuardError(`the response is larger than ${options.maxBytes} bytes`));
            req.destroy();
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          if (oversize) return;
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers))
            if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
          resolve({
            status: res.statusCode ?? 0,
            headers,
            body: Buffer.concat(chunks),
            location: res.headers.location,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (request.body !== undefined && request.method !== 'GET') req.write(request.body);
    req.end();
  });
}

function parseBody(body: Buffer, contentType: string | undefined): unknown {
  const text = body.toString('utf8');
  if (contentType?.includes('json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/**
 * Perform a flow's HTTP request under the guard. Never throws: refusals, resets and oversize bodies are
 * `networkError` (with a message that names no secret), the time limit is `timeout`.
 */
export async function guardedFetch(
  request: HttpRequest,
  options: GuardOptions,
  signal?: AbortSignal,
): Promise<HttpResult> {
  const limit = AbortSignal.timeout(Math.max(1, request.timeoutSeconds) * 1000);
  const combined = signal ? AbortSignal.any([limit, signal]) : limit;
  const target = targetOf(request, options.integration);
  if (typeof target === 'string') return { kind: 'networkError', message: target };
  let url: URL;
  try {
    url = new URL(target.url);
  } catch {
    return { kind: 'networkError', message: 'the URL is not valid' };
  }
  const origin = target.base?.origin ?? url.origin;
  try {
    for (let hop = 0; ; hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return { kind: 'networkError', message: `only http and https are allowed, not ${url.protocol}` };
      const sent = hop === 0 ? request : { ...request, method: 'GET' as const, body: undefined };
      // allowInternal reaches the integration's own host only, never where a redirect points elsewhere. The request's
      // headers (the integration's configured ones among them) and the secret go only below the integration's base;
      // without an integration the headers are the node's own and go along.
      const underBase = target.base ? isUnderBase(url, target.base) : false;
      const hopRequest = {
        ...sent,
        allowInternal: sent.allowInternal && url.origin === origin,
        headers: !target.base || underBase ? sent.headers : {},
      };
      const answer = await once(
        url,
        hopRequest,
        underBase ? options.integration?.secretHeaders : undefined,
        options,
        combined,
      );
      if (answer.status >= 300 && answer.status < 400 && answer.location) {
        if (hop >= (options.maxRedirects ?? 3)) return { kind: 'networkError', message: 'too many redirects' };
        url = new URL(answer.location, url);
        continue;
      }
      return {
        kind: 'response',
        status: answer.status,
        headers: answer.headers,
        body: parseBody(answer.body, answer.headers['content-type']),
      };
    }
  } catch (error) {
    if (limit.aborted) return { kind: 'timeout' };
    if (error instanceof BlockedAddressError || error instanceof GuardError)
      return { kind: 'networkError', message: error.message };
    const code = (error as NodeJS.ErrnoException).code;
    return { kind: 'networkError', message: code ? `${code} reaching ${url.host}` : `request to ${url.host} failed` };
  }
}

/** Where the first hop goes: the request's URL, or for an integration its relativeUrl under the record's base; a string is a refusal. */
function targetOf(
  request: HttpRequest,
  integration: IntegrationTarget | undefined,
): { url: string; base?: URL } | string {
  if (request.integration === undefined) return { url: request.url };
  const name = `the integration "${request.integration}"`;
  if (!integration) return `${name} is not known here`;
  if (request.relativeUrl === undefined) return `the request for ${name} has no URL relative to its base`;
  const resolved = integrationUrl(integration.baseUrl, request.relativeUrl);
  if (!resolved.ok) return `the URL for ${name} ${resolved.reason}`;
  return { url: resolved.url, base: new URL(integration.baseUrl) };
}
