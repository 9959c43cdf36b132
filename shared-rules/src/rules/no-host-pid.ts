import { checkPodFlagIsNotTrue } from '../k8s/pod-flags.js';
import { defineRule } from '../rule.js';
import { HARDENED_POD } from '../doc-examples.js';

export default defineRule({
  meta: {
    id: 'no-host-pid',
    title: "Pods must not share the host's process namespace",
    severity: 'error',
    category: 'Pod security',
    guidance: [
      { section: 'Pod Security Policies', page: 10, quote: 'Controls whether containers can share host process namespaces. Set to false.' },
      { section: 'Recommendations', page: 2, quote: 'Denying container features frequently exploited to breakout, such as hostPID, hostIPC, hostNetwork, allowedHostPath' },
    ],
    why: "With the host's PID namespace a container sees every process on the node, can read their environment and, with enough privileges, signal or trace them: a short step to escaping the container.",
    remediation: 'Remove `hostPID: true`.',
    fix: { safety: 'review', description: 'Removes `hostPID: true` from the pod spec (the default is false).' },
    peers: ['kubescape C-0038', 'kube-linter host-pid', 'Polaris hostPIDSet', 'Checkov CKV_K8S_17', 'Trivy KSV010'],
    examples: {
      failing: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  automountServiceAccountToken: false
  hostPID: true
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
      resources:
        limits:
          cpu: 500m
          memory: 256Mi
`,
      passing: HARDENED_POD,
    },
  },
  check(object, ctx) {
    checkPodFlagIsNotTrue(object, ctx, 'hostPID', "its containers see every process on the node");
  },
});
