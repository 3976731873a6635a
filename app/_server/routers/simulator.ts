// Simulator router: what the in-browser simulator cannot do by itself — calling a real integration through the server.

import 'server-only';
import * as z from 'zod';
import { callIntegration } from '../simulator/call-integration';
import { createTRPCRouter, testerProcedure } from '../trpc';

const text = (what: string) => z.string().max(200, `${what} may have at most 200 characters.`);

export const simulatorRouter = createTRPCRouter({
  /**
   * Sends the draft's http node `nodeId` request, rendered with `vars`, with the integration's secret and the runtime's
   * address guard; returns status, body and time (never the request or the secret).
   */
  callIntegration: testerProcedure
    .input(
      z.object({
        flowId: z.uuid('The flow id must be a UUID.'),
        nodeId: z.string().min(1, 'The node id is empty.').max(200, 'The node id may have at most 200 characters.'),
        vars: z.record(z.string().max(100), z.unknown()).default({}),
        call: z
          .object({
            caller: text('The caller number').optional(),
            dialed: text('The dialed number').optional(),
            language: text('The language').optional(),
          })
          .default({}),
      }),
    )
    .mutation(({ ctx, input }) => callIntegration(ctx.db, ctx.secretKey, ctx.user, input)),
});
