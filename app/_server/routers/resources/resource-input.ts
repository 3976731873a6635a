// Input pieces the resource routers share: stable keys, ids and the not-found / key-taken errors.

import 'server-only';
import { TRPCError } from '@trpc/server';
import * as z from 'zod';
import { isUniqueViolation } from '../../db/unique-violation';
import { CodedError } from '../../coded-error';

/** The stable key flows use in `{ "ref": … }`; fixed once created so published flows keep resolving. */
export const resourceKey = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/,
    'The key must start with a letter or digit and contain only letters, digits, ".", "_" and "-" (at most 128).',
  );

export const resourceId = z.uuid('The id must be a UUID.');

export const resourceName = z
  .string()
  .trim()
  .min(1, 'Please give a name.')
  .max(200, 'The name may have at most 200 characters.');

export function notFound(what: ResourceNoun): TRPCError {
  return new CodedError('NOT_FOUND', 'resourceNotFound', { kind: what }, `That ${what} does not exist.`);
}

/** The resources named in refusals (a `select` of the `serverErrors` messages). */
export type ResourceNoun = 'agent' | 'integration' | 'schedule' | 'skill group';

/** Maps a unique violation on insert to a CONFLICT naming the key; rethrows anything else. */
export function keyConflict(error: unknown, what: ResourceNoun, key: string): never {
  if (isUniqueViolation(error))
    throw new CodedError(
      'CONFLICT',
      'resourceKeyTaken',
      { kind: what, key },
      `A ${what} with the key "${key}" already exists.`,
      error,
    );
  throw error;
}
