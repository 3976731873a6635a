// Flow validation for the browser, apart from ./browser (the simulator's engine): JSON Schema checks by the generated
// standalone validator (no ajv compiler, no `new Function`) plus the semantic rules.

export { validate, formatIssue, type ValidationIssue, type ValidationResult } from './validate';
