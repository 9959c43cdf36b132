import { isControlPlaneStaticPod } from '../k8s/objects.js';
import { defineRule, fix } from '../rule.js';
import { setPath } from '../yaml/edit.js';
import { booleanOf, entry } from '../yaml/nodes.js';
import { HARDENED_POD } from '../doc-examples.js';

export default defineRule({
  meta: {
    id: 'automount-service-account-token',
    title: 'Pods should not mount a service account token they do not need',
    severity: 'warning',
    category: 'Pod security',
    guidance: [
      { section: 'Protecting Pod service account tokens', page: 12, quote: 'When an application does not need to access the service account directly, Kubernetes administrators should ensure that Pod specifications disable the secret token being mounted.' },
      { section: 'Protecting Pod service account tokens', page: 12, quote: 'This can be accomplished using the “automountServiceAccountToken: false” directive in the Pod’s YAML specification.' },
    ],
    why: 'Every pod gets a token for the Kubernetes API unless told otherwise; an attacker inside the container uses it to explore and attack the cluster. Most applications never call the API.',
    remediation: 'Set `automountServiceAccountToken: false` in the pod spec (or on its ServiceAccount) unless the application calls the Kubernetes API.',
    fix: { safety: 'review', description: 'Sets `automountServiceAccountToken: false` in the pod spec; an application that calls the Kubernetes API will lose its credentials.' },
    peers: ['kubescape C-0034', 'Polaris automountServiceAccountToken', 'Checkov CKV_K8S_38', 'Trivy KSV036'],
    examples: {
      failing: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
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
    const w = object.workload;
    // Static Pods cannot reference a service account: the kubelet runs them without a token.
    if (!w || isControlPlaneStaticPod(ctx.src.doc, object)) return;
    const setting = entry(ctx.src.doc, w.podSpec, 'automountServiceAccountToken');
    if (setting && booleanOf(setting.value) === false) return;
    ctx.report({
      at: setting?.value ?? w.podSpecKey,
      message: setting?.value
        ? 'The pod mounts its service account token (automountServiceAccountToken: true).'
        : 'The pod mounts a service account token by default: set automountServiceAccountToken: false unless it calls the Kubernetes API.',
      fixes: [fix('Set automountServiceAccountToken: false for the pod', setPath(ctx.src, w.podSpec, ['automountServiceAccountToken'], false), 'review')],
    });
  },
});
