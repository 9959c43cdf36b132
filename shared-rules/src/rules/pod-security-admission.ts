import { isScalar } from 'yaml';
import { defineRule, fix } from '../rule.js';
import { setEntries, setPath } from '../yaml/edit.js';
import { deepestKey, entry, mapAt } from '../yaml/nodes.js';

const PREFIX = 'pod-security.kubernetes.io/';
const ENFORCE = `${PREFIX}enforce`;
/** What the fix sets: enforce restricted; the version, warn and audit labels only where they are absent. */
const LABELS = {
  [ENFORCE]: 'restricted',
  [`${PREFIX}enforce-version`]: 'latest',
  [`${PREFIX}warn`]: 'restricted',
  [`${PREFIX}audit`]: 'restricted',
} as const;

export default defineRule({
  meta: {
    id: 'pod-security-admission',
    title: 'Namespaces must enforce a Pod Security Standard',
    severity: 'warning',
    category: 'Pod security enforcement',
    guidance: [
      { section: 'Pod Security Policies', page: 10, quote: 'While security mechanisms are often specified within Pod/deployment configurations, PSPs establish a minimum security threshold to which all Pods must adhere.' },
      { section: 'Recommendations', page: 2, quote: 'Use a Pod Security Policy to enforce a minimum level of security' },
    ],
    why: 'Without an enforced level, any pod the namespace’s users can create is admitted, privileged and host-namespace pods included. v1.0 of the guidance asks for PodSecurityPolicies, which Kubernetes 1.25 removed; their replacement (named in v1.2) is Pod Security Admission, switched on per namespace by the `pod-security.kubernetes.io/enforce` label.',
    remediation: 'Label the Namespace `pod-security.kubernetes.io/enforce: restricted` (or `baseline` where restricted cannot work yet), with `warn` and `audit` at restricted.',
    fix: { safety: 'review', description: 'Sets `pod-security.kubernetes.io/enforce: restricted` and adds the `enforce-version: latest`, `warn: restricted` and `audit: restricted` labels that are missing; pods that break the restricted standard are then refused.' },
    peers: ['kubescape C-0192'],
    examples: {
      failing: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
`,
      passing: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: restricted
    pod-security.kubernetes.io/enforce-version: latest
    pod-security.kubernetes.io/warn: restricted
    pod-security.kubernetes.io/audit: restricted
`,
    },
  },
  check(object, ctx) {
    if (object.kind !== 'Namespace') return;
    // kube-system runs the control plane's privileged pods: the privileged level (set or implied) is expected there.
    if (object.name === 'kube-system') return;
    const doc = ctx.src.doc;
    const labelsEntry = entry(doc, object.metadata, 'labels');
    const labels = mapAt(doc, object.metadata, 'labels');
    const enforce = entry(doc, labels, ENFORCE);
    const level = isScalar(enforce?.value) ? enforce.value.value : undefined;
    if (level === 'restricted' || level === 'baseline') return;

    let edits;
    if (labels) {
      if (labelsEntry?.rawValue === labels) {
        const wanted: Record<string, string> = { [ENFORCE]: 'restricted' };
        for (const [key, value] of Object.entries(LABELS)) if (!entry(doc, labels, key)) wanted[key] = value;
        edits = setEntries(ctx.src, labels, wanted);
      }
    } else if (!labelsEntry?.value) {
      edits = setPath(ctx.src, object.node, ['metadata', 'labels'], LABELS);
    }
    const ns = object.name ? `Namespace \`${object.name}\`` : 'This Namespace';
    ctx.report({
      at: enforce?.value ?? enforce?.key ?? deepestKey(doc, object.node, ['metadata', 'labels']) ?? object.kindKey,
      message: enforce?.value
        ? level === 'privileged'
          ? `${ns} enforces the privileged Pod Security Standard: every pod is admitted, privileged ones included.`
          : `${ns} sets ${ENFORCE} to \`${String(level)}\`, which is not a Pod Security Standard level: enforce restricted or baseline.`
        : `${ns} enforces no Pod Security Standard: label it ${ENFORCE}: restricted (or baseline).`,
      fixes: [fix(`Enforce the restricted Pod Security Standard on ${ns === 'This Namespace' ? 'this Namespace' : ns}`, edits, 'review')],
    });
  },
});
