// Tells a controlled editor's own changes coming back as props (possibly late, possibly batched) from changes made
// elsewhere, so a late echo never writes an older text over what was typed since.

/** Emitted values not yet seen back; more than this means the parent is not echoing, and the oldest are dropped. */
const maxPending = 100;

/**
 * @example
 * const echoes = createEchoFilter();
 * echoes.emitted('a'); echoes.emitted('ab');
 * echoes.isEcho('a');   // true: a late echo of our own change — keep the editor's 'ab'
 * echoes.isEcho('xyz'); // false: a change from elsewhere (undo, JSON view) — show it
 */
export function createEchoFilter() {
  let pending: string[] = [];
  return {
    /** The editor sent `value` to its parent. */
    emitted(value: string): void {
      pending.push(value);
      if (pending.length > maxPending) pending = pending.slice(-maxPending);
    },
    /** `value` arrived as a prop: true when it is one of ours (it and everything sent before it are then settled). */
    isEcho(value: string): boolean {
      const index = pending.indexOf(value);
      if (index < 0) {
        pending = [];
        return false;
      }
      pending = pending.slice(index + 1);
      return true;
    },
  };
}
