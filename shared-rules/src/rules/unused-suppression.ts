// Reports suppressions (comment directives, ignore annotations) that name an unknown rule or suppress nothing.
// The engine computes these findings while applying suppressions (suppressions.ts); this file holds the rule's
// metadata so that it is documented, configurable and addressable like every other rule.
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'unused-suppression',
    title: 'Suppressions must name a known rule and suppress something',
    severity: 'information',
    category: 'Suppressions',
    guidance: [],
    why: 'A suppression that silences nothing hides nothing today but will silently hide a real finding later, after the manifest changes; one with a misspelt rule id never worked at all.',
    remediation: 'Remove the directive or annotation, or correct the rule id.',
    fix: { safety: 'safe', description: 'Removes the directive line, the annotation, or just the unused id from its list.' },
    peers: ['ESLint --report-unused-disable-directives'],
    examples: {
      failing: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  annotations:
    kube-hardening.io/ignore: "run-as-root"
data:
  mode: production
`,
      passing: `apiVersion: v1
kind: Pod
metadata:
  name: debug
  annotations:
    kube-hardening.io/ignore: "no-privileged"
    kube-hardening.io/ignore-reason: "node debugging pod, deleted after use"
spec:
  containers:
    - name: debug
      image: busybox:1.36
      securityContext:
        privileged: true
`,
    },
  },
  check() {
    // Computed by the engine while it applies suppressions.
  },
});
