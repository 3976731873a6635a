// Typed errors raised when a schedule definition cannot be evaluated (bad time zone, time or date).

/** A schedule definition that cannot be evaluated; `path` is a JSON pointer inside the schedule, e.g. `/holidays/2/until`. */
export class ScheduleDefinitionError extends Error {
  override readonly name: string = 'ScheduleDefinitionError';
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

/** The schedule names a time zone this environment's Intl does not know. */
export class InvalidTimeZoneError extends ScheduleDefinitionError {
  override readonly name: string = 'InvalidTimeZoneError';
  constructor(readonly timeZone: string) {
    super(
      `The schedule's time zone "${timeZone}" is not a known IANA time zone such as Asia/Shanghai or Europe/London.`,
      '/timezone',
    );
  }
}
