import { checkPodFlagIsNotTrue } from '../k8s/pod-flags.js';
import { defineRule } from '../rule.js';
import { HARDENED_POD } from '../doc-examples.js';

export default defineRule({
  meta: {
    id: 'no-host-network',
    title: 'Pods must not use the host network',
    severity: 'error',
    category: 'Pod security',
    guidance: [
      { section: 'Pod Security Policies', page: 10, quote: 'Controls whether containers can use the host network. Set to false.' },
      { section: 'Recommendations', page: 2, quote: 'Denying container features frequently exploited to breakout, such as hostPID, hostIPC, hostNetwork, allowedHostPath' },
    ],
    why: 'A pod on the host network sees every interface of the node, can bind its ports and reach services that trust only local traffic; network policies no longer isolate it.',
    remediation: 'Remove `hostNetwork: true` and expose the pod through a Service instead.',
    fix: { safety: 'review', description: 'Removes `hostNetwork: true` from the pod spec (the default is false).' },
    peers: ['kubescape C-0041', 'kube-linter host-network', 'Polaris hostNetworkSet', 'Checkov CKV_K8S_19', 'Trivy KSV009'],
    examples: {
      failing: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  automountServiceAccountToken: false
  hostNetwork: true
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
    checkPodFlagIsNotTrue(object, ctx, 'hostNetwork', "its containers share the node's network stack");
  },
});
