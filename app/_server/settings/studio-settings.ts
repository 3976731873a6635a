// Reads and writes the studio-wide settings row; a database where nobody saved settings yet reads the defaults.

import 'server-only';
import { studioSettings } from '../../../schemas/db';
import type { Executor } from '../../../schemas/database';
import { oneRow } from '../db/one-row';

export interface StudioSettings {
  /** Publishing runs the flow's test cases first and refuses a version when one fails. */
  requireTestsToPublish: boolean;
}

export const defaultSettings: StudioSettings = { requireTestsToPublish: false };

/** The current settings (defaults when the row was never written). */
export async function readSettings(db: Executor): Promise<StudioSettings> {
  const [row] = await db.select({ requireTestsToPublish: studioSettings.requireTestsToPublish }).from(studioSettings);
  return row ?? { ...defaultSettings };
}

/** Writes every setting at once (one row, created on first write). */
export async function writeSettings(db: Executor, settings: StudioSettings, actorId: string): Promise<StudioSettings> {
  const values = { requireTestsToPublish: settings.requireTestsToPublish, updatedAt: new Date(), updatedBy: actorId };
  const row = oneRow(
    await db
      .insert(studioSettings)
      .values({ id: true, ...values })
      .onConflictDoUpdate({ target: studioSettings.id, set: values })
      .returning({ requireTestsToPublish: studioSettings.requireTestsToPublish }),
    'the studioSettings insert',
  );
  return row;
}
