#!/usr/bin/env node
// Measures the workspace scan over LSP with the built server: wall time from `initialized` to the end of the
// scan's progress, files per second, the server's peak RSS and its RSS once settled, on a generated workspace of
// N files (about 20% of them non-Kubernetes YAML) or on a folder given. Baseline in the same run: a single-threaded
// `yaml.parseAllDocuments` over the same files. Usage: node bench/scan.mjs [files=2000 | folder]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { multiDocumentFile, rng } from './corpus.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(repo, 'package.json'));
const rpc = require('vscode-languageserver-protocol/node');
const { parseAllDocuments } = require('yaml');

/** A deterministic workspace: `count` files of 50–300 lines, one in five not Kubernetes. */
export function generateWorkspace(dir, count, seed = 11) {
  const random = rng(seed);
  for (let i = 0; i < count; i++) {
    const sub = join(dir, `team-${i % 20}`, i % 3 === 0 ? 'base' : 'overlays');
    mkdirSync(sub, { recursive: true });
    if (random() < 0.2) {
      writeFileSync(join(sub, `values-${i}.yaml`), Array.from({ length: 50 + Math.floor(random() * 100) }, (_, k) => `key${k}: value-${i}-${k}`).join('\n'));
    } else {
      writeFileSync(join(sub, `app-${i}.yaml`), multiDocumentFile(50 + Math.floor(random() * 250), seed + i));
    }
  }
}

function yamlFiles(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out;
}

function rssKb(pid, field) {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

export async function measureScan(folder) {
  const files = yamlFiles(folder);
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const t0 = performance.now();
  for (const f of files) parseAllDocuments(readFileSync(f, 'utf8'));
  const parseAll = performance.now() - t0;

  const child = spawn(process.execPath, [join(repo, 'server', 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  let ended;
  const done = new Promise((r) => (ended = r));
  let published = 0;
  conn.onNotification(rpc.PublishDiagnosticsNotification.type, () => published++);
  conn.onNotification('$/progress', (p) => { if (p.value.kind === 'end') ended(); });
  conn.onRequest(rpc.WorkDoneProgressCreateRequest.type, () => undefined);
  conn.onRequest(rpc.ConfigurationRequest.type, (p) => p.items.map(() => null));
  conn.onRequest(rpc.RegistrationRequest.type, () => undefined);
  conn.listen();
  const uri = pathToFileURL(folder).toString();
  await conn.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'bench' }],
    capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true } },
  });
  const start = performance.now();
  await conn.sendNotification(rpc.InitializedNotification.type, {});
  await done;
  const wall = performance.now() - start;
  const peak = rssKb(child.pid, 'VmHWM');
  global.gc?.();
  await new Promise((r) => setTimeout(r, 500)); // let the server settle before sampling its resident set
  const settled = rssKb(child.pid, 'VmRSS');
  await conn.sendRequest(rpc.ShutdownRequest.type);
  await conn.sendNotification(rpc.ExitNotification.type);
  conn.dispose();
  return { files: files.length, mb: bytes / 1024 / 1024, wall, parseAll, published, peakMb: peak / 1024, settledMb: settled / 1024 };
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
  const r = await measureScan(folder);
  console.log(`workspace: ${r.files} YAML files, ${r.mb.toFixed(1)} MB; ${r.published} files published`);
  console.log(`scan wall time: ${r.wall.toFixed(0)} ms (${(r.files / (r.wall / 1000)).toFixed(0)} files/s); baseline single-threaded parseAllDocuments: ${r.parseAll.toFixed(0)} ms; ratio ${(r.wall / r.parseAll).toFixed(2)}×`);
  console.log(`server RSS: peak ${r.peakMb.toFixed(0)} MB, settled ${r.settledMb.toFixed(0)} MB`);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}
