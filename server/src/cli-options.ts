// The CLI's command line: options and their values, parsed totally into plain data. A bad value is a UsageError
// (exit code 2) that names it; nothing here does IO.
import { RULES, RULES_BY_ID, type Rule, type Severity } from '@kube-hardening/shared-rules';

export const FORMATS = ['text', 'json', 'sarif', 'html'] as const;
export type Format = (typeof FORMATS)[number];
export const THRESHOLDS: readonly Severity[] = ['error', 'warning', 'information'];

export interface CliOptions {
  /** Files, folders, globs, and `-` for standard input, as given (default: `.`). */
  readonly paths: readonly string[];
  readonly format: Format;
  /** Findings at or above this severity fail the run (exit code 1). */
  readonly severityThreshold: Severity;
  /** Only these rules (empty: all). */
  readonly rules: readonly string[];
  readonly disable: readonly string[];
  /** Globs of files not to check, relative to the current folder. */
  readonly exclude: readonly string[];
  /** Apply fixes: `safe` ones with --fix, `review` ones too with --fix-review. */
  readonly fix: 'safe' | 'review' | undefined;
  readonly stdinFilename: string | undefined;
  /** undefined: colour when stdout is a terminal and NO_COLOR is unset. */
  readonly color: boolean | undefined;
  readonly listRules: boolean;
  readonly help: boolean;
  readonly version: boolean;
  /** Path of a configuration file (--config). */
  readonly config: string | undefined;
}

export class UsageError extends Error {}

export const STDIN = '-';

export function usage(): string {
  return `Usage: kube-harden [options] [paths|globs…]

Checks Kubernetes YAML files, folders of them and globs (default: .) against the NSA/CISA Kubernetes Hardening
Guidance. All the files are judged together, as one workspace. "-" reads standard input.

Options:
  --format <text|json|sarif|html>   output format (default: text)
  --severity-threshold <level>      error, warning or information: findings at or above it fail the run
                                    (default: warning)
  --rule <id>                       check only this rule (repeatable, or comma-separated)
  --disable <id>                    do not check this rule (repeatable, or comma-separated)
  --exclude <glob>                  skip files matching this glob, relative to the current folder (repeatable)
  --config <file>                   the project configuration (default: the nearest .kube-hardening.yaml above
                                    the first path); an invalid one is a configuration error (exit 2)
  --fix                             apply the safe fixes to the files, then report what remains
  --fix-review                      apply the safe and the review fixes (they change how workloads run)
  --stdin-filename <name>           the file name to show for standard input (default: <stdin>)
  --color, --no-color               force or disable colours in text output (default: when stdout is a
                                    terminal and NO_COLOR is unset)
  --list-rules                      list the rules (id, severity, guidance section, fix); JSON with --format json
  --version                         print the version
  -h, --help                        print this help

Exit codes: 0 no finding at or above the threshold, 1 some finding at or above it, 2 usage or configuration error.`;
}

const VALUE_OPTIONS = new Set(['--format', '--severity-threshold', '--rule', '--disable', '--exclude', '--stdin-filename', '--config']);
const FLAG_OPTIONS = new Set(['--fix', '--fix-review', '--color', '--no-color', '--list-rules', '--version', '--help', '-h']);

interface Mutable {
  paths: string[];
  format: Format;
  severityThreshold: Severity;
  rules: string[];
  disable: string[];
  exclude: string[];
  fix: 'safe' | 'review' | undefined;
  stdinFilename: string | undefined;
  color: boolean | undefined;
  listRules: boolean;
  help: boolean;
  version: boolean;
  config: string | undefined;
}

/** Parses the arguments after `kube-harden`. Throws UsageError naming the bad option or value. */
export function parseOptions(argv: readonly string[]): CliOptions {
  const o: Mutable = {
    paths: [], format: 'text', severityThreshold: 'warning', rules: [], disable: [], exclude: [], fix: undefined,
    stdinFilename: undefined, color: undefined, listRules: false, help: false, version: false, config: undefined,
  };
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPaths || arg === STDIN || !arg.startsWith('-')) {
      o.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (FLAG_OPTIONS.has(name)) {
      if (eq > 0) throw new UsageError(`option ${name} takes no value (got ${JSON.stringify(arg)})`);
      setFlag(o, name);
      continue;
    }
    if (!VALUE_OPTIONS.has(name)) throw new UsageError(`unknown option ${JSON.stringify(name)}`);
    let value: string;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      if (i + 1 >= argv.length) throw new UsageError(`option ${name} needs a value`);
      value = argv[++i]!;
    }
    setValue(o, name, value);
  }
  if (o.paths.length === 0) o.paths.push('.');
  if (o.fix && o.paths.includes(STDIN)) throw new UsageError('--fix and --fix-review cannot be used with standard input (-): they edit files in place');
  if (o.stdinFilename !== undefined && !o.paths.includes(STDIN)) throw new UsageError('--stdin-filename needs "-" (standard input) among the paths');
  if (o.listRules && (o.format === 'sarif' || o.format === 'html')) throw new UsageError(`--list-rules prints text or json, not ${o.format}`);
  return o;
}

function setFlag(o: Mutable, name: string): void {
  switch (name) {
    case '--fix':
      o.fix ??= 'safe';
      break;
    case '--fix-review':
      o.fix = 'review';
      break;
    case '--color':
      o.color = true;
      break;
    case '--no-color':
      o.color = false;
      break;
    case '--list-rules':
      o.listRules = true;
      break;
    case '--version':
      o.version = true;
      break;
    default:
      o.help = true;
  }
}

function setValue(o: Mutable, name: string, value: string): void {
  switch (name) {
    case '--format':
      if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`unknown format ${JSON.stringify(value)}: use one of ${FORMATS.join(', ')}`);
      o.format = value as Format;
      break;
    case '--severity-threshold':
      if (!THRESHOLDS.includes(value as Severity)) throw new UsageError(`unknown severity threshold ${JSON.stringify(value)}: use one of ${THRESHOLDS.join(', ')}`);
      o.severityThreshold = value as Severity;
      break;
    case '--rule':
      o.rules.push(...ruleIds(name, value));
      break;
    case '--disable':
      o.disable.push(...ruleIds(name, value));
      break;
    case '--exclude':
      if (value === '') throw new UsageError('--exclude needs a glob');
      o.exclude.push(value);
      break;
    case '--stdin-filename':
      if (value === '') throw new UsageError('--stdin-filename needs a name');
      o.stdinFilename = value;
      break;
    // ---- The configuration file ------------------------------------------------------------------------
    // The path is kept as given, in options.config.
    case '--config':
      if (value === '') throw new UsageError('--config needs a file');
      o.config = value;
      break;
    // ----------------------------------------------------------------------------------------------------
  }
}

function ruleIds(option: string, value: string): string[] {
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new UsageError(`${option} needs a rule id`);
  for (const id of ids) {
    if (!RULES_BY_ID.has(id)) throw new UsageError(`unknown rule id ${JSON.stringify(id)} in ${option} (kube-harden --list-rules lists them)`);
  }
  return ids;
}

/** The rules to run: --rule's (all when none), less --disable's, in registry order. */
export function selectRules(o: Pick<CliOptions, 'rules' | 'disable'>): Rule[] {
  const only = new Set(o.rules);
  const off = new Set(o.disable);
  return RULES.filter((r) => (only.size === 0 || only.has(r.meta.id)) && !off.has(r.meta.id));
}
