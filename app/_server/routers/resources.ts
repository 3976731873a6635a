// Resources router: the shared things flows reference by key (schedules, skill groups, integrations) and the agents of the groups.

import 'server-only';
import { createTRPCRouter } from '../trpc';
import { agentsRouter } from './resources/agents';
import { integrationsRouter } from './resources/integrations';
import { schedulesRouter } from './resources/schedules';
import { skillGroupsRouter } from './resources/skill-groups';

export const resourcesRouter = createTRPCRouter({
  schedules: schedulesRouter,
  skillGroups: skillGroupsRouter,
  agents: agentsRouter,
  integrations: integrationsRouter,
});
