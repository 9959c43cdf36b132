// A worker thread of the workspace scan: reads one file, checks it cheaply, lints it with the engine and sends
// back only what the index keeps (facts, local findings without fixes, line starts). The language server's own
// thread stays free for typing while the workers use the other cores; no text or syntax tree crosses back.
import { readFile, stat } from 'node:fs/promises';
import { format } from 'node:util';
import { parentPort } from 'node:worker_threads';
import { indexEntryOf } from './index-entry.js';
import type { ScanRequest, ScanResult } from './scan-protocol.js';
import { looksLikeKubernetes } from './scan.js';

// A worker's stdout is the server's, which carries the protocol: anything a library might print goes to stderr.
for (const name of ['log', 'info', 'debug', 'trace', 'dir', 'table'] as const) {
  console[name] = (...args: unknown[]) => process.stderr.write(`${format(...args)}\n`);
}

async function check(request: ScanRequest): Promise<ScanResult> {
  const { id, path, uri, maxBytes, options } = request;
  let text: string;
  try {
    const size = (await stat(path)).size;
    if (size > maxBytes) return { id, kind: 'too-large', size };
    text = await readFile(path, 'utf8');
  } catch {
    return { id, kind: 'unreadable' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!looksLikeKubernetes(text)) return { id, kind: 'not-kubernetes' };
  return { id, kind: 'linted', ...indexEntryOf(text, uri, options) };
}

parentPort?.on('message', (request: ScanRequest) => {
  void check(request).then(
    (result) => parentPort!.postMessage(result, result.kind === 'linted' ? [result.lineStarts.buffer as ArrayBuffer] : []),
    (e: unknown) => parentPort!.postMessage({ id: request.id, kind: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies ScanResult),
  );
});
