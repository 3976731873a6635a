// Test setup through the studio's own tRPC HTTP API, as the page's signed-in user (shares the page's cookies).

import type { Page } from 'playwright-core';
import type { FlowDocument } from '../../../flow-engine/document';

/** Runs a tRPC mutation (`versions.publish`, …) with the page's session; returns its data or throws the server's message. */
export async function apiMutation<T = unknown>(page: Page, procedure: string, input: unknown): Promise<T> {
  const origin = new URL(page.url()).origin;
  const response = await page.request.post(`${origin}/api/trpc/${procedure}`, {
    data: input,
    headers: { origin, 'content-type': 'application/json' },
  });
  const body = (await response.json()) as { result?: { data: T }; error?: { message: string } };
  if (!response.ok() || !body.result)
    throw new Error(`${procedure} failed (${response.status()}): ${body.error?.message ?? JSON.stringify(body)}`);
  return body.result.data;
}

/** Runs a tRPC query with the page's session. */
export async function apiQuery<T = unknown>(page: Page, procedure: string, input?: unknown): Promise<T> {
  const origin = new URL(page.url()).origin;
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await page.request.get(`${origin}/api/trpc/${procedure}${query}`);
  const body = (await response.json()) as { result?: { data: T }; error?: { message: string } };
  if (!response.ok() || !body.result)
    throw new Error(`${procedure} failed (${response.status()}): ${body.error?.message ?? JSON.stringify(body)}`);
  return body.result.data;
}

/** A flow as `flows.get` returns it, with the fields the browser tests read. */
export interface FlowRow {
  id: string;
  key: string;
  revision: number;
  updatedAt: string;
  draft: FlowDocument;
}

/** Creates a flow (blank, or from `template`) through the API and returns it as `flows.get` does. */
export async function createFlow(page: Page, name: string, template?: string): Promise<FlowRow> {
  const created = await apiMutation<{ id: string }>(page, 'flows.create', template ? { name, template } : { name });
  return apiQuery<FlowRow>(page, 'flows.get', { flowId: created.id });
}
