// The engine as the in-browser simulator and tests panel load it: compile, simulate, run tests. Validation lives in
// ./browser-validate (its generated JSON Schema validator alone is ~30 KB gzipped) so that a page that only simulates
// does not load it. Measured by `bench/engine-bundle.ts`; nothing here may pull in Node modules, and nothing may need
// `new Function` (a strict CSP forbids it).

import * as z from 'zod';

// zod compiles fast object parsers with `new Function` unless jitless (the editor sets it too; both are harmless).
z.config({ jitless: true });

export { compile, CompileError, type CompiledFlow } from './compile';
export {
  simulate,
  runSimulation,
  startSimulatedCall,
  runTests,
  checkExpectations,
  SimulationSetupError,
  SimulatedCall,
  promptText,
  MASK,
  DEFAULT_CALL_AT,
  type SimulationTrace,
  type SimulationCase,
  type TestReport,
  type TestCaseResult,
  type TranscriptEntry,
} from './simulator';
export { resolverFromBundle, emptyResolver, type ResourceBundle, type ResourceResolver } from './resources';
export {
  scheduleCalendar,
  ScheduleCalendarError,
  type ScheduleCalendar,
  type CalendarDay,
  type CalendarHour,
  type CalendarScheduleNode,
} from './schedule';
