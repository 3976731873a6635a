// The outage classifier: connection codes, socket errors and SQLSTATEs 08xxx/57P0x are outages; query errors and message text are not.

import { sql } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import {
  asDatabaseUnavailable,
  databaseUnavailableCode,
  DatabaseUnavailableError,
} from '../../../app/_server/db/database-unavailable';
import { closedPort } from '../helpers/tcp-proxy';

/** Shaped like postgres.js's own connection errors (`Errors.connection` in its source). */
function driverConnectionError(code: string): Error {
  return Object.assign(new Error(`write ${code} db.internal:5432`), {
    code,
    errno: code,
    address: 'db.internal',
    port: 5432,
  });
}

// postgres.js builds PostgresError from the parsed server fields, though its typings declare a message string.
const PostgresError = postgres.PostgresError as unknown as new (fields: {
  message: string;
  code: string;
  severity: string;
}) => Error;

/** A server error as postgres.js reports it: the SQLSTATE in `code`. */
function serverError(code: string, message: string): Error {
  return new PostgresError({ message, code, severity: 'FATAL' });
}

describe('database-unavailable classifier', () => {
  it.each([
    'CONNECTION_CLOSED',
    'CONNECTION_ENDED',
    'CONNECTION_DESTROYED',
    'CONNECT_TIMEOUT',
    'ECONNREFUSED',
    'ECONNRESET',
    'EPIPE',
    'ETIMEDOUT',
  ])('the connection error %s is an outage', (code) => {
    expect(databaseUnavailableCode(driverConnectionError(code))).toBe(code);
  });

  it.each([
    ['57P01', 'terminating connection due to administrator command'],
    ['57P02', 'terminating connection due to crash of another server process'],
    ['57P03', 'the database system is starting up'],
    ['08006', 'connection failure'],
    ['08003', 'connection does not exist'],
  ])('the SQLSTATE %s is an outage', (code, message) => {
    expect(databaseUnavailableCode(serverError(code, message))).toBe(code);
  });

  it.each([
    ['23505', 'duplicate key value violates unique constraint "flows_key_unique"'],
    ['42P01', 'relation "flows" does not exist'],
    ['40001', 'could not serialize access due to concurrent update'],
    ['57014', 'canceling statement due to statement timeout'],
  ])('the SQLSTATE %s is not an outage', (code, message) => {
    expect(databaseUnavailableCode(serverError(code, message))).toBeNull();
  });

  it('an error whose message merely mentions a connection code is not an outage', () => {
    expect(databaseUnavailableCode(new Error('write CONNECTION_CLOSED db.internal:5432 (ECONNREFUSED)'))).toBeNull();
    expect(databaseUnavailableCode(Object.assign(new Error('odd'), { code: 'MAX_PARAMETERS_EXCEEDED' }))).toBeNull();
  });

  it('an outage wrapped by Drizzle is found through the cause chain', () => {
    const wrapped = new DrizzleQueryError('update "flows" set …', ['x'], driverConnectionError('CONNECTION_CLOSED'));
    expect(databaseUnavailableCode(wrapped)).toBe('CONNECTION_CLOSED');
  });

  it('an AggregateError of refused addresses (a host name with IPv4 and IPv6) is an outage', () => {
    const refused = new AggregateError(
      [driverConnectionError('ECONNREFUSED'), driverConnectionError('ECONNREFUSED')],
      'connect failed',
    );
    expect(databaseUnavailableCode(refused)).toBe('ECONNREFUSED');
  });

  it('a cyclic cause chain ends with null instead of looping', () => {
    const first = new Error('first');
    const second = new Error('second', { cause: first });
    first.cause = second;
    expect(databaseUnavailableCode(first)).toBeNull();
  });

  it('values that are not errors are not outages', () => {
    expect(databaseUnavailableCode(undefined)).toBeNull();
    expect(databaseUnavailableCode('ECONNREFUSED')).toBeNull();
    expect(databaseUnavailableCode({ code: 42 })).toBeNull();
  });

  it('asDatabaseUnavailable keeps the code and the original error as its cause, and returns null for other errors', () => {
    const original = driverConnectionError('ECONNRESET');
    const unavailable = asDatabaseUnavailable(original);
    expect(unavailable).toBeInstanceOf(DatabaseUnavailableError);
    expect(unavailable?.code).toBe('ECONNRESET');
    expect(unavailable?.cause).toBe(original);
    expect(unavailable?.message).toBe('The database could not be reached (ECONNRESET).');
    expect(asDatabaseUnavailable(serverError('23505', 'duplicate key'))).toBeNull();
  });

  it.each([
    ['ECONNREFUSED', true],
    ['CONNECT_TIMEOUT', true],
    ['CONNECTION_ENDED', true],
    ['57P03', true],
    ['CONNECTION_CLOSED', false],
    ['ECONNRESET', false],
    ['CONNECTION_DESTROYED', false],
    ['57P01', false],
  ])('%s: the statement never reached the server is %s', (code, neverSent) => {
    expect(new DatabaseUnavailableError(code).neverSent).toBe(neverSent);
  });

  it('a real refused connection from postgres.js through Drizzle is classified as ECONNREFUSED', async () => {
    const client = postgres(`postgres://nobody@127.0.0.1:${await closedPort()}/none`, {
      max: 1,
      connect_timeout: 2,
      onnotice: () => undefined,
    });
    try {
      const failure = await drizzle({ client })
        .execute(sql`select 1`)
        .then(
          () => null,
          (reason: unknown) => reason,
        );
      expect(failure).toBeInstanceOf(Error);
      expect(databaseUnavailableCode(failure)).toBe('ECONNREFUSED');
    } finally {
      await client.end({ timeout: 1 });
    }
  });
});
