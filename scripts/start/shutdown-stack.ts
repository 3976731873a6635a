// What `npm start` holds (lock, port, database, Next, co-hosted services), released in reverse order on SIGINT/SIGTERM or failure.

export class ShutdownStack {
  private readonly steps: { name: string; run: () => Promise<void> | void }[] = [];

  /** Registers how to release something just acquired; released last-in, first-out. */
  add(name: string, run: () => Promise<void> | void): void {
    this.steps.push({ name, run });
  }

  /** Releases everything; a step that fails is reported and the rest still run. Returns false if any failed. */
  async unwind(): Promise<boolean> {
    let clean = true;
    while (this.steps.length > 0) {
      const step = this.steps.pop()!;
      try {
        await step.run();
      } catch (error) {
        clean = false;
        console.error(`Stopping ${step.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return clean;
  }
}
