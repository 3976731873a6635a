// The safe expression (CEL) and `{{ }}` template language of flows: parse once, evaluate many times, bounded work.

export { parseExpression, type CompiledExpression } from './compiled-expression';
export { parseTemplate, type CompiledTemplate, type RenderOptions, type ShownText } from './compiled-template';
export { isReservedName } from './cel-environment';
export { ExpressionEvaluationError, type ExpressionError, type ExpressionErrorCode, type ParseResult } from './errors';
export * as expressionLimits from './limits';
