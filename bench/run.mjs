#!/usr/bin/env node
// `npm run bench`: the whole benchmark suite, each part repeated (three times by default), printed as one table of
// figures next to their baselines from the same run, with the targets marked ✓ or ✗.
//   keystroke → diagnostics (one edit at a time, and a burst) and didOpen → diagnostics on a 5,000-line
//     multi-document file and a 2 MB operator bundle of large CRDs            bench/latency.mjs
//   the same keystrokes against yaml-language-server                          bench/yamlls.mjs
//   the scan of a 2,000-file workspace (wall, throughput, RSS), and typing while it runs   bench/scan.mjs
//   server spawn → initialize response
// Baselines: `yaml.parseAllDocuments` of the edited document alone and of the whole file, over the whole workspace
// (one thread), LSP framing (a round trip of a request the server does not know), yaml-language-server.
//
//   node bench/run.mjs [--smoke] [--repeats N] [--json [file]]
//     --smoke   tiny sizes (300 lines, 20 edits, 40 files, a small CRD file, one repeat): a check that it all runs
//     --json    the results as JSON: to `file`, or to stdout (the table then goes to stderr)
// Expects a build (npm run build): it runs a copy of server/dist taken at the start (a rebuild meanwhile changes nothing).
// The last line gives the machine's load average before and after: a busy machine makes every figure worse.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { crdBundleFile, generateWorkspace, keystrokes, multiDocumentFile } from './corpus.mjs';
import { keystrokeSuite, wholeFileParse } from './latency.mjs';
import { OUR_SERVER, useServerCopy } from './lsp.mjs';
import { measureScan, measureTypingDuringScan, parseWorkspace, yamlFiles } from './scan.mjs';
import { median, ms, summary } from './stats.mjs';
import { hasYamlLanguageServer, yamlLanguageServerSuite } from './yamlls.mjs';

const SIZES = {
  full: { lines: 5000, edits: 200, crdBytes: 2_000_000, crdLines: 6000, files: 2000, repeats: 3, burstKeys: 20, framing: 50, wholeRuns: 20, wholeRunsLarge: 5 },
  smoke: { lines: 300, edits: 20, crdBytes: 120_000, crdLines: 1500, files: 40, repeats: 1, burstKeys: 20, framing: 20, wholeRuns: 5, wholeRunsLarge: 3 },
};

function options(argv) {
  const smoke = argv.includes('--smoke');
  const sizes = { ...SIZES[smoke ? 'smoke' : 'full'] };
  const r = argv.indexOf('--repeats');
  if (r > 0) sizes.repeats = Number(argv[r + 1]);
  const j = argv.indexOf('--json');
  const jsonPath = j > 0 && argv[j + 1] && !argv[j + 1].startsWith('--') ? argv[j + 1] : undefined;
  return { smoke, sizes, json: j > 0, jsonPath };
}

const opts = options(process.argv.slice(2));
// With JSON on stdout, everything for people goes to stderr.
const out = opts.json && !opts.jsonPath ? (s) => process.stderr.write(`${s}\n`) : (s) => process.stdout.write(`${s}\n`);
const progress = (s) => process.stderr.write(`bench: ${s}\n`);

/** The inputs, generated from fixed seeds: every repeat and every server sees the same text and the same edits. */
function corpora(sizes) {
  const multi = multiDocumentFile(sizes.lines);
  const crd = crdBundleFile(sizes.crdBytes, 5, { crdLines: sizes.crdLines });
  const folder = mkdtempSync(join(tmpdir(), 'kh-bench-'));
  generateWorkspace(folder, sizes.files);
  return {
    multi: { name: 'multi', text: multi, edits: keystrokes(multi, sizes.edits, 7), burstKeys: sizes.burstKeys },
    crd: { name: 'crd', text: crd, edits: keystrokes(crd, sizes.edits, 8), burstKeys: sizes.burstKeys },
    folder,
    files: yamlFiles(folder),
  };
}

/** Per-file figures of the keystroke suite plus the parse baselines. */
function fileMetrics(f, whole) {
  const k = summary(f.keystroke);
  const d = summary(f.docParse);
  const codec = summary(f.publishCodec);
  return {
    p50: k.p50, p95: k.p95, max: k.max, docP50: d.p50, docP95: d.p95, codecP50: codec.p50, wholeP50: whole.p50, wholeP95: whole.p95,
    open: f.open, reopen: f.reopen, diagnostics: f.diagnostics, publishKb: f.publishKb, burstLast: f.burst.lastKeyMs, burstPublishes: f.burst.publishes, burstStale: f.burst.stale,
  };
}

async function keystrokePart(c, sizes) {
  progress('keystrokes and didOpen, our server');
  const r = await keystrokeSuite([c.multi, c.crd], { framingCount: sizes.framing });
  progress('whole-file parse baselines');
  const multi = fileMetrics(r.files.multi, summary(wholeFileParse(c.multi.text, sizes.wholeRuns)));
  const crd = fileMetrics(r.files.crd, summary(wholeFileParse(c.crd.text, sizes.wholeRunsLarge)));
  const framing = summary(r.framing);
  return { spawnInit: r.spawnToInit, framingP50: framing.p50, framingP95: framing.p95, multi, crd, errors: r.errors };
}

async function yamlLsPart(c) {
  if (!hasYamlLanguageServer()) return undefined;
  progress('keystrokes, yaml-language-server');
  const r = await yamlLanguageServerSuite(c.multi.text, c.multi.edits);
  const k = summary(r.keystroke);
  return { p50: k.p50, p95: k.p95, max: k.max, open: r.open, spawnInit: r.spawnToInit };
}

async function scanPart(c, sizes) {
  progress(`workspace baseline: one-thread parse of ${c.files.length} files`);
  const base = parseWorkspace(c.files);
  progress('workspace scan, our server');
  const s = await measureScan(c.folder);
  progress('keystrokes during a scan');
  const t = await measureTypingDuringScan(c.folder, c.multi.text, keystrokes(c.multi.text, sizes.edits * 4, 13), sizes.edits);
  const during = summary(t.during);
  const idle = summary(t.idle);
  return {
    scan: { wall: s.wall, filesPerS: base.files / (s.wall / 1000), mbPerS: base.mb / (s.wall / 1000), peakMb: s.peakMb, idleMb: s.idleMb, gcMb: s.gcMb, heapMb: s.heapMb, published: s.published },
    base: { wall: base.wall, parseSum: base.parseSum, filesPerS: base.files / (base.wall / 1000), mbPerS: base.mb / (base.wall / 1000), files: base.files, mb: base.mb },
    during: { p50: during.p50, p95: during.p95, n: during.n, rescans: t.rescans },
    duringIdle: { p50: idle.p50, p95: idle.p95, n: idle.n },
    errors: [...s.errors, ...t.errors],
  };
}

async function repeat(i, c, sizes) {
  progress(`repeat ${i + 1} of ${sizes.repeats}`);
  const keys = await keystrokePart(c, sizes);
  const yamlls = await yamlLsPart(c);
  const scan = await scanPart(c, sizes);
  return { ...keys, yamlls, ...scan, errors: [...keys.errors, ...scan.errors] };
}

// ---- the report ----

const get = (obj, path) => path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);

/** The median over the repeats of a figure, and the figure of each repeat. */
function figure(reps, path) {
  const values = reps.map((r) => get(r, path) ?? NaN);
  return { value: median(values), values };
}

function fmt(x, unit) {
  if (!Number.isFinite(x)) return 'n/a';
  if (unit === 'ms') return ms(x);
  if (unit === 'MB') return `${x.toFixed(0)} MB`;
  if (unit === 'count') return `${x}`;
  return `${x >= 100 ? x.toFixed(0) : x.toFixed(2)} ${unit}`;
}

const ratioText = (r) => (Number.isFinite(r) ? `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×` : 'n/a');

/** The table's rows: each figure (median of the repeats), its baseline, their ratio and the target. */
function rows(reps, names) {
  const m = (path) => figure(reps, path).value;
  const { L, C, F } = names;
  // The floor of a keystroke: parsing the edited document, plus LSP framing: a round trip, and encoding and
  // decoding the publish (every publish carries all of the file's diagnostics, whoever the server).
  const parse = (file, p) => m(`${file}.doc${p}`) + m('framingP50') + m(`${file}.codecP50`);
  const row = (measure, path, unit, extra = {}) => ({ measure, path, unit, ...figure(reps, path), ...extra });
  const versus = (label, value, target, pass) => ({ baseline: label, baselineValue: value, target, pass });
  return [
    row('spawn → initialize response', 'spawnInit', 'ms', { target: '≤ 150 ms', pass: (v) => v <= 150 }),
    row('LSP framing: round trip of an unknown request, p50', 'framingP50', 'ms'),
    row(`LSP framing: encode + decode of one publish, ${L}, p50`, 'multi.codecP50', 'ms'),
    row(`LSP framing: encode + decode of one publish, ${C}, p50`, 'crd.codecP50', 'ms'),
    row(`keystroke → diagnostics p50, ${L}`, 'multi.p50', 'ms', versus('edited-doc parse p50 + framing', parse('multi', 'P50'))),
    row(`keystroke → diagnostics p95, ${L}`, 'multi.p95', 'ms', versus('edited-doc parse p95 + framing', parse('multi', 'P95'), '≤ 2× and ≤ 10 ms', (v, b) => v <= 2 * b && v <= 10)),
    row(`keystroke → diagnostics max, ${L}`, 'multi.max', 'ms'),
    row(`keystroke → diagnostics p50, ${L}, vs yaml-language-server`, 'multi.p50', 'ms', { ...versus('yaml-language-server p50', m('yamlls.p50'), '≥ 25× faster', (v, b) => b / v >= 25), speedup: true }),
    row(`keystroke → diagnostics p50, ${C}`, 'crd.p50', 'ms', versus('edited-doc parse p50 + framing', parse('crd', 'P50'))),
    row(`keystroke → diagnostics p95, ${C}`, 'crd.p95', 'ms', versus('edited-doc parse p95 + framing', parse('crd', 'P95'), '≤ 2×', (v, b) => v <= 2 * b)),
    row(`keystroke → diagnostics max, ${C}`, 'crd.max', 'ms'),
    row(`burst (keys 30 ms apart), ${L}: last key`, 'multi.burstLast', 'ms', versus('keystroke p50, one at a time', m('multi.p50'))),
    row(`burst, ${L}: publishes for superseded versions`, 'multi.burstStale', 'count', { target: '0', pass: (v, b, values) => values.every((x) => x === 0) }),
    row(`burst (keys 30 ms apart), ${C}: last key`, 'crd.burstLast', 'ms', versus('keystroke p50, one at a time', m('crd.p50'))),
    row(`burst, ${C}: publishes for superseded versions`, 'crd.burstStale', 'count', { target: '0', pass: (v, b, values) => values.every((x) => x === 0) }),
    row(`didOpen → diagnostics, ${L}, first file (cold server)`, 'multi.open', 'ms', versus('whole-file parse p50', m('multi.wholeP50'), '≤ 1.5×', (v, b) => v <= 1.5 * b)),
    row(`didOpen → diagnostics, ${L}, warm server`, 'multi.reopen', 'ms', versus('whole-file parse p50', m('multi.wholeP50'), '≤ 1.5×', (v, b) => v <= 1.5 * b)),
    row(`didOpen → diagnostics, ${C}`, 'crd.open', 'ms', versus('whole-file parse p50', m('crd.wholeP50'))),
    row(`workspace scan wall, ${F}`, 'scan.wall', 'ms', versus('1-thread read + parseAllDocuments', m('base.wall'), '≤ 1.0×', (v, b) => v <= b)),
    row('workspace scan throughput', 'scan.filesPerS', 'files/s', versus('1-thread read + parse', m('base.filesPerS'))),
    row('workspace scan throughput', 'scan.mbPerS', 'MB/s', versus('1-thread read + parse', m('base.mbPerS'))),
    row('server RSS, peak during the scan (VmHWM)', 'scan.peakMb', 'MB'),
    row('server RSS after the scan, idle', 'scan.idleMb', 'MB', { target: '≤ 150 MB', pass: (v) => v <= 150 }),
    row('server RSS after the scan and a full GC', 'scan.gcMb', 'MB'),
    row('server JS heap in use after the scan and a full GC', 'scan.heapMb', 'MB'),
    row(`keystroke → diagnostics p95, ${L}, during the scan`, 'during.p95', 'ms', versus('same server idle after the scan, p95', m('duringIdle.p95'), '≤ 3×', (v, b) => v <= 3 * b)),
  ].map(judge);
}

/** Ratio and verdict of a row (on the medians; n/a when a figure is missing). */
function judge(r) {
  const b = r.baselineValue;
  const ratio = b === undefined ? undefined : r.speedup ? b / r.value : r.value / b;
  const known = Number.isFinite(r.value) && (b === undefined || Number.isFinite(b));
  const pass = r.pass && known ? r.pass(r.value, b, r.values) : undefined;
  return { ...r, ratio, passed: pass, pass: undefined };
}

function cells(r, repeats) {
  const all = repeats > 1 ? ` [${r.values.map((v) => fmt(v, r.unit).replace(/ .*$/, '')).join(', ')}]` : '';
  const ratio = r.ratio === undefined ? '' : r.speedup ? `${ratioText(r.ratio)} faster` : ratioText(r.ratio);
  const verdict = r.passed === undefined ? (r.target ? 'n/a' : '') : r.passed ? '✓' : '✗';
  return [r.measure, `${fmt(r.value, r.unit)}${all}`, r.baseline ? `${r.baseline} ${fmt(r.baselineValue, r.unit)}` : '', ratio, r.target ?? '', verdict];
}

/** A Markdown table, columns padded so it reads in a terminal too. */
function table(header, body) {
  const widths = header.map((h, i) => Math.max([...h].length, ...body.map((b) => [...b[i]].length)));
  const line = (cs) => `| ${cs.map((c, i) => c + ' '.repeat(widths[i] - [...c].length)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

function describeCorpora(c) {
  const docs = (t) => t.split(/^---$/m).length - 1;
  const lines = (t) => t.split('\n').length - 1;
  const largest = Math.max(...c.crd.text.split(/^---$/m).map(lines));
  return {
    multi: { lines: lines(c.multi.text), documents: docs(c.multi.text), bytes: c.multi.text.length },
    crd: { lines: lines(c.crd.text), documents: docs(c.crd.text), bytes: c.crd.text.length, largestDocumentLines: largest },
    workspace: { files: c.files.length, nonKubernetes: c.files.filter((f) => /values-\d+\.yaml$/.test(f)).length },
  };
}

function report(reps, sizes, corpus, tableRows, meta) {
  const m = (path) => figure(reps, path).value;
  const yamlls = reps[0].yamlls;
  out('');
  out(table(['measure', `value${sizes.repeats > 1 ? ` (median [each of ${sizes.repeats}])` : ''}`, 'baseline (same run)', 'ratio', 'target', ''], tableRows.map((r) => cells(r, sizes.repeats))));
  out('');
  out(`inputs: ${corpus.multi.lines} lines in ${corpus.multi.documents} documents (${(corpus.multi.bytes / 1024).toFixed(0)} KB, ${m('multi.diagnostics')} diagnostics: ${m('multi.publishKb').toFixed(0)} KB a publish); `
    + `${(corpus.crd.bytes / 1e6).toFixed(2)} MB in ${corpus.crd.lines} lines, ${corpus.crd.documents} documents, the largest ${corpus.crd.largestDocumentLines} lines (${m('crd.diagnostics')} diagnostics); `
    + `workspace of ${corpus.workspace.files} files, ${m('base.mb').toFixed(1)} MB, ${corpus.workspace.nonKubernetes} not Kubernetes; ${sizes.edits} edits a file, bursts of ${sizes.burstKeys} keys`);
  out(`baselines: whole-file parse p50/p95 ${ms(m('multi.wholeP50'))}/${ms(m('multi.wholeP95'))} (${corpus.multi.lines} lines), ${ms(m('crd.wholeP50'))}/${ms(m('crd.wholeP95'))} (CRD bundle); `
    + `edited-doc parse p50/p95 ${ms(m('multi.docP50'))}/${ms(m('multi.docP95'))} and ${ms(m('crd.docP50'))}/${ms(m('crd.docP95'))}; framing p50/p95 ${ms(m('framingP50'))}/${ms(m('framingP95'))}; `
    + `workspace one thread: parse alone ${ms(m('base.parseSum'))}, with reads ${ms(m('base.wall'))}`);
  out(yamlls ? `yaml-language-server: keystroke p50/p95/max ${ms(m('yamlls.p50'))}/${ms(m('yamlls.p95'))}/${ms(m('yamlls.max'))}, didOpen ${ms(m('yamlls.open'))}, spawn → initialize ${ms(m('yamlls.spawnInit'))} (debounces 200 ms; schemas off: syntax only)`
    : 'yaml-language-server: not installed (npm install), not compared');
  out(`during the scan: ${m('during.n')} edits measured while scanning (${m('during.rescans')} rescans started to keep it scanning); p50 ${ms(m('during.p50'))}, idle after ${ms(m('duringIdle.p50'))}; burst publishes: ${m('multi.burstPublishes')} and ${m('crd.burstPublishes')} for ${sizes.burstKeys} keys`);
  out('extension activation time: not measured here (it needs the VS Code extension host; test/vscode activates the extension without timing it)');
  for (const e of [...new Set(reps.flatMap((r) => r.errors))]) out(`server error: ${e}`);
  const failed = tableRows.filter((r) => r.passed === false).length;
  const met = tableRows.filter((r) => r.passed === true).length;
  out(`targets: ${met} met, ${failed} missed; server built ${meta.serverBuiltAt}; load average ${meta.loadAverage.map((l) => l.toFixed(2)).join(' → ')}; node ${meta.node}, ${meta.cpus} × ${meta.cpu}${meta.smoke ? '; SMOKE sizes: not representative' : ''}`);
}

function names(sizes) {
  return {
    L: `${sizes.lines.toLocaleString('en')}-line file`,
    C: `${(sizes.crdBytes / 1e6).toFixed(sizes.crdBytes >= 1e6 ? 0 : 2)} MB CRD file`,
    F: `${sizes.files.toLocaleString('en')} files`,
  };
}

async function main() {
  if (!existsSync(OUR_SERVER[0])) throw new Error(`${OUR_SERVER[0]} is missing: run npm run build first`);
  const { sizes } = opts;
  const build = useServerCopy();
  // The machine's load before and after goes with the figures: a run that shared the cores with other work is not
  // comparable with one that did not.
  const meta = {
    date: new Date().toISOString(), serverBuiltAt: build.builtAt.toISOString(), loadAverage: [loadavg()[0]],
    node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'cpu', smoke: opts.smoke,
  };
  progress(`server: a copy of server/dist built ${meta.serverBuiltAt}`);
  progress(`generating inputs (${opts.smoke ? 'smoke' : 'full'} sizes)`);
  const c = corpora(sizes);
  try {
    const corpus = describeCorpora(c);
    const reps = [];
    for (let i = 0; i < sizes.repeats; i++) reps.push(await repeat(i, c, sizes));
    meta.loadAverage.push(loadavg()[0]);
    const tableRows = rows(reps, names(sizes));
    report(reps, sizes, corpus, tableRows, meta);
    if (opts.json) {
      const medians = Object.fromEntries(tableRows.map((r) => [r.path, r.value]));
      const json = JSON.stringify({ meta, sizes, corpus, rows: tableRows, medians, repeats: reps }, null, 2);
      if (opts.jsonPath) writeFileSync(opts.jsonPath, `${json}\n`);
      else process.stdout.write(`${json}\n`);
    }
  } finally {
    rmSync(c.folder, { recursive: true, force: true });
    rmSync(build.folder, { recursive: true, force: true });
  }
}

await main();
