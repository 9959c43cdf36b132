import { capitalise, describeContainer, type Container, type K8sObject } from '../k8s/objects.js';
import { defineRule, fix } from '../rule.js';
import type { TextEdit } from '../types.js';
import { removePath } from '../yaml/edit.js';
import { entry, mapAt, stringAt } from '../yaml/nodes.js';
import type { SourceDoc } from '../yaml/source.js';
import { isMap, isScalar, visit, type Node, type YAMLMap } from 'yaml';
import { HARDENED_POD } from '../doc-examples.js';

/** The SELinux types container runtimes give containers; anything else (spc_t, unconfined_t …) is an override. */
const CONTAINER_TYPES = new Set(['container_t', 'container_init_t', 'container_kvm_t']);

const APPARMOR_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';

/** A setting that applies to the container, and how to take it away. */
interface Source {
  readonly node: Node;
  /** "container `web`", "the pod", "the annotation …": for messages and fix titles. */
  readonly label: string;
  /** The value as written (the SELinux type, `Unconfined`, `unconfined`). */
  readonly value: string;
  readonly bad: boolean;
  /** Still in effect after the removal (a `level` keeps seLinuxOptions): the sources after it stay shadowed. */
  readonly shadows?: boolean;
  readonly remove: () => TextEdit[] | undefined;
}

export default defineRule({
  meta: {
    id: 'selinux-apparmor',
    title: 'Containers must not override SELinux or AppArmor confinement',
    severity: 'warning',
    category: 'Pod security',
    guidance: [
      { section: 'Recommendations', page: 2, quote: 'Hardening applications against exploitation using security services such as SELinux®, AppArmor®, and seccomp' },
      { section: 'Pod Security Policies', page: 11, quote: 'Where possible, harden containerized applications by employing AppArmor to constrain exploitation.' },
    ],
    why: 'The runtime’s SELinux type and AppArmor profile are what stop a compromised process from touching the node’s files and devices; `spc_t` or an `unconfined` profile switches that protection off for the container.',
    remediation: 'Remove the custom SELinux `type` and the `Unconfined` AppArmor profile so the runtime’s defaults apply, or use a `Localhost` profile written for the application.',
    fix: { safety: 'review', description: 'Removes the SELinux type override or the unconfined AppArmor profile (field or annotation) so the runtime default applies.' },
    peers: ['kubescape C-0055', 'Polaris linuxHardening', 'Trivy KSV002', 'Trivy KSV025'],
    examples: {
      failing: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  automountServiceAccountToken: false
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities:
          drop: [ALL]
        seLinuxOptions:
          type: spc_t
      resources:
        limits:
          cpu: 500m
          memory: 256Mi
`,
      passing: HARDENED_POD,
    },
  },
  check(object, ctx) {
    const w = object.workload;
    if (!w || w.windows) return;
    const src = ctx.src;
    for (const c of w.containers) {
      const who = capitalise(describeContainer(c));
      // SELinux: the container's seLinuxOptions replace the pod's as a whole.
      const selinux = [
        seLinuxSource(src, c.node, describeContainer(c)),
        seLinuxSource(src, w.podSpec, 'the pod'),
      ];
      const seFix = removals(selinux);
      if (seFix) {
        ctx.report({
          at: seFix.first.node,
          message: `${who} runs with the SELinux type ${seFix.first.value}${seFix.first.label === 'the pod' ? ' (from the pod)' : ''}: SELinux no longer confines it like a container.`,
          fixes: [fix(`Remove the SELinux type override from ${seFix.labels}`, seFix.edits, 'review')],
        });
      }
      // AppArmor: the container's field, else its annotation, else the pod's field (as the kubelet reads them).
      const apparmor = [
        appArmorFieldSource(src, c.node, describeContainer(c)),
        appArmorAnnotationSource(src, object, c),
        appArmorFieldSource(src, w.podSpec, 'the pod'),
      ];
      const aaFix = removals(apparmor);
      if (aaFix) {
        const how = aaFix.first.label.startsWith('the annotation') ? ` (${aaFix.first.label})` : aaFix.first.label === 'the pod' ? ' (from the pod)' : '';
        ctx.report({
          at: aaFix.first.node,
          message: `${who} runs unconfined by AppArmor${how}: nothing limits what it can do to the node’s files.`,
          fixes: [fix(`Remove the unconfined AppArmor profile from ${aaFix.labels}`, aaFix.edits, 'review')],
        });
      }
    }
  },
});

/**
 * When the source in effect (the first present) is bad: the edits that remove it and, as each removal lets the
 * next source take effect, every following bad one, so the fix leaves the container confined.
 */
function removals(sources: readonly (Source | undefined)[]): { first: Source; labels: string; edits: TextEdit[] | undefined } | undefined {
  const present = sources.filter((s): s is Source => !!s);
  const first = present[0];
  if (!first?.bad) return undefined;
  const taken: Source[] = [];
  for (const s of present) {
    if (!s.bad) break;
    taken.push(s);
    if (s.shadows) break;
  }
  const edits = taken.map((s) => s.remove());
  return {
    first,
    labels: taken.map((s) => s.label).join(' and '),
    edits: edits.every(Boolean) ? edits.flatMap((e) => e!) : undefined,
  };
}

/** `seLinuxOptions.type` of a securityContext; removing the type leaves the map (and its `level`) in effect. */
function seLinuxSource(src: SourceDoc, owner: YAMLMap, label: string): Source | undefined {
  const options = mapAt(src.doc, mapAt(src.doc, owner, 'securityContext'), 'seLinuxOptions');
  if (!options) return undefined;
  const type = entry(src.doc, options, 'type');
  const value = stringAt(src.doc, options, 'type') ?? '';
  return {
    node: type?.value ?? options,
    label,
    value,
    bad: value !== '' && !CONTAINER_TYPES.has(value),
    // Other keys (a `level`) keep this map in effect after the type goes: the pod's no longer applies.
    shadows: options.items.length > 1,
    remove: () => removePath(src, owner, ['securityContext', 'seLinuxOptions', 'type']),
  };
}

function appArmorFieldSource(src: SourceDoc, owner: YAMLMap, label: string): Source | undefined {
  const profile = mapAt(src.doc, mapAt(src.doc, owner, 'securityContext'), 'appArmorProfile');
  if (!profile) return undefined;
  const type = entry(src.doc, profile, 'type');
  const value = stringAt(src.doc, profile, 'type') ?? '';
  return {
    node: type?.value ?? profile,
    label,
    value,
    bad: value.toLowerCase() === 'unconfined',
    remove: () => removePath(src, owner, ['securityContext', 'appArmorProfile']),
  };
}

function appArmorAnnotationSource(src: SourceDoc, object: K8sObject, c: Container): Source | undefined {
  const annotations = object.workload?.podAnnotations;
  if (!c.name || !annotations) return undefined;
  const key = `${APPARMOR_ANNOTATION}${c.name}`;
  const found = entry(src.doc, annotations, key);
  if (!found?.value) return undefined;
  const holder = holderOf(object.node, annotations);
  const value = stringAt(src.doc, annotations, key) ?? '';
  return {
    node: found.value,
    label: `the annotation ${key}`,
    value,
    bad: value.toLowerCase() === 'unconfined',
    remove: () => (holder ? removePath(src, holder, ['annotations', key]) : undefined),
  };
}

/** The map whose `annotations` entry is `annotations` (the pod template's metadata). */
function holderOf(root: YAMLMap, annotations: YAMLMap): YAMLMap | undefined {
  let holder: YAMLMap | undefined;
  visit(root, {
    Map(_, map) {
      if (map.items.some((p) => isScalar(p.key) && p.key.value === 'annotations' && p.value === annotations)) {
        holder = map;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return holder && isMap(holder) ? holder : undefined;
}
