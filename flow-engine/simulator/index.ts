// Public API of the simulator: simulate one call, run a flow's tests, and the simulator driver itself.

export {
  simulate,
  runSimulation,
  startSimulatedCall,
  SimulationSetupError,
  type SimulationTrace,
  type SimulationCase,
  type SimulateOptions,
} from './simulate';
export {
  runTests,
  checkExpectations,
  deepEqual,
  type TestReport,
  type TestCaseResult,
  type Coverage,
  type PortCoverage,
  type PortRef,
} from './run-tests';
export { simulatorDriver } from './simulator-driver';
export { SimulatedCall, DEFAULT_CALL_AT, MASK, promptText, type TranscriptEntry } from './simulated-call';
export type { AwaitedInput, LineEvent, SimulatedCallOptions } from './caller-script';
export { TraceRecorder, type TraceStep } from './trace-recorder';
