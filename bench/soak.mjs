#!/usr/bin/env node
// Soak: the built server over stdio under a long editing session on a generated workspace: random edits to an open
// multi-document file (typing, deleting, pasting, breaking and repairing YAML, `---` lines), a save now and then
// (the file written, didSave and a watcher event), other files opened and closed under new names, and a workspace
// rescan (kube-hardening.rescan) every so often. The server's RSS is sampled; after the warm-up it must not grow
// by more than the bound (median of the last quarter of samples over the median of the first quarter).
//
//   node bench/soak.mjs [--edits 10000] [--lines 1500] [--max-growth-mb 40] [--warmup 0.2] [--save-every 50] [--rescan-every 500] [--json]
//
// `npm run soak` runs the full length; the robustness test layer runs a shortened form (test/robustness/soak.test.ts).
// Exit code 0 when the bound holds, 1 when it does not, 2 when the session itself failed.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { multiDocumentFile, rng } from './corpus.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(repo, 'package.json'));
const rpc = require('vscode-languageserver-protocol/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const EDITS = arg('edits', 10_000);
const LINES = arg('lines', 1500); // of the edited file
const MAX_GROWTH_MB = arg('max-growth-mb', 40);
const WARMUP = arg('warmup', 0.2);
const SAVE_EVERY = arg('save-every', 50);
const RESCAN_EVERY = arg('rescan-every', 500);
const SAMPLE_EVERY = Math.max(10, Math.floor(EDITS / 100));
const OPEN_CLOSE_EVERY = 100;
const WAIT_EVERY = 4; // wait for the publish of every 4th version, as a typist gets one per pause
const JSON_OUT = process.argv.includes('--json');

const random = rng(2026);
const pick = (xs) => xs[Math.floor(random() * xs.length)];

// The workspace: 60 files on disk in 6 namespaces, and the file being edited.
const ws = mkdtempSync(join(tmpdir(), 'kh-soak-'));
for (let i = 0; i < 60; i++) {
  mkdirSync(join(ws, `team-${i % 6}`), { recursive: true });
  writeFileSync(join(ws, `team-${i % 6}`, `app-${i}.yaml`), multiDocumentFile(150, 100 + i));
}
const editedPath = join(ws, 'edited.yaml');
const initial = multiDocumentFile(LINES, 7);
writeFileSync(editedPath, initial);

const rssMb = (pid) => {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const child = spawn(process.execPath, [join(repo, 'server', 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
const published = new Map(); // uri → last params
const waiters = [];
let scansEnded = 0;
const errors = [];
conn.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => {
  published.set(p.uri, p);
  for (const w of [...waiters]) if (w.check()) waiters.splice(waiters.indexOf(w), 1) && w.resolve();
});
conn.onNotification('$/progress', (p) => {
  if (p.value.kind === 'end') scansEnded++;
  for (const w of [...waiters]) if (w.check()) waiters.splice(waiters.indexOf(w), 1) && w.resolve();
});
conn.onNotification('window/logMessage', (p) => {
  if (p.type === 1) errors.push(p.message);
});
conn.onNotification('kube-hardening/scanState', () => undefined);
conn.onRequest(rpc.ConfigurationRequest.type, (p) => p.items.map(() => null));
conn.onRequest(rpc.RegistrationRequest.type, () => undefined);
conn.onRequest(rpc.WorkDoneProgressCreateRequest.type, () => undefined);
conn.listen();
const until = (what, check, ms = 30_000) => new Promise((resolve, reject) => {
  if (check()) return resolve();
  const timer = setTimeout(() => reject(new Error(`soak: ${what} not within ${ms} ms`)), ms);
  waiters.push({ check, resolve: () => { clearTimeout(timer); resolve(); } });
});

/** A random edit on `doc`, as LSP changes (one or two: a break followed by its repair). */
function randomChanges(doc) {
  const text = doc.getText();
  const at = Math.floor(random() * text.length);
  const pos = doc.positionAt(at);
  const lineStart = { line: pos.line, character: 0 };
  const nextLine = { line: pos.line + 1, character: 0 };
  const r = random();
  if (r < 0.35) return [{ range: { start: pos, end: pos }, text: pick(['a', '0', ' ', 'x', ':', '-', 'e']) }]; // typing
  if (r < 0.55) {
    const end = doc.positionAt(Math.min(text.length, at + 1));
    return [{ range: { start: pos, end }, text: '' }]; // backspace
  }
  if (r < 0.65) return [{ range: { start: lineStart, end: lineStart }, text: pick(['  # a comment\n', '    securityContext:\n      privileged: true\n', '---\n', '  labels: {tier: web}\n']) }]; // a line or a paste
  if (r < 0.72) return [{ range: { start: lineStart, end: nextLine }, text: '' }]; // delete a line
  if (r < 0.82) return [{ range: { start: pos, end: pos }, text: pick([': {', '"', '[', '\t']) }]; // break (repaired later, or not)
  if (r < 0.9) {
    const word = /[A-Za-z0-9]+/.exec(text.slice(at, at + 40));
    if (!word) return [];
    const s = doc.positionAt(at + word.index);
    const e = doc.positionAt(at + word.index + word[0].length);
    return [{ range: { start: s, end: e }, text: pick(['true', 'false', 'web', 'shop', '1000']) }]; // change a value
  }
  if (r < 0.95) return [{ range: { start: doc.positionAt(0), end: doc.positionAt(text.length) }, text: initial }]; // revert to saved (a full replace)
  // A burst of three keystrokes in one notification.
  return [0, 1, 2].map((i) => ({ range: { start: doc.positionAt(at + i), end: doc.positionAt(at + i) }, text: 'k' }));
}

let exitCode = 0;
const samples = [];
const started = performance.now();
try {
  await conn.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid, rootUri: pathToFileURL(ws).toString(), workspaceFolders: [{ uri: pathToFileURL(ws).toString(), name: 'soak' }],
    capabilities: { workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await conn.sendNotification(rpc.InitializedNotification.type, {});
  await until('the first scan', () => scansEnded >= 1, 120_000);
  const uri = pathToFileURL(editedPath).toString();
  let doc = TextDocument.create(uri, 'yaml', 1, initial);
  await conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: initial } });
  await until('the first publish', () => published.get(uri)?.version === 1);
  for (let edit = 1; edit <= EDITS; edit++) {
    const changes = randomChanges(doc);
    if (changes.length > 0) {
      // Each change in the coordinates of the text before it, as a client sends a burst.
      for (const c of changes) doc = TextDocument.update(doc, [c], doc.version);
      doc = TextDocument.create(uri, 'yaml', doc.version + 1, doc.getText());
      await conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: doc.version }, contentChanges: changes });
      if (edit % WAIT_EVERY === 0) {
        const v = doc.version;
        await until(`publish of version ${v}`, () => (published.get(uri)?.version ?? 0) >= v);
      }
    }
    if (edit % SAVE_EVERY === 0) {
      writeFileSync(editedPath, doc.getText());
      await conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
      await conn.sendNotification(rpc.DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: 2 }] });
    }
    if (edit % OPEN_CLOSE_EVERY === 0) {
      // Another file under a new name each time: per-document state must leave with the document.
      const other = pathToFileURL(join(ws, `scratch-${edit}.yaml`)).toString();
      await conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri: other, languageId: 'yaml', version: 1, text: multiDocumentFile(100, edit) } });
      await until(`publish of ${other}`, () => published.get(other)?.version === 1);
      await conn.sendNotification(rpc.DidCloseTextDocumentNotification.type, { textDocument: { uri: other } });
    }
    if (edit % RESCAN_EVERY === 0) {
      const ended = scansEnded;
      await conn.sendRequest(rpc.ExecuteCommandRequest.type, { command: 'kube-hardening.rescan', arguments: [] });
      await until('the rescan', () => scansEnded > ended, 120_000);
    }
    if (edit % SAMPLE_EVERY === 0) samples.push({ edit, rssMb: rssMb(child.pid) });
  }
  await until('the last publish', () => published.get(uri)?.version === doc.version);
  await conn.sendRequest(rpc.ShutdownRequest.type);
  await conn.sendNotification(rpc.ExitNotification.type);
} catch (e) {
  errors.push(String(e.stack ?? e));
  exitCode = 2;
  child.kill();
}
conn.dispose();
rmSync(ws, { recursive: true, force: true });

const measured = samples.filter((s) => s.rssMb !== undefined);
const after = measured.filter((s) => s.edit > EDITS * WARMUP);
const quarter = Math.max(1, Math.floor(after.length / 4));
const first = median(after.slice(0, quarter).map((s) => s.rssMb));
const last = median(after.slice(-quarter).map((s) => s.rssMb));
const growthMb = last - first;
const result = {
  edits: EDITS, seconds: (performance.now() - started) / 1000, samples: measured, warmupEdits: Math.floor(EDITS * WARMUP),
  baselineMb: first, endMb: last, growthMb, maxGrowthMb: MAX_GROWTH_MB, serverErrors: errors,
  ok: exitCode === 0 && errors.length === 0 && (measured.length === 0 || growthMb <= MAX_GROWTH_MB),
  rssMeasured: measured.length > 0,
};
if (exitCode === 0 && !result.ok) exitCode = 1;
if (JSON_OUT) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  console.log(`soak: ${EDITS} edits in ${result.seconds.toFixed(1)} s; server RSS after warm-up ${first.toFixed(1)} MB → ${last.toFixed(1)} MB (growth ${growthMb.toFixed(1)} MB, bound ${MAX_GROWTH_MB} MB)`);
  if (!result.rssMeasured) console.log('soak: RSS not measurable here (/proc missing): only the session was checked');
  for (const e of errors) console.log(`soak: server error: ${e}`);
  console.log(result.ok ? 'soak: ok' : 'soak: FAILED');
}
process.exit(exitCode);
