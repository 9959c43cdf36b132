// The project configuration file, `.kube-hardening.yaml`: parsed and validated totally (an unknown key or a bad
// value is a problem with its exact range, never an exception), as the editor and the CLI both read it. Its JSON
// Schema (schemas/kube-hardening-config.schema.json) describes the same keys; a test keeps the two in step.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { RULES_BY_ID } from './rules/index.js';
import type { OffsetRange, Severity } from './types.js';
import { parseYamlDocument } from './yaml/parse.js';

export const CONFIG_FILE_NAME = '.kube-hardening.yaml';

export type RuleSetting = Severity | 'off';

/** Tools whose suppression annotations can be honoured as ours, when the project says so. */
export const PEER_TOOLS = ['kubescape', 'kube-linter', 'polaris', 'checkov'] as const;
export type PeerTool = (typeof PEER_TOOLS)[number];

/** What changes how documents are judged (not only how findings are shown): passed to the engine. */
export interface EngineConfig {
  /** The Kubernetes version the manifests target (`1.29`): API versions removed after it are not reported. */
  readonly targetVersion?: string;
  /** The namespace of objects that name none (default `default`). */
  readonly defaultNamespace?: string;
  /** Peer tools whose suppression annotations count as ours. */
  readonly peerSuppressions?: readonly PeerTool[];
}

export interface ProjectConfig extends EngineConfig {
  /** Severity per rule id, or `off`. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Globs, relative to the configuration file's folder, of files not to check. */
  readonly exclude: readonly string[];
}

export interface ConfigProblem {
  readonly message: string;
  readonly range: OffsetRange;
}

export const CONFIG_KEYS = ['rules', 'exclude', 'targetVersion', 'defaultNamespace', 'peerSuppressions'] as const;
const LEVELS = new Set(['off', 'error', 'warning', 'information']);
const VERSION = /^v?1\.\d{1,2}$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export const EMPTY_CONFIG: ProjectConfig = { rules: {}, exclude: [] };

function rangeOf(node: Node | null | undefined, fallback: OffsetRange): OffsetRange {
  return node?.range ? { start: node.range[0], end: node.range[1] } : fallback;
}

/** Parses `.kube-hardening.yaml`. Problems point at the bad key or value; what is valid is still used. */
export function parseConfig(text: string): { config: ProjectConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const whole = { start: 0, end: Math.min(text.length, Math.max(0, text.indexOf('\n'))) };
  let doc;
  try {
    doc = parseYamlDocument(text);
  } catch (e) {
    return { config: EMPTY_CONFIG, problems: [{ message: `cannot parse ${CONFIG_FILE_NAME}: ${String(e)}`, range: whole }] };
  }
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    return { config: EMPTY_CONFIG, problems: [{ message: `${CONFIG_FILE_NAME} is not valid YAML: ${e.message.split('\n')[0]}`, range: { start: e.pos[0], end: e.pos[1] } }] };
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { config: EMPTY_CONFIG, problems };
  if (!isMap(root)) return { config: EMPTY_CONFIG, problems: [{ message: `${CONFIG_FILE_NAME} must be a map of settings`, range: rangeOf(root, whole) }] };
  const rules: Record<string, RuleSetting> = {};
  const exclude: string[] = [];
  let targetVersion: string | undefined;
  let defaultNamespace: string | undefined;
  let peerSuppressions: PeerTool[] | undefined;
  for (const pair of root.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const value = pair.value as Node | null;
    const at = rangeOf(value, rangeOf(keyNode, whole));
    switch (key) {
      case 'rules':
        if (!isMap(value)) {
          problems.push({ message: '`rules` must map rule ids to off, error, warning or information', range: at });
          break;
        }
        for (const r of value.items) {
          const idNode = r.key as Node | null;
          const id = isScalar(idNode) ? String(idNode.value) : '';
          const levelNode = r.value as Node | null;
          const level = isScalar(levelNode) ? String(levelNode.value) : '';
          if (!RULES_BY_ID.has(id)) problems.push({ message: `unknown rule id \`${id}\` in \`rules\``, range: rangeOf(idNode, at) });
          else if (!LEVELS.has(level)) problems.push({ message: `\`rules.${id}\` must be off, error, warning or information, not \`${level}\``, range: rangeOf(levelNode, rangeOf(idNode, at)) });
          else rules[id] = level as RuleSetting;
        }
        break;
      case 'exclude':
        if (!isSeq(value) || !value.items.every((i) => isScalar(i) && typeof i.value === 'string')) {
          problems.push({ message: '`exclude` must be a list of globs (strings)', range: at });
        } else exclude.push(...value.items.map((i) => String((i as { value: string }).value)));
        break;
      case 'targetVersion': {
        const v = isScalar(value) ? String(value.value) : '';
        if (isScalar(value) && typeof value.value === 'number') {
          problems.push({ message: `\`targetVersion\` must be quoted ("${value.source ?? v}"): YAML reads an unquoted 1.30 as the number 1.3`, range: at });
        } else if (!VERSION.test(v)) problems.push({ message: `\`targetVersion\` must be a Kubernetes minor version like "1.29", not \`${v}\``, range: at });
        else targetVersion = v.replace(/^v/, '');
        break;
      }
      case 'defaultNamespace': {
        const v = isScalar(value) ? String(value.value) : '';
        if (!DNS_LABEL.test(v)) problems.push({ message: `\`defaultNamespace\` must be a namespace name, not \`${v}\``, range: at });
        else defaultNamespace = v;
        break;
      }
      case 'peerSuppressions':
        if (!isSeq(value)) {
          problems.push({ message: `\`peerSuppressions\` must be a list of: ${PEER_TOOLS.join(', ')}`, range: at });
          break;
        }
        peerSuppressions = [];
        for (const item of value.items) {
          const tool = isScalar(item) ? String(item.value) : '';
          if ((PEER_TOOLS as readonly string[]).includes(tool)) peerSuppressions.push(tool as PeerTool);
          else problems.push({ message: `unknown tool \`${tool}\` in \`peerSuppressions\` (known: ${PEER_TOOLS.join(', ')})`, range: rangeOf(item as Node, at) });
        }
        break;
      default:
        problems.push({ message: `unknown key \`${key}\` in ${CONFIG_FILE_NAME} (known: ${CONFIG_KEYS.join(', ')})`, range: rangeOf(keyNode, whole) });
    }
  }
  const config: ProjectConfig = {
    rules, exclude,
    ...(targetVersion ? { targetVersion } : {}),
    ...(defaultNamespace ? { defaultNamespace } : {}),
    ...(peerSuppressions ? { peerSuppressions } : {}),
  };
  return { config, problems };
}

/** The part of a project configuration that the engine needs, or undefined when it needs none. */
export function engineConfigOf(config: ProjectConfig): EngineConfig | undefined {
  const { targetVersion, defaultNamespace, peerSuppressions } = config;
  if (!targetVersion && !defaultNamespace && !peerSuppressions?.length) return undefined;
  return { ...(targetVersion ? { targetVersion } : {}), ...(defaultNamespace ? { defaultNamespace } : {}), ...(peerSuppressions?.length ? { peerSuppressions } : {}) };
}
