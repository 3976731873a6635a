// Public API of flow validation: validate(), issue formatting and the ValidationError class.

export { validate } from './validate';
export { formatIssue } from './format-issue';
export { ValidationError } from './validation-error';
export type { IssueSeverity, ValidateOptions, ValidationIssue, ValidationResult } from './validation-issue';
