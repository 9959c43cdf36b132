import { checkPodFlagIsNotTrue } from '../k8s/pod-flags.js';
import { defineRule } from '../rule.js';

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
  },
  check(object, ctx) {
    checkPodFlagIsNotTrue(object, ctx, 'hostPID', "its containers see every process on the node");
  },
});
