// The database client lives in schemas/ since the runtime opens the same database; re-exported for the studio's imports.

export * from '../../../schemas/database';
