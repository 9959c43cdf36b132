// Recognises the Kubernetes component a container runs (kube-apiserver, etcd, kube-controller-manager,
// kube-scheduler, kubelet) in any workload kind — kubeadm's static Pods, but also Deployments and DaemonSets that
// run one — and checks its command-line flags. The program is the first word of `command` (also as the last path
// segment, `/usr/local/bin/etcd`, or after `hyperkube`), or, when `command` is absent, the image name
// (`registry.k8s.io/kube-apiserver:v1.30.0`); a `command` that names another program (`sh -c …`) is not
// recognised. Also recognises a KubeletConfiguration document.
import type { Node } from 'yaml';
import { fix, type RuleContext } from '../rule.js';
import type { FixSafety, Severity } from '../types.js';
import { entry, items, mapItems, seqAt, stringAt } from '../yaml/nodes.js';
import type { SourceDoc } from '../yaml/source.js';
import { addFlag, flagRange, isExpansion, itemText, missingAt, readFlags, lastFlag, setFlagValue, type Flag, type FlagSet } from './flags.js';
import type { Container, K8sObject } from './objects.js';

export type Component = 'kube-apiserver' | 'etcd' | 'kube-controller-manager' | 'kube-scheduler' | 'kubelet';

const COMPONENTS: ReadonlySet<string> = new Set(['kube-apiserver', 'etcd', 'kube-controller-manager', 'kube-scheduler', 'kubelet']);

/** `hyperkube <name>`: the all-in-one binary of older releases names the component in its first argument. */
const HYPERKUBE: { readonly [name: string]: Component } = {
  'kube-apiserver': 'kube-apiserver', apiserver: 'kube-apiserver',
  'kube-controller-manager': 'kube-controller-manager', 'controller-manager': 'kube-controller-manager',
  'kube-scheduler': 'kube-scheduler', scheduler: 'kube-scheduler',
  kubelet: 'kubelet',
};

export interface RunningComponent {
  readonly component: Component;
  readonly container: Container;
  /** How it was recognised. */
  readonly by: 'command' | 'image';
  readonly flags: FlagSet;
}

function programName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/** The component named by an image (`registry.k8s.io/kube-apiserver:v1.30.0`, `k8s.gcr.io/etcd-amd64:3.1.12`). */
export function componentOfImage(image: string): Component | undefined {
  const last = image.slice(image.lastIndexOf('/') + 1);
  const name = last.split('@')[0]!.split(':')[0]!.replace(/-(?:amd64|arm64|arm|ppc64le|s390x)$/, '');
  return COMPONENTS.has(name) ? (name as Component) : undefined;
}

/** The component a container runs and the number of words of `command` that name the program. */
export function componentOf(src: SourceDoc, container: Container): { component: Component; by: 'command' | 'image'; programWords: number } | undefined {
  const doc = src.doc;
  const words = items(doc, seqAt(doc, container.node, 'command'))
    .map((n) => itemText(n) ?? '')
    .join(' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
  if (words.length > 0) {
    const first = programName(words[0]!);
    if (COMPONENTS.has(first)) return { component: first as Component, by: 'command', programWords: 1 };
    if (first === 'hyperkube') {
      const sub = HYPERKUBE[words[1] ?? ''];
      if (sub) return { component: sub, by: 'command', programWords: 2 };
    }
    return undefined;
  }
  const image = stringAt(doc, container.node, 'image');
  const component = image === undefined ? undefined : componentOfImage(image);
  return component ? { component, by: 'image', programWords: 0 } : undefined;
}

/** Every container of the object that runs `component`, with its flags. */
export function runningComponents(src: SourceDoc, object: K8sObject, component: Component): RunningComponent[] {
  const out: RunningComponent[] = [];
  for (const container of object.workload?.containers ?? []) {
    const found = componentOf(src, container);
    if (found?.component !== component) continue;
    out.push({ component, container, by: found.by, flags: readFlags(src, container.node, found.programWords) });
  }
  return out;
}

/** A `kubelet.config.k8s.io` KubeletConfiguration document (the apiVersion may be missing while one types). */
export function isKubeletConfiguration(object: K8sObject): boolean {
  return object.kind === 'KubeletConfiguration' && (object.apiVersion === undefined || object.apiVersion.startsWith('kubelet.config.k8s.io/'));
}

// ---------------------------------------------------------------------------------------------------------------
// Checks shared by the rules of the family.

export interface FlagRequirement {
  readonly name: string;
  /** Whether a value is acceptable (undefined: a bare flag); undefined when it cannot be judged. */
  readonly accepts: (value: string | undefined) => boolean | undefined;
  /** The flag's default is insecure: its absence is a finding. */
  readonly required: boolean;
  /** Message when the flag is absent. */
  readonly missing: string;
  /** Message when the flag is set to an unacceptable value. */
  readonly wrong: (flag: Flag) => string;
  /** The value fixes write (`--name=value`), or undefined for no fix. */
  readonly fixValue?: string;
  readonly safety?: FixSafety;
  readonly severity?: Severity;
  /** A comment fixes put after an added flag (a placeholder path to fill in). */
  readonly comment?: string;
  /**
   * An environment variable that sets the flag when it is absent from the command line (etcd reads every flag
   * from `ETCD_<NAME>`): a literal value is judged like the flag's, a `valueFrom` counts as set.
   */
  readonly env?: string;
  /** Message when the environment variable is set to an unacceptable value. */
  readonly wrongEnv?: (name: string, value: string) => string;
}

/** The container's `env` entry `name`: its literal value (undefined for `valueFrom`) and the node to point at. */
export function envVar(src: SourceDoc, container: Container, name: string): { value: string | undefined; node: Node } | undefined {
  let found: { value: string | undefined; node: Node } | undefined;
  for (const e of mapItems(src.doc, seqAt(src.doc, container.node, 'env'))) {
    if (stringAt(src.doc, e, 'name') !== name) continue;
    // The last entry of a name wins, as the kubelet builds the environment.
    const value = entry(src.doc, e, 'value');
    if (value?.value) found = { value: itemText(value.value) ?? '', node: value.value };
    else if (entry(src.doc, e, 'valueFrom')) found = { value: undefined, node: e };
    else found = { value: '', node: value?.key ?? e };
  }
  return found;
}

/** Where a "flag missing" finding points: the `command:`/`args:` key, else the container's `name:`. */
export function missingFlagAt(rc: RunningComponent): Node {
  return missingAt(rc.flags) ?? rc.container.anchor;
}

/** A flag written as `--name=value`. */
export function flagText(name: string, value: string): string {
  return `--${name}=${value}`;
}

/** Reports the flag when it is set to a wrong value, or when it is absent and required; returns the flag. */
export function checkFlag(ctx: RuleContext, rc: RunningComponent, req: FlagRequirement): Flag | undefined {
  const flag = lastFlag(rc.flags, req.name);
  const severity = req.severity ? { severity: req.severity } : {};
  if (!flag) {
    const env = req.env ? envVar(ctx.src, rc.container, req.env) : undefined;
    if (env) {
      if (env.value === undefined || isExpansion(env.value) || req.accepts(env.value) !== false) return undefined;
      ctx.report({ at: env.node, message: req.wrongEnv?.(req.env!, env.value) ?? req.missing, ...severity });
      return undefined;
    }
    if (!req.required) return undefined;
    const text = req.fixValue === undefined ? undefined : flagText(req.name, req.fixValue);
    ctx.report({
      at: missingFlagAt(rc),
      message: req.missing,
      ...severity,
      fixes: text && req.safety ? [fix(`Add ${text}`, addFlag(ctx.src, rc.flags, text, req.comment), req.safety)] : [],
    });
    return undefined;
  }
  if (flag.value !== undefined && isExpansion(flag.value)) return flag;
  if (req.accepts(flag.value) !== false) return flag;
  const text = req.fixValue === undefined ? undefined : flagText(req.name, req.fixValue);
  ctx.report({
    at: flagRange(flag),
    message: req.wrong(flag),
    ...severity,
    fixes: text && req.safety && req.fixValue !== undefined ? [fix(`Set ${text}`, setFlagValue(ctx.src, flag, req.fixValue), req.safety)] : [],
  });
  return flag;
}

/** A flag's value for messages: `--anonymous-auth=true`, `--profiling` (bare). */
export function describeFlag(flag: Flag): string {
  return flag.value === undefined ? `--${flag.name}` : `--${flag.name}=${flag.value}`;
}

/** A loopback address (`127.0.0.1`, `::1`): a port bound to it is reachable only from its own node. */
export function isLoopback(value: string | undefined): boolean {
  return value !== undefined && (/^127(?:\.\d{1,3}){3}$/.test(value) || value === '::1');
}
