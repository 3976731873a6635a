// HTTP for flow nodes: http/https only, every hop's address vetted at connect time, size and time bounded.

import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { HttpRequest, HttpResult } from '../../flow-engine/driver';
import { BlockedAddressError, isMetadataAddress, isPublicAddress } from './address-policy';

export interface GuardOptions {
  /** Largest response body read (bytes); a larger one is a network error. */
  maxBytes: number;
  /** Redirects followed, each vetted like the first request (default 3). */
  maxRedirects?: number;
  /** Extra headers added server-side (an integration's secret); never logged, never in events. */
  secretHeaders?: Record<string, string>;
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
      const list = addresses as LookupAddress[];
      const blocked = list.find((a) => isMetadataAddress(a.address) || (!allowInternal && !isPublicAddress(a.address)));
      if (blocked) return callback(new BlockedAddressError(hostname, blocked.address) as NodeJS.ErrnoException, '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}

function once(url: URL, request: HttpRequest, options: GuardOptions, signal: AbortSignal): Promise<{ status: number; headers: Record<string, string>; body: Buffer; location?: string }> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    // An IP literal never goes through lookup: check it here.
    if (/^[\d.]+$|:/.test(host) && (isMetadataAddress(host) || (!request.allowInternal && !isPublicAddress(host)))) return reject(new BlockedAddressError(host, host));
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(
      url,
      { method: request.method, headers: { ...request.headers, ...options.secretHeaders }, lookup: vettedLookup(request.allowInternal), signal },
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
          for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
          resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks), location: res.headers.location });
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
export async function guardedFetch(request: HttpRequest, options: GuardOptions, signal?: AbortSignal): Promise<HttpResult> {
  const limit = AbortSignal.timeout(Math.max(1, request.timeoutSeconds) * 1000);
  const combined = signal ? AbortSignal.any([limit, signal]) : limit;
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { kind: 'networkError', message: 'the URL is not valid' };
  }
  const origin = url.origin;
  try {
    for (let hop = 0; ; hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'networkError', message: `only http and https are allowed, not ${url.protocol}` };
      // A secret goes only to the integration's own origin, never to where a redirect points elsewhere.
      const hopOptions = url.origin === origin ? options : { ...options, secretHeaders: undefined };
      const answer = await once(url, hop === 0 ? request : { ...request, method: 'GET', body: undefined }, hopOptions, combined);
      if (answer.status >= 300 && answer.status < 400 && answer.location) {
        if (hop >= (options.maxRedirects ?? 3)) return { kind: 'networkError', message: 'too many redirects' };
        url = new URL(answer.location, url);
        continue;
      }
      return { kind: 'response', status: answer.status, headers: answer.headers, body: parseBody(answer.body, answer.headers['content-type']) };
    }
  } catch (error) {
    if (limit.aborted) return { kind: 'timeout' };
    if (error instanceof BlockedAddressError || error instanceof GuardError) return { kind: 'networkError', message: error.message };
    const code = (error as NodeJS.ErrnoException).code;
    return { kind: 'networkError', message: code ? `${code} reaching ${url.host}` : `request to ${url.host} failed` };
  }
}
