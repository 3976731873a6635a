// Calls the studio's tRPC API from inside a signed-in page (its cookies, its origin), for test set-up and checks.

import type { Page } from 'playwright-core';

async function call<T>(page: Page, method: 'GET' | 'POST', procedure: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ({ method, procedure, input }) => {
      const url = method === 'GET' ? `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}` : `/api/trpc/${procedure}`;
      const response = await fetch(url, method === 'GET' ? {} : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
      return { status: response.status, body: (await response.json()) as { result?: { data: unknown }; error?: { message: string } } };
    },
    { method, procedure, input },
  );
  if (!result.body.result) throw new Error(`${procedure} failed (${result.status}): ${result.body.error?.message ?? 'no message'}`);
  return result.body.result.data as T;
}

export const apiQuery = <T>(page: Page, procedure: string, input: unknown) => call<T>(page, 'GET', procedure, input);
export const apiMutation = <T>(page: Page, procedure: string, input: unknown) => call<T>(page, 'POST', procedure, input);
