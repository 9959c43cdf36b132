// The command-line entry: lints files and folders with the same engine as the editor and prints
// `file:line:col severity rule-id message`. Exit code 1 when a finding of warning severity or above exists.
import {
  buildView, fileFacts, fileFindings, fileInternalErrors, lineIndex, lintFile, RULES, workspaceFindings, type Finding, type LintedFile,
} from '@kube-hardening/shared-rules';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SKIP_DIRS = new Set(['.git', 'node_modules']);
const YAML_FILE = /\.ya?ml$/i;

function usage(): string {
  return [
    'Usage: kube-harden [paths…]',
    '',
    'Checks Kubernetes YAML files (and folders of them) against the NSA/CISA Kubernetes Hardening Guidance.',
    'Prints one line per finding: file:line:col severity rule-id message.',
    'Exit code: 0 when no finding of warning severity or above, 1 when there is one, 2 on a usage error.',
    '',
    'Options:',
    '  --list-rules  print the rule ids with their severities',
    '  --help        print this help',
  ].join('\n');
}

/** Files to lint under `path`: the path itself if it is a file, else every YAML file below it. */
function collect(path: string, out: string[]): void {
  const st = statSync(path);
  if (st.isFile()) {
    out.push(path);
    return;
  }
  if (!st.isDirectory()) return;
  for (const name of readdirSync(path).sort()) {
    const child = join(path, name);
    let s;
    try {
      s = statSync(child);
    } catch {
      continue;
    }
    if (s.isDirectory()) {
      if (!SKIP_DIRS.has(name)) collect(child, out);
    } else if (s.isFile() && YAML_FILE.test(name)) out.push(child);
  }
}

export function formatFinding(file: string, text: string, f: Finding): string {
  const p = lineIndex(text).position(f.range.start);
  return `${file}:${p.line + 1}:${p.character + 1} ${f.severity} ${f.ruleId} ${f.message}`;
}

export function main(argv: readonly string[]): number {
  const args = argv.filter((a) => !a.startsWith('--'));
  const flags = argv.filter((a) => a.startsWith('--'));
  if (flags.includes('--help')) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  if (flags.includes('--list-rules')) {
    for (const r of RULES) process.stdout.write(`${r.meta.id}\t${r.meta.severity}\t${r.meta.category}\t${r.meta.fix ? `fix: ${r.meta.fix.safety}` : 'no fix'}\n`);
    return 0;
  }
  const unknown = flags.filter((f) => f !== '--help' && f !== '--list-rules');
  if (unknown.length > 0) {
    process.stderr.write(`kube-harden: unknown option ${unknown[0]}\n\n${usage()}\n`);
    return 2;
  }
  const files: string[] = [];
  for (const p of args.length > 0 ? args : ['.']) {
    try {
      collect(p, files);
    } catch (e) {
      process.stderr.write(`kube-harden: cannot read ${p}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  // Lint every file, then judge each against the facts of all of them (the scanned files are the workspace).
  const linted: { file: string; text: string; result: LintedFile }[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      process.stderr.write(`kube-harden: cannot read ${file}: ${(e as Error).message}\n`);
      continue;
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const result = lintFile(text);
    for (const e of fileInternalErrors(result)) process.stderr.write(`kube-harden: internal error in ${file}${e.ruleId ? ` (rule ${e.ruleId})` : ''}: ${e.message}\n`);
    linted.push({ file, text, result });
  }
  const facts = new Map(linted.map((l) => [l.file, fileFacts(l.result, l.file)]));
  const view = buildView(facts.values());
  const enabled = new Set(RULES.map((r) => r.meta.id));
  let failing = 0;
  let total = 0;
  for (const { file, text, result } of linted) {
    const shown = relative(process.cwd(), file) || file;
    for (const f of workspaceFindings(fileFindings(result), facts.get(file)!, view, enabled)) {
      total++;
      if (f.severity !== 'information') failing++;
      process.stdout.write(`${formatFinding(shown, text, f)}\n`);
    }
  }
  process.stderr.write(`${files.length} file(s) checked, ${total} finding(s), ${failing} at warning or above\n`);
  return failing > 0 ? 1 : 0;
}

// `kube-harden … | head` closes stdout early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
process.exitCode = main(process.argv.slice(2));
