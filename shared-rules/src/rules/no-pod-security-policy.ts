import { defineRule } from '../rule.js';
import { entry } from '../yaml/nodes.js';

export default defineRule({
  meta: {
    id: 'no-pod-security-policy',
    title: 'Replace PodSecurityPolicies with Pod Security Admission',
    severity: 'information',
    category: 'Pod security enforcement',
    guidance: [
      { section: 'Pod Security Policies', page: 10, quote: 'A Pod Security Policy (PSP) is a cluster-wide policy that specifies security requirements/defaults for Pods to execute within the cluster.' },
      { section: 'Recommendations', page: 3, quote: 'Remove components from the environment when they are no longer needed' },
    ],
    why: 'Version 1.0 of the guidance recommends PodSecurityPolicies, but Kubernetes removed them in 1.25: on a current cluster the object is refused or ignored, and the pods it was meant to restrict are admitted unchecked. Pod Security Admission (namespace labels) replaces it.',
    remediation: 'Delete the PodSecurityPolicy and label each Namespace `pod-security.kubernetes.io/enforce: restricted` (or `baseline`) instead.',
    peers: ['kubescape C-0068'],
    examples: {
      failing: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: restricted
spec:
  privileged: false
  allowPrivilegeEscalation: false
  requiredDropCapabilities: [ALL]
  runAsUser:
    rule: MustRunAsNonRoot
  seLinux:
    rule: RunAsAny
  supplementalGroups:
    rule: RunAsAny
  fsGroup:
    rule: RunAsAny
`,
      passing: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: restricted
`,
    },
  },
  check(object, ctx) {
    // Every apiVersion it ever had (policy/v1beta1, extensions/v1beta1) is gone.
    if (object.kind !== 'PodSecurityPolicy') return;
    const name = object.name ? `PodSecurityPolicy \`${object.name}\`` : 'This PodSecurityPolicy';
    ctx.report({
      at: entry(ctx.src.doc, object.node, 'kind')?.value ?? object.kindKey,
      message: `${name} has no effect since Kubernetes 1.25, which removed PodSecurityPolicy: enforce Pod Security Admission with the pod-security.kubernetes.io/enforce namespace label instead.`,
    });
  },
});
