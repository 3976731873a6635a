// An input refused before parsing (findInputProblem) as a coded refusal, so the studio says it in the UI language.

import 'server-only';
import { CodedError } from '../coded-error';
import { describeInputPath, maxInputDepth, type InputProblem } from './input-limits';

/**
 * @example
 * throw inputRefusal(findInputProblem(raw)!) // "The text at nodes[2].label contains a NUL character …"
 */
export function inputRefusal(problem: InputProblem): CodedError {
  const where = describeInputPath(problem.path);
  return problem.kind === 'tooDeep'
    ? new CodedError('BAD_REQUEST', 'inputTooDeep', { where, max: maxInputDepth }, problem.message)
    : new CodedError('BAD_REQUEST', 'inputUnstorable', { where }, problem.message);
}
