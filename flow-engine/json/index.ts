// JSON text reading shared by the CLI and the studio server (pure, browser-safe): limits and line:column errors.

export { parseJsonText, defaultJsonLimits, type JsonLimits } from './parse-json-text';
export { decodeJsonBytes } from './decode-json-bytes';
export { findJsonFault, type JsonFault } from './find-json-fault';
export { JsonTextError, lineColumnAt, type JsonTextProblem, type TextPosition } from './json-text-error';
