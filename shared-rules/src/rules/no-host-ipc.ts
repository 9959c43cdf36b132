import { checkPodFlagIsNotTrue } from '../k8s/pod-flags.js';
import { defineRule } from '../rule.js';
import { HARDENED_POD } from '../doc-examples.js';

export default defineRule({
  meta: {
    id: 'no-host-ipc',
    title: "Pods must not share the host's IPC namespace",
    severity: 'error',
    category: 'Pod security',
    guidance: [
      { section: 'Pod Security Policies', page: 10, quote: 'Controls whether containers can share host process namespaces. Set to false.' },
      { section: 'Recommendations', page: 2, quote: 'Denying container features frequently exploited to breakout, such as hostPID, hostIPC, hostNetwork, allowedHostPath' },
    ],
    why: "With the host's IPC namespace a container can read and write the shared memory and message queues of every process on the node.",
    remediation: 'Remove `hostIPC: true`.',
    fix: { safety: 'review', description: 'Removes `hostIPC: true` from the pod spec (the default is false).' },
    peers: ['kubescape C-0038', 'kube-linter host-ipc', 'Polaris hostIPCSet', 'Checkov CKV_K8S_18', 'Trivy KSV008'],
    examples: {
      failing: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  automountServiceAccountToken: false
  hostIPC: true
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
    checkPodFlagIsNotTrue(object, ctx, 'hostIPC', "its containers share the node's shared memory and message queues");
  },
});
