// The app router: every router registered by hand, one line per noun.

import { createCallerFactory, createTRPCRouter } from '../trpc';
import { usersRouter } from './users';

export const appRouter = createTRPCRouter({
  users: usersRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side caller (tests, server components): `createCaller(context).flows.list({})`. */
export const createCaller = createCallerFactory(appRouter);
