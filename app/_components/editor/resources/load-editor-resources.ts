// The shared resources a draft references (subflows, schedules, skill groups, integration keys), loaded from the
// server as publishing resolves them: live validation, the simulator, test runs and the calendar all use this.

import type { FlowDocument } from '../../../../flow-engine/document';
import type { ResourceResolver } from '../../../../flow-engine/resources';
import { editorResourceKeys, resolverFromEditorBundle } from '../../../_lib/editor-resource-bundle';
import { trpc } from '../../../_lib/trpc-client';

/** One request (flows.resourceBundle) for the keys `doc` references; an error says why (role, outage). */
export async function loadEditorResources(doc: FlowDocument): Promise<ResourceResolver> {
  return (await loadSimulationResources(doc)).resolver;
}

/** As loadEditorResources, with the integrations an administrator keeps from the simulator's real calls. */
export async function loadSimulationResources(
  doc: FlowDocument,
): Promise<{ resolver: ResourceResolver; realCallsOff: string[] }> {
  const bundle = await trpc.flows.resourceBundle.query(editorResourceKeys(doc));
  return { resolver: resolverFromEditorBundle(bundle), realCallsOff: bundle.realCallsOff };
}
