// The result shape of validate(): every problem found, each with a rule id, a code with parameters, a JSON pointer and its English sentence.

import type { ResourceResolver } from '../resources';
import type { ProblemParam } from './problem-format';
import type { ProblemCode } from './problem-messages-en';

export type IssueSeverity = 'error' | 'warning';

export interface ValidationIssue {
  /** Stable id of the check, e.g. `dangling-edge`; `schema` for JSON Schema problems. */
  rule: string;
  severity: IssueSeverity;
  /** Which sentence describes it (a key of the English catalogue and of the studio's `problems` messages). */
  code: ProblemCode;
  /** The sentence's parameters; `node`, `start` and `nodes` hold node ids, which the studio shows as labels. */
  params: Record<string, ProblemParam>;
  /** The English sentence a business admin understands, naming the node and field. */
  message: string;
  /** JSON pointer into the document, e.g. `/nodes/3/config/options/1/key`. */
  path: string;
  nodeId?: string;
  edgeId?: string;
}

export interface ValidationResult {
  /** True when there are no errors (warnings allowed). */
  valid: boolean;
  errors: ValidationIssue[];
  warnings: ValidationIssue[];
}

export interface ValidateOptions {
  /** Resolves `{ "ref": … }` keys; when given, unknown keys and invalid or cyclic subflows are reported. */
  resources?: ResourceResolver;
}
