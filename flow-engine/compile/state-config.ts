// The shape of the machine config compile() writes: plain data (named actions/guards with params) except for
// effect inputs, which are functions that print as a description (toJSON) for `callflow compile`.

export interface NamedRef {
  type: string;
  params?: Record<string, unknown>;
}

export interface TransitionConfig {
  target?: string;
  guard?: NamedRef;
  actions?: NamedRef | NamedRef[];
  reenter?: boolean;
}

export interface InvokeConfig {
  src: string;
  input: unknown;
  onError: TransitionConfig;
}

export interface StateConfig {
  id?: string;
  type?: 'final';
  entry?: NamedRef | NamedRef[];
  initial?: string;
  states?: Record<string, StateConfig>;
  invoke?: InvokeConfig;
  on?: Record<string, TransitionConfig>;
  always?: TransitionConfig[];
  onDone?: TransitionConfig;
}

/** `#id` with the dots XState would read as a path escaped. */
export const targetOf = (stateId: string): string => `#${stateId.replace(/[\\.]/g, '\\$&')}`;

function describe(this: { description: Record<string, unknown> }) {
  return this.description;
}

/** Attach a printable description to a function placed in the config (JSON.stringify calls toJSON). */
export function describedFunction<F extends (...args: never[]) => unknown>(
  fn: F,
  description: Record<string, unknown>,
): F {
  return Object.assign(fn, { description, toJSON: describe });
}
