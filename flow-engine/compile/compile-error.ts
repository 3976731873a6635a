// Typed errors of compile(): a flow that cannot be turned into a machine, and a node that fails while a call runs.

/** compile() refuses a flow it cannot run (invalid config, unknown subflow, bad expression). */
export class CompileError extends Error {
  constructor(
    message: string,
    readonly nodeId?: string,
    /** JSON pointer relative to the node, e.g. `/config/rules/0/when`. */
    readonly path?: string,
  ) {
    super(message);
    this.name = 'CompileError';
  }
}

/** A node could not do its work during a call (an expression failed); the call ends with reason error. */
export class NodeFault extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NodeFault';
  }
}
