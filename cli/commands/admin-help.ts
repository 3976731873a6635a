// Help text of `callflow admin` (kept apart so that help loads no database code).

export const adminHelp = `Usage: callflow admin reset-password EMAIL

Sets a new, generated password for the user with this email and prints it once; every
session of that user is signed out. Run it on the studio's server, in the studio's folder,
with the same settings as npm start (DATABASE_URL, CALLFLOW_DATA_DIR). With the embedded
database, stop the studio first: only one process may open its data directory.
An administrator who can still sign in can do the same in the studio (users.resetPassword).

Exit codes:
  0  the password was reset
  1  no user has that email, or the studio is running on the embedded database
  2  the command line or the server settings are wrong
`;
