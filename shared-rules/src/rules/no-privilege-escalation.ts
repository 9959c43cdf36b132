import { setContainerField } from '../k8s/fixes.js';
import { capitalise, describeContainer } from '../k8s/objects.js';
import { defineRule, fix } from '../rule.js';
import { booleanOf } from '../yaml/nodes.js';
import { HARDENED_POD } from '../doc-examples.js';

export default defineRule({
  meta: {
    id: 'no-privilege-escalation',
    title: 'Containers must set allowPrivilegeEscalation: false',
    severity: 'warning',
    category: 'Pod security',
    guidance: [
      { section: 'Pod Security Policies', page: 11, quote: 'Restricts escalation to root privileges. Set to false. This measure is required to effectively enforce “runAsUser: MustRunAsNonRoot” settings.' },
    ],
    why: 'Unless it is set to false, a process can gain more privileges than its parent through setuid binaries or file capabilities, undoing a non-root user. Kubernetes allows escalation when the field is unset.',
    remediation: 'Set `securityContext.allowPrivilegeEscalation: false` on every container.',
    fix: { safety: 'safe', description: 'Sets `allowPrivilegeEscalation: false` in the container `securityContext`, merging into an existing one.' },
    peers: ['kubescape C-0016', 'kube-linter privilege-escalation-container', 'Polaris privilegeEscalationAllowed', 'Checkov CKV_K8S_20', 'Trivy KSV001'],
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
    // The API server rejects allowPrivilegeEscalation on Windows pods.
    if (!w || w.windows) return;
    for (const c of w.containers) {
      const setting = c.effective.allowPrivilegeEscalation;
      if (setting && booleanOf(setting.node) === false) continue;
      // The API server rejects allowPrivilegeEscalation: false together with privileged: true; no-privileged
      // offers that fix first.
      const privileged = booleanOf(c.effective.privileged?.node) === true;
      const placed = setContainerField(ctx.src, c, ['allowPrivilegeEscalation'], false);
      ctx.report({
        at: setting ? setting.node : c.anchor,
        message: setting
          ? `${capitalise(describeContainer(c))} allows privilege escalation.`
          : `${capitalise(describeContainer(c))} does not set allowPrivilegeEscalation: false, so its processes may gain privileges.`,
        fixes: privileged ? [] : [fix(`Set allowPrivilegeEscalation: false ${placed.where}`, placed.edits, 'safe')],
      });
    }
  },
});
