// The note a rollback stores (`Rollback to v1: why`), and reading it back so the versions page can tell it in the
// UI language. The stored English form stays the same for the CLI, the audit log and older rows.

/** The stored note of a rollback to `version` with the admin's reason (may be empty). */
export function rollbackNoteText(version: number, reason: string): string {
  return reason ? `Rollback to v${version}: ${reason}` : `Rollback to v${version}`;
}

/** The version and reason of a stored rollback note, or undefined for any other note. */
export function parseRollbackNote(note: string): { version: number; reason: string } | undefined {
  const match = /^Rollback to v([1-9]\d*)(?:: ([\s\S]*))?$/.exec(note);
  return match ? { version: Number(match[1]), reason: match[2] ?? '' } : undefined;
}
