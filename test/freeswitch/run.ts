// `npm run test:freeswitch`: the conformance suite against a real FreeSWITCH, or one line saying why it did not run.

import { spawnSync } from 'node:child_process';

if (!process.env.CALLFLOW_TEST_FREESWITCH) {
  console.log(
    'test:freeswitch skipped: set CALLFLOW_TEST_FREESWITCH=host:port:password (the event socket of a FreeSWITCH 1.10 set up as README "Connecting a real FreeSWITCH" says)',
  );
  process.exit(0);
}
const run = spawnSync('npx', ['vitest', 'run', '--project', 'freeswitch', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
