// Preloaded into a server whose resident set the benchmark measures (node --expose-gc --require bench/gc-hook.cjs):
// on SIGUSR2, a full garbage collection, then the process's memory usage as one JSON line on fd 3. The benchmark then
// tells what the server keeps (the JS heap in use after the GC) from what the process holds (its RSS). The server
// itself never sees the signal.
const { writeSync } = require('node:fs');

process.on('SIGUSR2', () => {
  global.gc();
  writeSync(3, `${JSON.stringify(process.memoryUsage())}\n`);
});
