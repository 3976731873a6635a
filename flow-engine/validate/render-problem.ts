// Renders a problem code and its parameters as an English sentence (CLI, logs, server errors). The studio renders
// the same codes with its own catalogues; both name nodes through `nodeProblemParams`.

import { formatProblemText } from './problem-format';
import { problemMessagesEn, type ProblemCode } from './problem-messages-en';
import { nodeProblemParams, type ProblemParams } from './problem-params';

export type { ProblemParams };

/**
 * The English sentence of a problem; node parameters shown by `name` (the id by default, as the CLI does).
 * @example
 * renderProblem('unreachable-node', { node: 'lost' }); // 'Node "lost" cannot be reached from the start node; connect it or delete it.'
 */
export function renderProblem(
  code: ProblemCode,
  params: ProblemParams,
  name: (id: string) => string = (id) => id,
): string {
  return formatProblemText(problemMessagesEn[code], nodeProblemParams(params, name));
}
