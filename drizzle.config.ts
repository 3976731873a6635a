// drizzle-kit configuration: `npx drizzle-kit generate` writes SQL migrations from schemas/db.

import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './schemas/db/index.ts',
  out: './schemas/migrations',
});
