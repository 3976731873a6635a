// Preloaded by bench/cli.ts into every process it times (bare node too): prints the process's own CPU time at exit.

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\ncallflow-bench-cpu-us ${user + system}\n`);
});
