// tRPC's TanStack Query bindings for client components: `const trpc = useTRPC(); useQuery(trpc.flows.list.queryOptions(…))`.

import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from '../_server/routers/root';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
