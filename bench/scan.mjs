#!/usr/bin/env node
// The workspace scan over LSP with the built server: wall time from `initialized` to the end of the scan's progress
// (every file checked and published), throughput, the server's peak RSS and its RSS once the scan is over (idle,
// then after a full GC). Baseline in the same run: a single-threaded `yaml.parseAllDocuments` over the same files.
// Also: keystroke latency on an open file while the server scans, against the same server idle afterwards.
//   node bench/scan.mjs [files=2000 | folder]
// `npm run bench` (bench/run.mjs) runs this three times with the other parts.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateWorkspace } from './corpus.mjs';
import { measureKeystrokes, measureOpen } from './latency.mjs';
import { initialized, OUR_SERVER, repo, rpc, startServer } from './lsp.mjs';
import { ms, summary, time } from './stats.mjs';

export { generateWorkspace };

const require = createRequire(join(repo, 'package.json'));
const { parseAllDocuments } = require('yaml');
const RESCAN_COMMAND = 'kube-hardening.rescan';

export function yamlFiles(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Reads and parses every YAML file in one thread: the wall time, and the sum of the parse times alone. */
export function parseWorkspace(files) {
  let parseSum = 0;
  let bytes = 0;
  const t0 = performance.now();
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    bytes += Buffer.byteLength(text);
    parseSum += time(() => parseAllDocuments(text));
  }
  return { wall: performance.now() - t0, parseSum, files: files.length, mb: bytes / 1024 / 1024 };
}

/** A fresh server on `folder`: resolves once initialized, before the scan `initialized` starts. */
function serverOn(folder, options = {}) {
  return startServer(OUR_SERVER, { folder: pathToFileURL(folder).toString(), ...options });
}

/**
 * The scan of `folder` by a fresh server: wall time from `initialized` to the end of its progress, files published,
 * the peak RSS then (VmHWM), the RSS once idle (after a round trip: every message before it handled), and after a
 * full GC in the server both its RSS and its JS heap in use (what it keeps).
 */
export async function measureScan(folder) {
  const server = await serverOn(folder, { gcHook: true });
  let published = 0;
  server.onPublish(() => published++);
  const start = performance.now();
  await initialized(server);
  await server.until('the end of the scan', () => server.scansEnded >= 1);
  const wall = performance.now() - start;
  const peakMb = server.rssMb('VmHWM');
  await server.until('the scan state "done"', () => !server.scanning);
  await server.roundTrip();
  const idleMb = server.rssMb('VmRSS');
  const usage = await server.collectGarbage();
  const gcMb = server.rssMb('VmRSS');
  const heapMb = usage ? usage.heapUsed / 1024 / 1024 : NaN;
  const errors = server.errors;
  await server.shutdown();
  return { wall, published, peakMb, idleMb, gcMb, heapMb, errors };
}

/** Starts a rescan unless one is running; resolves once the server says it is scanning. */
async function ensureScanning(server) {
  if (server.scanning) return false;
  const started = server.next('a rescan to start', (e) => e.kind === 'scanState' && e.params.scanning);
  await server.conn.sendRequest(rpc.ExecuteCommandRequest.type, { command: RESCAN_COMMAND, arguments: [] });
  await started;
  return true;
}

/**
 * Keystroke → diagnostics on an open file of `folder` while the server scans it (a rescan starts whenever a scan
 * ends before `count` edits were measured; an edit whose round trip saw the scan end is not counted), then the same
 * number of edits once the scan is over, the server idle: same server, same file, same workspace.
 */
export async function measureTypingDuringScan(folder, text, edits, count) {
  const server = await serverOn(folder);
  await initialized(server);
  await server.until('the scan to start', () => server.scanning);
  const uri = pathToFileURL(join(folder, 'edited', 'open-in-editor.yaml')).toString(); // in the folder, not on disk
  const { file } = await measureOpen(server, uri, text);
  const during = [];
  let rescans = 0;
  let next = 0;
  while (during.length < count && next < edits.length - count) {
    if (await ensureScanning(server)) rescans++;
    const states = server.scanStates;
    const { latencies } = await measureKeystrokes(file, [edits[next++]], { baseline: false });
    if (server.scanStates === states && server.scanning) during.push(latencies[0]);
  }
  await server.until('the end of the scan', () => !server.scanning);
  await server.roundTrip();
  const idle = (await measureKeystrokes(file, edits.slice(next, next + count), { baseline: false })).latencies;
  const errors = server.errors;
  await server.shutdown();
  return { during, idle, rescans, errors };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = process.argv[2] ?? '2000';
  let folder = arg;
  let tmp;
  if (/^\d+$/.test(arg)) {
    tmp = mkdtempSync(join(tmpdir(), 'kh-scan-'));
    generateWorkspace(tmp, Number(arg));
    folder = tmp;
  }
  const files = yamlFiles(folder);
  const base = parseWorkspace(files);
  const r = await measureScan(folder);
  console.log(`workspace: ${files.length} YAML files, ${base.mb.toFixed(1)} MB; ${r.published} publishes`);
  console.log(`scan wall time: ${ms(r.wall)} (${(files.length / (r.wall / 1000)).toFixed(0)} files/s, ${(base.mb / (r.wall / 1000)).toFixed(2)} MB/s)`);
  console.log(`baseline, single-threaded read + parseAllDocuments: wall ${ms(base.wall)} (parse alone ${ms(base.parseSum)}); ratio ${(r.wall / base.wall).toFixed(2)}×`);
  console.log(`server RSS: peak ${r.peakMb.toFixed(0)} MB, after the scan ${r.idleMb.toFixed(0)} MB, after a full GC ${r.gcMb.toFixed(0)} MB (JS heap in use ${r.heapMb.toFixed(0)} MB)`);
  for (const e of r.errors) console.log(`server error: ${e}`);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}
