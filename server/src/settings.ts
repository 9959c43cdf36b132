// The `kubeHardening.*` settings, typed once and parsed totally: whatever a client sends (nothing, null, a
// string where an object belongs, an unknown severity), the result is a valid Settings value and a list of
// problems to log.
import type { Severity } from '@kube-hardening/shared-rules';

export type RuleLevel = Severity | 'off';

export type WorkspaceScan = 'on' | 'off' | 'openFilesOnly';

export interface Settings {
  readonly enable: boolean;
  /** Per-rule severity overrides, keyed by rule id. */
  readonly rules: Readonly<Record<string, RuleLevel>>;
  /**
   * `on`: every Kubernetes YAML file under the workspace folders is checked and indexed; `openFilesOnly`: only open
   * files, which also form the index; `off`: each file is judged on its own.
   */
  readonly workspaceScan: WorkspaceScan;
  /** Globs, relative to the workspace folder, of files not to check. */
  readonly exclude: readonly string[];
  /** Files larger than this many megabytes are skipped with an information diagnostic. */
  readonly maxFileSize: number;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, rules: {}, workspaceScan: 'on', exclude: [], maxFileSize: 2 };

const LEVELS: ReadonlySet<string> = new Set(['off', 'error', 'warning', 'information']);

export function parseSettings(raw: unknown, knownRules: ReadonlySet<string>): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  if (raw === null || raw === undefined) return { settings: DEFAULT_SETTINGS, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`kubeHardening settings should be an object, got ${JSON.stringify(raw)}; using defaults`);
    return { settings: DEFAULT_SETTINGS, problems };
  }
  const obj = raw as Record<string, unknown>;
  let enable = DEFAULT_SETTINGS.enable;
  if (obj.enable !== undefined && obj.enable !== null) {
    if (typeof obj.enable === 'boolean') enable = obj.enable;
    else problems.push(`kubeHardening.enable should be true or false, got ${JSON.stringify(obj.enable)}; using ${enable}`);
  }
  const rules: Record<string, RuleLevel> = {};
  if (obj.rules !== undefined && obj.rules !== null) {
    if (typeof obj.rules !== 'object' || Array.isArray(obj.rules)) {
      problems.push(`kubeHardening.rules should be an object of rule id → severity, got ${JSON.stringify(obj.rules)}`);
    } else {
      for (const [id, level] of Object.entries(obj.rules as Record<string, unknown>)) {
        if (!knownRules.has(id)) problems.push(`kubeHardening.rules: unknown rule id "${id}"`);
        else if (typeof level !== 'string' || !LEVELS.has(level)) {
          problems.push(`kubeHardening.rules.${id} should be off, error, warning or information, got ${JSON.stringify(level)}`);
        } else rules[id] = level as RuleLevel;
      }
    }
  }
  let workspaceScan = DEFAULT_SETTINGS.workspaceScan;
  if (obj.workspaceScan !== undefined && obj.workspaceScan !== null) {
    if (obj.workspaceScan === 'on' || obj.workspaceScan === 'off' || obj.workspaceScan === 'openFilesOnly') workspaceScan = obj.workspaceScan;
    else problems.push(`kubeHardening.workspaceScan should be on, off or openFilesOnly, got ${JSON.stringify(obj.workspaceScan)}; using ${workspaceScan}`);
  }
  let exclude: readonly string[] = DEFAULT_SETTINGS.exclude;
  if (obj.exclude !== undefined && obj.exclude !== null) {
    if (Array.isArray(obj.exclude) && obj.exclude.every((g) => typeof g === 'string')) exclude = obj.exclude as string[];
    else problems.push(`kubeHardening.exclude should be a list of globs, got ${JSON.stringify(obj.exclude)}`);
  }
  let maxFileSize = DEFAULT_SETTINGS.maxFileSize;
  if (obj.maxFileSize !== undefined && obj.maxFileSize !== null) {
    if (typeof obj.maxFileSize === 'number' && Number.isFinite(obj.maxFileSize) && obj.maxFileSize > 0) maxFileSize = obj.maxFileSize;
    else problems.push(`kubeHardening.maxFileSize should be a positive number of megabytes, got ${JSON.stringify(obj.maxFileSize)}; using ${maxFileSize}`);
  }
  return { settings: { enable, rules, workspaceScan, exclude, maxFileSize }, problems };
}

/** `files.exclude` / `search.exclude` style settings: globs mapped to true (or a `when` clause, which we honour as true). */
export function enabledGlobs(raw: unknown): string[] {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return [];
  return Object.entries(raw as Record<string, unknown>).filter(([, v]) => v === true || (typeof v === 'object' && v !== null)).map(([k]) => k);
}
