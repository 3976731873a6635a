// Maps the engine's typed errors (a flow that cannot compile, an unusable call setup) onto CLI errors.

import { CompileError } from '../flow-engine/compile';
import { SimulationSetupError } from '../flow-engine/simulator';
import { InvalidFlowError, UsageError } from './errors';

/**
 * Run engine work for one flow file; a CompileError becomes InvalidFlowError (exit 1) naming the node,
 * a SimulationSetupError becomes UsageError (exit 2).
 */
export async function withEngineErrors<T>(display: string, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CompileError) {
      const where = error.nodeId === undefined ? '' : ` node "${error.nodeId}"${error.path ? ` (${error.path})` : ''}:`;
      throw new InvalidFlowError(`${display} cannot be compiled:${where} ${error.message}`);
    }
    if (error instanceof SimulationSetupError) throw new UsageError(error.message);
    throw error;
  }
}
