// Reusable JSON Schema fragments of the flow document: safe ids, language tags, identifiers.

import type { JsonSchema } from './json-schema';

/** Node and edge ids: letters, digits, _ and -, at most 64 characters (safe in URLs, logs and XState ids). */
export const SAFE_ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$';

/** Variable names: usable as CEL identifiers. */
export const IDENTIFIER_PATTERN = '^[A-Za-z_][A-Za-z0-9_]{0,63}$';

/** BCP 47 language tags as used for prompts, e.g. zh-CN, en-US, yue-Hant-HK. */
export const LANGUAGE_TAG_PATTERN = '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$';

export const safeId: JsonSchema = {
  type: 'string',
  pattern: SAFE_ID_PATTERN,
  patternErrorMessage: 'must be 1 to 64 letters, digits, _ or -',
};

export const languageTag: JsonSchema = {
  type: 'string',
  pattern: LANGUAGE_TAG_PATTERN,
  patternErrorMessage: 'must be a language tag such as zh-CN or en-US',
};

export const identifier: JsonSchema = {
  type: 'string',
  pattern: IDENTIFIER_PATTERN,
  patternErrorMessage: 'must start with a letter or _ and contain only letters, digits and _',
};

export const text = (maxLength: number, minLength = 0): JsonSchema =>
  minLength > 0 ? { type: 'string', minLength, maxLength } : { type: 'string', maxLength };

export const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` });
