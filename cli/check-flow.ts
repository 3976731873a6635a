// Validates a loaded flow; simulate/test/compile use requireRunnableFlow to refuse an invalid flow.

import type { FlowDocument } from '../flow-engine/document';
import { validate, type ValidationResult } from '../flow-engine/validate';
import { InvalidFlowError } from './errors';
import { formatValidation } from './format-issues';
import { namedNodes, type LoadedFlow } from './load-flow';
import { outputWords, type OutputWords } from './output-language';

/** Validate the flow against its resources (which also checks the subflows it calls). */
export function validateLoaded(flow: LoadedFlow): ValidationResult {
  return validate(flow.document, { resources: flow.resources.resolver });
}

export interface RunnableFlow {
  flow: FlowDocument;
  /** Subflows of the resources file that have nodes, so mocks may name their nodes too. */
  subflows: FlowDocument[];
}

function hasNodes(document: unknown): document is FlowDocument {
  return typeof document === 'object' && document !== null && Array.isArray((document as { nodes?: unknown }).nodes);
}

/**
 * The flow as a document once it validates. Throws InvalidFlowError listing every error.
 * @param command the command refusing the flow, named in the message
 * @param words the output language of the refusal
 */
export function requireRunnableFlow(
  loaded: LoadedFlow,
  command: 'simulate' | 'test' | 'compile',
  words: OutputWords = outputWords('en'),
): RunnableFlow {
  const result = validateLoaded(loaded);
  if (!result.valid) {
    const listing = formatValidation(
      loaded.display,
      { ...result, warnings: [] },
      words,
      namedNodes(loaded.document),
    ).trimEnd();
    throw new InvalidFlowError(`${words.say('needsValidFlow', { command })}\n${listing}`);
  }
  return {
    // Safe cast: the document just passed validation.
    flow: loaded.document as FlowDocument,
    subflows: loaded.resources.subflows.map((s) => s.document).filter(hasNodes),
  };
}
