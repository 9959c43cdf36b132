// The command-line entry (`kube-harden`): lints files, folders and globs with the same engine as the editor, judges
// them together as one workspace, optionally fixes them in place, and prints the findings as text, JSON, SARIF or
// HTML. Exit code 0: nothing at or above the severity threshold; 1: something; 2: a usage or configuration error.
// The parts live beside it: cli-options (command line), cli-files (what to check), cli-fix (--fix),
// cli-format-* (the formats), cli-report (what the formats share), cli-progress (the progress line).
import { refusedGlobs, shownGlob } from './globs.js';
import {
  buildView, fileFacts, fileFindings, fileInternalErrors, lintFile, workspaceFindings, type FileFacts, type Finding, type LintedFile, type LintOptions,
} from '@kube-hardening/shared-rules';
import { findConfig, loadConfig } from './cli-config.js';
import { collectFiles, isSkipped, kustomizePatches, readAllStdin, readCandidate, type Skipped, type SourceFile } from './cli-files.js';
import { fixText, writeAtomic } from './cli-fix.js';
import { formatHtml } from './cli-format-html.js';
import { formatJson, formatRulesJson } from './cli-format-json.js';
import { formatSarif } from './cli-format-sarif.js';
import { COLOUR, formatRuleTable, formatText, PLAIN, useColour } from './cli-format-text.js';
import { parseOptions, selectRules, usage, UsageError, type CliOptions } from './cli-options.js';
import { createProgress } from './cli-progress.js';
import { atOrAbove, TOOL, type Report, type ReportFile } from './cli-report.js';

export interface CliIo {
  readonly stdout: { readonly isTTY?: boolean; write(s: string): unknown };
  readonly stderr: { readonly isTTY?: boolean; write(s: string): unknown };
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readStdin(): Promise<string>;
}

/** Runs the CLI; never throws: a thrown error becomes a message on stderr and exit code 2. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`kube-harden: ${e.message}\nRun kube-harden --help for usage.\n`);
    } else {
      io.stderr.write(`kube-harden: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    }
    return 2;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const options = parseOptions(argv);
  if (options.help) {
    io.stdout.write(`${usage()}\n`);
    return 0;
  }
  if (options.version) {
    io.stdout.write(`${TOOL.version}\n`);
    return 0;
  }
  const rules = selectRules(options);
  if (options.listRules) {
    io.stdout.write(options.format === 'json' ? formatRulesJson(rules) : formatRuleTable(rules));
    return 0;
  }
  if (rules.length === 0) throw new UsageError('no rule left to run: --disable turns off every rule chosen');

  // The project configuration: rules turned off leave the run, severities are applied to the findings, its
  // exclusions join --exclude, and its engine part (target version …) changes judgements.
  const configPath = await findConfig(options.config, options.paths, io.cwd);
  const project = configPath ? await loadConfig(configPath, io.cwd) : undefined;
  const ruleLevels = project?.config.rules ?? {};
  const enabled = rules.filter((r) => ruleLevels[r.meta.id] !== 'off' || options.rules.includes(r.meta.id));
  if (enabled.length === 0) throw new UsageError('no rule left to run: the configuration turns off every rule chosen');

  for (const { glob, reason } of refusedGlobs([...options.exclude, ...(project?.config.exclude ?? [])])) {
    io.stderr.write(`kube-harden: ignoring the exclusion glob ${shownGlob(glob)}: ${reason}\n`);
  }
  const candidates = await collectFiles(options.paths, {
    cwd: io.cwd, exclude: options.exclude,
    ...(project && project.config.exclude.length > 0 ? { projectExclude: { base: project.folder, globs: project.config.exclude } } : {}),
    ...(options.stdinFilename ? { stdinFilename: options.stdinFilename } : {}),
  });
  // kustomize: the patches a kustomization names are partial objects.
  const patches = await kustomizePatches(candidates);
  const progress = createProgress(io.stderr, candidates.length, 'scanning');
  const note = (s: string) => {
    progress.end();
    io.stderr.write(`${s}\n`);
  };
  const linted: { source: SourceFile; result: LintedFile; facts: FileFacts }[] = [];
  const skipped: Skipped[] = [];
  const fixed: Report['fixed'][number][] = [];
  const ids = new Set<string>();
  for (const [i, candidate] of candidates.entries()) {
    progress.update(i);
    const read = await readCandidate(candidate, io.readStdin);
    if (!read) continue;
    if (isSkipped(read)) {
      skipped.push(read);
      note(`kube-harden: skipped ${read.file}: ${read.reason}`);
      continue;
    }
    let source = read;
    const lintOptions = {
      rules: enabled,
      ...(project?.engine ? { config: project.engine } : {}),
      ...(source.path !== undefined && patches.has(source.path) ? { partial: true } : {}),
    };
    if (options.fix && source.path !== undefined) source = await fixFile(source, options, lintOptions, note, fixed);
    const result = lintFile(source.text, undefined, [], lintOptions);
    for (const e of fileInternalErrors(result)) note(`kube-harden: internal error in ${source.file}${e.ruleId ? ` (rule ${e.ruleId})` : ''}: ${e.message}`);
    // The workspace knows files by id: the shown name, made unique (standard input may be named like a file).
    let id = source.file;
    for (let n = 2; ids.has(id); n++) id = `${source.file}#${n}`;
    ids.add(id);
    linted.push({ source, result, facts: fileFacts(result, id) });
  }
  progress.update(candidates.length);
  progress.end();

  // Judge every file against the facts of all of them: the files checked are the workspace.
  const view = buildView(linted.map((l) => l.facts));
  const ran = new Set(enabled.map((r) => r.meta.id));
  const withLevel = (f: Finding): Finding => {
    const level = ruleLevels[f.ruleId];
    return level && level !== 'off' && !options.rules.includes(f.ruleId) ? { ...f, severity: level } : f;
  };
  const files: ReportFile[] = linted.map(({ source, result, facts }) => ({
    file: source.file,
    text: source.text,
    findings: workspaceFindings(fileFindings(result), facts, view, ran).map(withLevel),
  }));
  const report: Report = { files, skipped, rules: enabled, threshold: options.severityThreshold, fixed };
  io.stdout.write(format(report, options, io));
  return files.some((f) => f.findings.some((x) => atOrAbove(x.severity, options.severityThreshold))) ? 1 : 0;
}

async function fixFile(source: SourceFile, options: CliOptions, lintOptions: LintOptions, note: (s: string) => void, fixed: { file: string; applied: number }[]): Promise<SourceFile> {
  const outcome = fixText(source.text, lintOptions, options.fix!);
  if (outcome.refused) {
    note(`${source.file}: not fixed: ${outcome.refused}`);
    return source;
  }
  if (outcome.applied === 0) return source;
  try {
    await writeAtomic(source.path!, source.bom ? `\ufeff${outcome.text}` : outcome.text);
  } catch (e) {
    note(`${source.file}: not fixed: cannot write it: ${(e as Error).message}`);
    return source;
  }
  note(`${source.file}: ${outcome.applied} ${outcome.applied === 1 ? 'fix' : 'fixes'} applied`);
  fixed.push({ file: source.file, applied: outcome.applied });
  return { ...source, text: outcome.text };
}

function format(report: Report, options: CliOptions, io: CliIo): string {
  switch (options.format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, io.cwd);
    case 'html':
      return formatHtml(report);
    default:
      return formatText(report, useColour(options.color, io.stdout, io.env) ? COLOUR : PLAIN);
  }
}

function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env, readStdin: readAllStdin };
}

if (require.main === module) {
  // `kube-harden … | head` closes stdout early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
