// Field errors of the inspector forms in the UI's language: zod's issues (codes with their numbers) and the few
// messages the engine's node schemas write themselves, through messages/*.json (`zod.*`).

import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError, FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { zodErrorMap, type ZodTranslate } from '../../_lib/zod-error-map';

export type { ZodTranslate };

/**
 * The engine's own messages (flow-engine/nodes, region, schedule), by their English text: a schema-level message
 * outranks any error map in zod, so these are translated after parsing. A message not listed stays as the engine wrote it.
 */
const engineMessages: Record<string, string> = {
  'minDigits must not exceed maxDigits': 'engine.minDigitsAboveMax',
  'min must not exceed max': 'engine.minAboveMax',
  'nextOpen needs a schedule': 'engine.nextOpenNeedsSchedule',
  'must be one key: 0-9, * or #': 'engine.oneKey',
  'must start with a letter or _ and contain only letters, digits and _': 'engine.variableName',
  'must start with a letter and contain only letters, digits, _ and -': 'engine.identifier',
  'must be digits, optionally starting with +': 'engine.prefix',
  'must be a two-letter country code such as CN': 'engine.countryCode',
  'must be a time HH:MM, e.g. 09:00': 'engine.clockTime',
  'must be a date YYYY-MM-DD': 'engine.isoDate',
};

/** The engine's message in the UI's language, or `message` itself when it is not one of the known ones. */
export function translateEngineMessage(message: string, t: ZodTranslate): string {
  const key = engineMessages[message];
  return key ? t(key) : message;
}

function translateTree(errors: FieldErrors, t: ZodTranslate): void {
  for (const [key, value] of Object.entries(errors)) {
    // `ref` is the field's DOM element and `types` the criteria list: neither holds nested errors.
    if (key === 'ref' || key === 'types' || !value || typeof value !== 'object') continue;
    const field = value as FieldError;
    if (typeof field.message === 'string') field.message = translateEngineMessage(field.message, t);
    // Nested objects and arrays of fields hold further errors beside (or instead of) their own.
    translateTree(value as FieldErrors, t);
  }
}

/** zodResolver with every message in the UI's language (issues through the error map, engine messages by table). */
export function translatedZodResolver<Values extends FieldValues>(
  schema: z.ZodType,
  t: ZodTranslate,
): Resolver<Values> {
  const resolve = zodResolver(schema as never, { error: zodErrorMap(t) }) as unknown as Resolver<Values>;
  return async (values, context, options) => {
    const result = await resolve(values, context, options);
    translateTree(result.errors, t);
    return result;
  };
}
