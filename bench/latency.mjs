#!/usr/bin/env node
// Measures, over LSP with the built server: didOpen → first diagnostics, and keystroke → diagnostics for that
// version, on a generated multi-document file; next to the floor of parsing the edited document alone and the
// whole file with the `yaml` package. Usage: node bench/latency.mjs [lines=5000] [edits=200]
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { multiDocumentFile, rng } from './corpus.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(repo, 'package.json'));
const rpc = require('vscode-languageserver-protocol/node');
const { parseAllDocuments } = require('yaml');
const { splitDocuments } = require(join(repo, 'shared-rules', 'out', 'index.js'));
const { TextDocument } = require('vscode-languageserver-textdocument');

const lines = Number(process.argv[2] ?? 5000);
const editCount = Number(process.argv[3] ?? 200);
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
const ms = (x) => `${x.toFixed(2)} ms`;

const text = multiDocumentFile(lines);
const child = spawn(process.execPath, [join(repo, 'server', 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
const waiting = new Map();
conn.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => { const w = waiting.get(p.version); if (w) { waiting.delete(p.version); w(p); } });
conn.onRequest(rpc.ConfigurationRequest.type, (p) => p.items.map(() => ({})));
conn.listen();
const t0 = performance.now();
await conn.sendRequest(rpc.InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
const spawnToInit = performance.now() - t0;
await conn.sendNotification(rpc.InitializedNotification.type, {});
const uri = pathToFileURL(join(repo, 'bench-file.yaml')).toString();
const published = (version) => new Promise((r) => waiting.set(version, r));

let doc = TextDocument.create(uri, 'yaml', 1, text);
let p = published(1);
let t = performance.now();
await conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
const first = await p;
const openMs = performance.now() - t;

const random = rng(7);
const keystroke = [];
const floorDoc = [];
for (let v = 2; v < 2 + editCount; v++) {
  const offset = Math.floor(random() * doc.getText().length);
  const pos = doc.positionAt(offset);
  // Insert a space before the end of a line: keeps YAML valid in most places (a realistic "edit a value").
  const lineEnd = doc.offsetAt({ line: pos.line + 1, character: 0 }) - 1;
  const at = doc.positionAt(Math.max(lineEnd, 0));
  const change = { range: { start: at, end: at }, text: '0' };
  doc = TextDocument.update(doc, [change], v);
  p = published(v);
  t = performance.now();
  await conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: [change] });
  await p;
  keystroke.push(performance.now() - t);
  const cur = doc.getText();
  const off = doc.offsetAt(at);
  const seg = splitDocuments(cur).find((s) => s.start <= off && off <= s.end);
  const s0 = performance.now();
  parseAllDocuments(cur.slice(seg.start, seg.end));
  floorDoc.push(performance.now() - s0);
}
const whole = [];
for (let i = 0; i < 20; i++) { const s0 = performance.now(); parseAllDocuments(doc.getText()); whole.push(performance.now() - s0); }

console.log(`file: ${text.split('\n').length} lines, ${splitDocuments(text).length} documents, ${first.diagnostics.length} diagnostics`);
console.log(`spawn → initialize response: ${ms(spawnToInit)}`);
console.log(`didOpen → first diagnostics: ${ms(openMs)}   (floor: whole-file parse p50 ${ms(pct(whole, 50))}; ratio ${(openMs / pct(whole, 50)).toFixed(2)}×)`);
console.log(`keystroke → diagnostics (${editCount} edits): p50 ${ms(pct(keystroke, 50))}, p95 ${ms(pct(keystroke, 95))}, max ${ms(Math.max(...keystroke))}`);
console.log(`floor, parse of the edited document alone: p50 ${ms(pct(floorDoc, 50))}, p95 ${ms(pct(floorDoc, 95))}; ratio p95 ${(pct(keystroke, 95) / pct(floorDoc, 95)).toFixed(2)}×`);
await conn.sendRequest(rpc.ShutdownRequest.type);
await conn.sendNotification(rpc.ExitNotification.type);
conn.dispose();
