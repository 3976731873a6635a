// "Call the real integration" for the in-browser simulator: render one http node's request from the flow's draft as
// the runtime would, add the integration's secret server-side, send it through the runtime's address guard, and
// return only status, body and time — never the request, its headers or the secret. A tester chooses only the
// variables and call details: the method, address and headers are the node's. What a service echoes of the secret or
// of the integration's header values is masked (echo-mask.ts); each call is audited; an administrator can turn real
// calls off per integration.

import 'server-only';
import { eq } from 'drizzle-orm';
import {
  compile,
  CompileError,
  HttpRequestError,
  renderHttpRequest,
  type CallInfo,
} from '../../../flow-engine/compile';
import type { FlowDocument } from '../../../flow-engine/document';
import { guardedFetch } from '../../../flow-engine/node/guarded-fetch';
import {
  IntegrationUnavailableError,
  loadIntegrationAccess,
  type IntegrationAccess,
} from '../../../schemas/integration-access';
import { flows } from '../../../schemas/db';
import { recordAudit } from '../../../schemas/record-audit';
import type { Database } from '../../../schemas/database';
import { loadResolver } from '../../../schemas/load-resolver';
import { EchoMask } from './echo-mask';
import { loadRealCallPolicy, RealCallsOffError } from './real-call-policy';
import { CodedError } from '../coded-error';

/** Largest answer read, as the runtime's default CALLFLOW_HTTP_MAX_BYTES. */
export const proxyMaxBytes = 1024 * 1024;

export interface IntegrationCall {
  flowId: string;
  nodeId: string;
  vars: Record<string, unknown>;
  call: { caller?: string; dialed?: string; language?: string };
}

export interface IntegrationAnswer {
  status: number;
  body: unknown;
  elapsedMs: number;
}

/** How a call ended, as the audit log keeps it: the status, or why there was none (never the request or answer). */
export type RealCallOutcome = { status: number } | { error: 'turnedOff' | 'blocked' | 'timeout' | 'unreachable' };

const problemCodes = {
  unknownNode: 'NOT_FOUND',
  notHttp: 'BAD_REQUEST',
  unknownVariable: 'BAD_REQUEST',
  render: 'BAD_REQUEST',
} as const;

async function loadDraft(db: Database, flowId: string): Promise<FlowDocument> {
  const [row] = await db.select({ draft: flows.draft }).from(flows).where(eq(flows.id, flowId));
  if (!row) throw new CodedError('NOT_FOUND', 'flowNotFound', {}, 'That flow does not exist.');
  return row.draft;
}

/**
 * Sends the request the draft's http node `nodeId` would send with these variables. Errors: NOT_FOUND (flow, node),
 * BAD_REQUEST (not an http node, a variable the flow lacks, a draft that does not compile, a template that fails),
 * FORBIDDEN (the address guard refused the host, or the URL leaves the integration's base URL), GATEWAY_TIMEOUT (no
 * answer within the node's timeout), BAD_GATEWAY (the service could not be reached) and PRECONDITION_FAILED (the
 * integration is missing here, or an administrator turned its real calls from the simulator off). Every attempt that
 * reaches the sending stage is written to the audit log as `actor` with its outcome.
 */
export async function callIntegration(
  db: Database,
  secretKey: Uint8Array,
  actor: { id: string },
  input: IntegrationCall,
  now = new Date(),
): Promise<IntegrationAnswer> {
  const draft = await loadDraft(db, input.flowId);
  const label = draft.nodes.find((node) => node.id === input.nodeId)?.label || input.nodeId;
  const resources = await loadResolver(db, draft);
  let request;
  try {
    const call: Partial<CallInfo> = { ...input.call, at: now.toISOString() };
    request = renderHttpRequest(compile(draft, { resources }), input.nodeId, { vars: input.vars, call });
  } catch (error) {
    if (error instanceof HttpRequestError)
      throw new CodedError(
        problemCodes[error.problem],
        'integrationRequestInvalid',
        { node: label },
        error.message,
        error,
      );
    if (error instanceof CompileError)
      throw new CodedError(
        'BAD_REQUEST',
        'draftCannotRun',
        {},
        `The draft cannot run as it is: ${error.message}`,
        error,
      );
    throw error;
  }
  const audit = (outcome: RealCallOutcome) =>
    recordAudit(db, {
      actor,
      action: 'simulator.callIntegration',
      entityType: 'flow',
      entityId: input.flowId,
      after: { nodeId: input.nodeId, nodeLabel: label, integration: request.integration ?? null, ...outcome },
    });

  // As the runtime: the base URL, allowInternal and the secret come from this environment's integration record, never from the flow.
  let access: IntegrationAccess | undefined;
  const echoed: string[] = [];
  if (request.integration) {
    const policy = await loadRealCallPolicy(db, request.integration);
    if (policy && !policy.allowed) {
      await audit({ error: 'turnedOff' });
      const message = `Node "${label}": an administrator has turned off real calls to the integration "${request.integration}" from the simulator; answer it with a mock instead.`;
      throw new CodedError(
        'PRECONDITION_FAILED',
        'realCallsOff',
        { node: label, integration: request.integration },
        message,
        new RealCallsOffError(request.integration, message),
      );
    }
    echoed.push(...(policy?.headerValues ?? []));
    try {
      access = await loadIntegrationAccess(db, secretKey, request.integration);
    } catch (error) {
      if (error instanceof IntegrationUnavailableError) {
        throw new CodedError(
          'PRECONDITION_FAILED',
          'integrationUnavailable',
          { node: label, integration: request.integration },
          `Node "${label}": ${error.message}.`,
          error,
        );
      }
      throw error;
    }
  }
  const echoes = new EchoMask([...echoed, ...Object.values(access?.secretHeaders ?? {})]);

  const started = performance.now();
  const answer = await guardedFetch(
    { ...request, allowInternal: access?.allowInternal ?? false },
    { maxBytes: proxyMaxBytes, integration: access },
  );
  const elapsedMs = Math.round(performance.now() - started);
  if (answer.kind === 'response') {
    await audit({ status: answer.status });
    return { status: answer.status, body: echoes.maskValue(answer.body), elapsedMs };
  }
  if (answer.kind === 'timeout') {
    await audit({ error: 'timeout' });
    throw new CodedError(
      'GATEWAY_TIMEOUT',
      'serviceTimeout',
      { node: label, seconds: request.timeoutSeconds },
      `Node "${label}": the service did not answer within the node's timeout of ${request.timeoutSeconds} s.`,
    );
  }
  const message = `Node "${label}": ${echoes.mask(answer.message).replace(/\.$/, '')}.`;
  // The guard's refusals name the host and why, or the integration whose base the URL leaves; anything else is the service being unreachable.
  const blocked = /internal address|metadata address|^the URL for the integration/.test(answer.message);
  await audit({ error: blocked ? 'blocked' : 'unreachable' });
  throw new CodedError(
    blocked ? 'FORBIDDEN' : 'BAD_GATEWAY',
    blocked ? 'serviceBlocked' : 'serviceUnreachable',
    { node: label },
    message,
  );
}
