#!/usr/bin/env node
// Keystroke latency over LSP with the built server: didOpen → first diagnostics, keystroke → diagnostics for that
// version (single-character edits at seeded random positions, one at a time), and a typing burst (keys 30 ms apart:
// the last key's latency and how many publishes were for versions already superseded). Next to the floor in the
// same run: `yaml.parseAllDocuments` of the edited document alone, and of the whole file.
//   node bench/latency.mjs [lines=5000] [edits=200]     one run on the multi-document file
// `npm run bench` (bench/run.mjs) runs this on the 5,000-line and the 2 MB file, three times, with the other parts.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { documentAround, keystrokes, multiDocumentFile } from './corpus.mjs';
import { initialized, OUR_SERVER, repo, startServer } from './lsp.mjs';
import { ms, summary, time } from './stats.mjs';

const require = createRequire(join(repo, 'package.json'));
const { parseAllDocuments } = require('yaml');

/** didOpen → the first publish for the file (for version 1 when `versioned`). */
export async function measureOpen(server, uri, text, { versioned = true } = {}) {
  const published = server.publish(uri, (p) => !versioned || p.version === 1);
  const t0 = performance.now();
  const file = await server.open(uri, text);
  const e = await published;
  // The publish's size: every publish carries all of the file's diagnostics, so it is paid on every keystroke.
  return { file, ms: e.at - t0, diagnostics: e.params.diagnostics.length, publishKb: JSON.stringify(e.params).length / 1024 };
}

/**
 * Keystroke → publishDiagnostics, one edit at a time: each edit is sent, then the benchmark waits for the publish
 * for its version (`versioned`) or, from a server that publishes without versions, for the next publish for the
 * file. With `baseline`, also times parsing the edited document alone after each edit (between edits, untimed by
 * the server's clock).
 */
export async function measureKeystrokes(file, edits, { versioned = true, baseline = true } = {}) {
  const latencies = [];
  const docs = [];
  let lastPublish;
  for (const edit of edits) {
    const expected = file.doc.version + 1;
    const published = file.server.publish(file.uri, (p) => (versioned ? p.version === expected : p.version == null || p.version >= expected));
    const { sentAt } = await file.type(edit);
    const e = await published;
    latencies.push(e.at - sentAt);
    lastPublish = e.params;
    // The edited document is kept; it is parsed after the loop, so the baseline's garbage is not collected
    // during the next measured keystroke.
    if (baseline) docs.push(documentAround(file.text, edit.offset));
  }
  const docParse = docs.map((doc) => time(() => parseAllDocuments(doc)));
  return { latencies, docParse, publishCodec: baseline && lastPublish ? publishCodec(lastPublish) : [] };
}

/**
 * The framing cost of one publish of this size, paid by any server and client pair: JSON-encoding the message to
 * UTF-8 and decoding it back (in this process, after a warm-up), per run.
 */
export function publishCodec(params, runs = 20) {
  const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params };
  const once = () => JSON.parse(Buffer.from(JSON.stringify(message), 'utf8').toString('utf8'));
  for (let i = 0; i < 5; i++) once();
  return Array.from({ length: runs }, () => time(once));
}

const sleepUntil = (t) => new Promise((resolve) => setTimeout(resolve, Math.max(0, t - performance.now())));

/**
 * A typing burst: the edits sent `spacingMs` apart without waiting for diagnostics (the typing rhythm is the
 * scenario, the only timed wait here). Returns the latency of the last key (its send → the publish for its
 * version), how many publishes came, and how many were stale: for a version the client had already replaced when
 * the publish arrived.
 */
export async function measureBurst(file, edits, spacingMs = 30) {
  const publishes = [];
  const stop = file.server.onPublish((e) => {
    if (e.params.uri === file.uri) publishes.push({ version: e.params.version, current: file.doc.version });
  });
  const lastVersion = file.doc.version + edits.length;
  const last = file.server.publish(file.uri, (p) => p.version === lastVersion);
  const t0 = performance.now();
  let lastSentAt;
  for (let i = 0; i < edits.length; i++) {
    await sleepUntil(t0 + i * spacingMs);
    lastSentAt = (await file.type(edits[i])).sentAt;
  }
  const lastKeyMs = (await last).at - lastSentAt;
  stop();
  return { keys: edits.length, lastKeyMs, publishes: publishes.length, stale: publishes.filter((p) => p.version < p.current).length };
}

/** Round trips of a request the server does not know (after ten to warm up): the cost of LSP framing alone. */
export async function measureFraming(server, count = 50) {
  for (let i = 0; i < 10; i++) await server.roundTrip();
  const out = [];
  for (let i = 0; i < count; i++) out.push(await server.roundTrip());
  return out;
}

/** `yaml.parseAllDocuments` of the whole text, `runs` times after one untimed run (the parser warmed, as the server's is). */
export function wholeFileParse(text, runs) {
  parseAllDocuments(text);
  return Array.from({ length: runs }, () => time(() => parseAllDocuments(text)));
}

/**
 * The keystroke suite on one fresh server: spawn → initialize and framing first; then for each file
 * `{ name, text, edits, burstKeys }`: didOpen, the edits, a burst, and a second didOpen of the same text under
 * another name (the server warm by then). No workspace folder: the files are judged on their own.
 */
export async function keystrokeSuite(files, { framingCount = 50 } = {}) {
  const server = await startServer(OUR_SERVER);
  await initialized(server);
  const result = { spawnToInit: server.spawnToInit, framing: await measureFraming(server, framingCount), files: {} };
  for (const f of files) {
    const uri = pathToFileURL(join(repo, `bench-${f.name}.yaml`)).toString(); // never on disk: the buffer is all there is
    const opened = await measureOpen(server, uri, f.text);
    const keys = await measureKeystrokes(opened.file, f.edits);
    const burst = await measureBurst(opened.file, keystrokes(opened.file.text, f.burstKeys, 99));
    await opened.file.close();
    const again = await measureOpen(server, uri.replace(/\.yaml$/, '-again.yaml'), f.text);
    await again.file.close();
    result.files[f.name] = {
      open: opened.ms, reopen: again.ms, diagnostics: opened.diagnostics, publishKb: opened.publishKb, keystroke: keys.latencies, docParse: keys.docParse,
      publishCodec: keys.publishCodec, burst,
    };
  }
  result.errors = server.errors;
  await server.shutdown();
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const lines = Number(process.argv[2] ?? 5000);
  const editCount = Number(process.argv[3] ?? 200);
  const text = multiDocumentFile(lines);
  const r = await keystrokeSuite([{ name: 'latency', text, edits: keystrokes(text, editCount), burstKeys: 20 }]);
  const f = r.files.latency;
  const k = summary(f.keystroke);
  const d = summary(f.docParse);
  const whole = summary(wholeFileParse(text, 20));
  const framing = summary(r.framing);
  const codec = summary(f.publishCodec);
  console.log(`file: ${text.split('\n').length} lines, ${f.diagnostics} diagnostics (a publish: ${f.publishKb.toFixed(0)} KB of JSON)`);
  console.log(`spawn → initialize response: ${ms(r.spawnToInit)}; framing round trip p50 ${ms(framing.p50)}; encode + decode of a publish p50 ${ms(codec.p50)}`);
  console.log(`didOpen → first diagnostics: ${ms(f.open)} (again, warm: ${ms(f.reopen)}); whole-file parse p50 ${ms(whole.p50)}; ratio ${(f.open / whole.p50).toFixed(2)}×`);
  console.log(`keystroke → diagnostics (${editCount} edits): p50 ${ms(k.p50)}, p95 ${ms(k.p95)}, max ${ms(k.max)}`);
  console.log(`floor, parse of the edited document alone: p50 ${ms(d.p50)}, p95 ${ms(d.p95)}; ratio p95 ${(k.p95 / (d.p95 + framing.p50 + codec.p50)).toFixed(2)}× (with framing: round trip + the publish's encode/decode)`);
  console.log(`burst of ${f.burst.keys} keys 30 ms apart: last key ${ms(f.burst.lastKeyMs)}, ${f.burst.publishes} publishes, ${f.burst.stale} for superseded versions`);
  for (const e of r.errors) console.log(`server error: ${e}`);
}
