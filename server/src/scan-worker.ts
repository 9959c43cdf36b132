// A worker thread of the workspace scan: reads one file, checks it cheaply, lints it with the engine and sends
// back only what the index keeps (facts, local findings without fixes, line starts). The language server's own
// thread stays free for typing while the workers use the other cores; no text or syntax tree crosses back.
import { format } from 'node:util';
import { parentPort } from 'node:worker_threads';
import { checkFile } from './index-entry.js';
import type { ScanRequest, ScanResult } from './scan-protocol.js';

// A worker's stdout is the server's, which carries the protocol: anything a library might print goes to stderr.
for (const name of ['log', 'info', 'debug', 'trace', 'dir', 'table'] as const) {
  console[name] = (...args: unknown[]) => process.stderr.write(`${format(...args)}\n`);
}

parentPort?.on('message', (request: ScanRequest) => {
  void checkFile(request.path, request.uri, request.maxBytes, request.options).then(
    (check) => {
      const result: ScanResult = { id: request.id, ...check };
      parentPort!.postMessage(result, result.kind === 'linted' ? [result.lineStarts.buffer as ArrayBuffer] : []);
    },
    (e: unknown) => parentPort!.postMessage({ id: request.id, kind: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies ScanResult),
  );
});
