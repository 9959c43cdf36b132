// The `kubeHardening.*` settings, typed once and parsed totally: whatever a client sends (nothing, null, a
// string where an object belongs, an unknown severity), the result is a valid Settings value and a list of
// problems to log.
import type { Severity } from '@kube-hardening/shared-rules';

export type RuleLevel = Severity | 'off';

export interface Settings {
  readonly enable: boolean;
  /** Per-rule severity overrides, keyed by rule id. */
  readonly rules: Readonly<Record<string, RuleLevel>>;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, rules: {} };

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
  return { settings: { enable, rules }, problems };
}
