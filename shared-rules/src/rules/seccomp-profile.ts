import { setInheritedField } from '../k8s/fixes.js';
import { capitalise, describeContainer, type Container, type Workload } from '../k8s/objects.js';
import { defineRule, fix } from '../rule.js';
import { replaceValue } from '../yaml/edit.js';
import { entry, stringAt } from '../yaml/nodes.js';
import { isMap, type Document, type Node } from 'yaml';
import { HARDENED_POD } from '../doc-examples.js';

export default defineRule({
  meta: {
    id: 'seccomp-profile',
    title: 'Containers must run with a seccomp profile',
    severity: 'warning',
    category: 'Pod security',
    guidance: [
      { section: 'Pod Security Policies', page: 11, quote: 'Where possible, use a seccomp auditing profile to identify required syscalls for running applications; then enable a seccomp profile to block all other syscalls.' },
      { section: 'Seccomp: audit mode', page: 26, quote: 'This tool is disabled by default but can be used to limit a container’s system call abilities, thereby lowering the kernel’s attack surface.' },
    ],
    why: 'Without a seccomp profile a container may call every system call of the node’s kernel, including the rarely used ones most kernel exploits go through. `RuntimeDefault` blocks those and almost never breaks an application.',
    remediation: 'Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod (or `Localhost` with a profile of your own).',
    fix: { safety: 'safe', description: 'Sets `seccompProfile.type: RuntimeDefault` in the pod `securityContext` (or where the profile is overridden).' },
    peers: ['kubescape C-0210', 'Checkov CKV_K8S_31', 'Trivy KSV030'],
    examples: {
      failing: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  automountServiceAccountToken: false
  securityContext:
    runAsNonRoot: true
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities:
          drop: [ALL]
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
    for (const c of w.containers) {
      const profile = profileOf(ctx.src.doc, w, c);
      const who = capitalise(describeContainer(c));
      const placed = setInheritedField(ctx.src, w, c, 'seccompProfile', ['type'], 'RuntimeDefault');
      // The API server refuses a pod whose seccomp annotation and field of one level disagree, and copies a
      // container's annotation into its unset field: the `unconfined` annotations that would undo the fix are
      // rewritten too (the container's own, and the pod's when the field goes to the pod).
      const annotationEdits = unconfinedAnnotations(ctx.src.doc, w, c, placed.level === 'pod').map((node) => replaceValue(node, 'runtime/default'));
      const edits = placed.edits && annotationEdits.every(Boolean) ? [...placed.edits, ...annotationEdits.flatMap((e) => e!)] : undefined;
      const also = annotationEdits.length > 0 ? ` and replace the unconfined seccomp annotation` : '';
      const fixes = [fix(`Set seccompProfile type RuntimeDefault ${placed.where}${also}`, edits, 'safe')];
      if (!profile) {
        ctx.report({ at: c.anchor, message: `${who} has no seccomp profile: every system call of the kernel is open to it.`, fixes });
      } else if (profile.value === 'unconfined') {
        ctx.report({ at: profile.node, severity: 'error', message: `${who} runs Unconfined by seccomp${profile.how}.`, fixes });
      }
    }
  },
});

interface Profile {
  /** `runtimedefault`, `localhost`, `unconfined`, or anything else as written, lower-cased. */
  readonly value: string;
  readonly node: Node;
  readonly how: string;
}

/** The container's seccomp profile: fields (container, then pod) win over the legacy annotations. */
function profileOf(doc: Document.Parsed, w: Workload, c: Container): Profile | undefined {
  const field = c.effective.seccompProfile;
  const fieldMap = isMap(field?.node) ? field.node : undefined;
  const fieldType = entry(doc, fieldMap, 'type');
  if (field && fieldType?.value) {
    const value = (stringAt(doc, fieldMap, 'type') ?? '').toLowerCase();
    return { value, node: fieldType.value, how: field.level === 'pod' ? ' (pod securityContext)' : '' };
  }
  const annotations = w.podAnnotations;
  const byContainer = c.name ? entry(doc, annotations, `container.seccomp.security.alpha.kubernetes.io/${c.name}`) : undefined;
  const byPod = entry(doc, annotations, 'seccomp.security.alpha.kubernetes.io/pod');
  const annotation = byContainer?.value ? byContainer : byPod?.value ? byPod : undefined;
  if (!annotation?.value) return undefined;
  const text = (stringAt(doc, annotations, String(annotation.key.value)) ?? '').toLowerCase();
  const value = text === 'runtime/default' || text === 'docker/default' ? 'runtimedefault' : text.startsWith('localhost/') ? 'localhost' : text;
  return { value, node: annotation.value, how: ` (legacy annotation ${String(annotation.key.value)})` };
}

/** The legacy annotations (the container's own, and the pod's when asked) that say `unconfined`. */
function unconfinedAnnotations(doc: Document.Parsed, w: Workload, c: Container, withPod: boolean): Node[] {
  const keys = [
    ...(c.name ? [`container.seccomp.security.alpha.kubernetes.io/${c.name}`] : []),
    ...(withPod ? ['seccomp.security.alpha.kubernetes.io/pod'] : []),
  ];
  return keys
    .filter((key) => stringAt(doc, w.podAnnotations, key)?.toLowerCase() === 'unconfined')
    .map((key) => entry(doc, w.podAnnotations, key)!.value!);
}
