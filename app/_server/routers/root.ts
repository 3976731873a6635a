// The app router: every router registered by hand, one line per noun.

import 'server-only';
import { createCallerFactory, createTRPCRouter } from '../trpc';
import { auditRouter } from './audit';
import { flowsRouter } from './flows';
import { linesRouter } from './lines';
import { profileRouter } from './profile';
import { promptAudioRouter } from './prompt-audio';
import { resourcesRouter } from './resources';
import { settingsRouter } from './settings';
import { simulatorRouter } from './simulator';
import { usersRouter } from './users';
import { versionsRouter } from './versions';

export const appRouter = createTRPCRouter({
  flows: flowsRouter,
  users: usersRouter,
  profile: profileRouter,
  versions: versionsRouter,
  lines: linesRouter,
  resources: resourcesRouter,
  audit: auditRouter,
  promptAudio: promptAudioRouter,
  settings: settingsRouter,
  simulator: simulatorRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side caller (tests, server components): `createCaller(context).flows.list({})`. */
export const createCaller = createCallerFactory(appRouter);
