// Calls the studio's tRPC API from inside a signed-in page (its cookies and origin), to set up data a test is not about.

import type { Page } from 'playwright-core';

/** A query (GET) or mutation (POST) by procedure path, e.g. `callApi(page, 'mutation', 'flows.create', { name: 'x' })`. */
export async function callApi<T = unknown>(page: Page, kind: 'query' | 'mutation', procedure: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ({ kind, procedure, input }) => {
      const url = `/api/trpc/${procedure}`;
      const response =
        kind === 'query'
          ? await fetch(`${url}?input=${encodeURIComponent(JSON.stringify(input))}`)
          : await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
      return { status: response.status, body: (await response.json()) as { result?: { data: unknown }; error?: { message: string } } };
    },
    { kind, procedure, input },
  );
  if (!result.body.result) throw new Error(`${procedure} failed (${result.status}): ${result.body.error?.message ?? JSON.stringify(result.body)}`);
  return result.body.result.data as T;
}
