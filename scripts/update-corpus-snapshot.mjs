#!/usr/bin/env node
// Writes test/fixtures/corpus.snapshot.txt: every finding the engine reports on the fixture corpus
// (test/fixtures/corpus: rendered Helm charts, kustomize output, kubeadm's control plane, a hardened namespace),
// one line per finding as `path:line:col severity rule-id message`, the same format as the CLI, with paths
// relative to the corpus. test/unit/corpus.test.mjs compares the file with what the engine reports now, so a rule
// change that adds, drops or moves a finding on real-world manifests shows up as a reviewable diff.
//   npm run update-snapshot      (after `npm run build`: the engine is read from shared-rules/out)
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS_DIR = join(repo, 'test', 'fixtures', 'corpus');
export const SNAPSHOT_FILE = join(repo, 'test', 'fixtures', 'corpus.snapshot.txt');
export const SNAPSHOT_HEADER =
  '# Findings of the engine on test/fixtures/corpus (path:line:col severity rule-id message). Generated: regenerate with `npm run update-snapshot` after `npm run build`.';

/** The files the CLI would lint in a folder: YAML by extension (so a README may sit in the corpus). */
const YAML_FILE = /\.ya?ml$/i;
const ENGINE = join(repo, 'shared-rules', 'out', 'index.js');

let engine;
function loadEngine() {
  if (!engine) {
    if (!existsSync(ENGINE)) throw new Error(`${ENGINE} does not exist: run \`npm run build\` first`);
    engine = createRequire(import.meta.url)(ENGINE);
  }
  return engine;
}

/** Plain code-unit order, the same on every machine and locale. */
const byString = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** Every YAML file under `dir`, as sorted paths relative to it with forward slashes. */
export function corpusFiles(dir = CORPUS_DIR) {
  const out = [];
  const walk = (abs, rel) => {
    for (const name of readdirSync(abs)) {
      const childAbs = join(abs, name);
      const childRel = rel ? `${rel}/${name}` : name;
      const st = statSync(childAbs);
      if (st.isDirectory()) walk(childAbs, childRel);
      else if (st.isFile() && YAML_FILE.test(name)) out.push(childRel);
    }
  };
  walk(dir, '');
  return out.sort(byString);
}

/**
 * Lints every corpus file as the CLI does (BOM stripped, the corpus judged as one workspace). Findings carry 1-based
 * line and column (UTF-16 code units, as the CLI prints them) and come sorted by path, position, rule id, message.
 */
export function lintCorpus(dir = CORPUS_DIR) {
  const { lintFile, fileFindings, fileFacts, fileInternalErrors, lineIndex, buildView, workspaceFindings, RULES } = loadEngine();
  const findings = [];
  const internalErrors = [];
  // The corpus is one workspace, as the CLI judges a folder: lint every file, then judge each against all.
  const files = corpusFiles(dir).map((path) => {
    let text = readFileSync(join(dir, ...path.split('/')), 'utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const linted = lintFile(text);
    for (const e of fileInternalErrors(linted)) internalErrors.push({ path, ruleId: e.ruleId, message: e.message });
    return { path, text, linted, facts: fileFacts(linted, path) };
  });
  const view = buildView(files.map((f) => f.facts));
  const enabled = new Set(RULES.map((r) => r.meta.id));
  for (const { path, text, linted, facts } of files) {
    const lines = lineIndex(text);
    for (const f of workspaceFindings(fileFindings(linted), facts, view, enabled)) {
      const p = lines.position(f.range.start);
      findings.push({ path, line: p.line + 1, col: p.character + 1, severity: f.severity, ruleId: f.ruleId, message: f.message });
    }
  }
  findings.sort((a, b) => byString(a.path, b.path) || a.line - b.line || a.col - b.col || byString(a.ruleId, b.ruleId) || byString(a.message, b.message));
  return { findings, internalErrors };
}

/** One finding as a snapshot line (a line break inside a message is escaped so each finding stays one line). */
export function formatLine(f) {
  return `${f.path}:${f.line}:${f.col} ${f.severity} ${f.ruleId} ${f.message.replace(/\r?\n/g, '\\n')}`;
}

/** The snapshot text for a list of findings: the header line, then one line per finding. */
export function snapshotText(findings) {
  return `${[SNAPSHOT_HEADER, ...findings.map(formatLine)].join('\n')}\n`;
}

/** The text of test/fixtures/corpus.snapshot.txt for the engine as built now. */
export function renderSnapshot(dir = CORPUS_DIR) {
  return snapshotText(lintCorpus(dir).findings);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { findings, internalErrors } = lintCorpus();
  for (const e of internalErrors) process.stderr.write(`internal error in ${e.path}${e.ruleId ? ` (rule ${e.ruleId})` : ''}: ${e.message}\n`);
  writeFileSync(SNAPSHOT_FILE, snapshotText(findings));
  process.stdout.write(`wrote ${SNAPSHOT_FILE} (${findings.length} findings in ${corpusFiles().length} files)\n`);
  if (internalErrors.length > 0) process.exitCode = 1;
}
