// The result shape of validate(): every problem found, each with a rule id, a JSON pointer and a sentence.

import type { ResourceResolver } from '../resources';

export type IssueSeverity = 'error' | 'warning';

export interface ValidationIssue {
  /** Stable id of the check, e.g. `dangling-edge`; `schema` for JSON Schema problems. */
  rule: string;
  severity: IssueSeverity;
  /** A sentence a business admin understands, naming the node and field. */
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
