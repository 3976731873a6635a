// The browser's tRPC client for the studio API (typed by the server's AppRouter, no server code bundled).

import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '../_server/routers/root';

export const trpc = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: '/api/trpc' })],
});
