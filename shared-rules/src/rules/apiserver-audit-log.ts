import { checkFlag, describeFlag, runningComponents } from '../k8s/components.js';
import { lastFlag } from '../k8s/flags.js';
import { defineRule } from '../rule.js';

const nonEmpty = (v: string | undefined) => v !== undefined && v.trim() !== '';

export default defineRule({
  meta: {
    id: 'apiserver-audit-log',
    title: 'The API server must write an audit log',
    severity: 'error',
    category: 'Control plane',
    guidance: [
      { section: 'Recommendations', page: 2, quote: 'Enable audit logging (disabled by default)' },
      { section: 'Appendix M: Example flags with which to submit Audit Policy file to kube-apiserver', page: 49, quote: 'The audit-policy-file flag should be set with the path to the audit policy, and the audit-log-path flag should be set with the desired secure location for the audit logs to be written to.' },
    ],
    why: 'Kubernetes audits nothing until an audit policy and a backend are configured: without them there is no record of who read a Secret, created a privileged Pod or bound cluster-admin, and an intrusion cannot be traced.',
    remediation: 'Pass an audit Policy with `--audit-policy-file`, a log location with `--audit-log-path` (or a webhook backend), and a retention with `--audit-log-maxage`.',
    fix: { safety: 'review', description: 'Adds the missing flag with the paths of the guidance’s Appendix M (and a 30-day retention); the policy file must be written and the paths mounted into the Pod.' },
    peers: ['kubescape C-0067', 'Checkov CKV_K8S_91–94', 'Trivy KCV0019–22'],
    examples: {
      failing: `apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver
  namespace: kube-system
spec:
  containers:
    - name: kube-apiserver
      image: registry.k8s.io/kube-apiserver:v1.30.2
      command:
        - kube-apiserver
        - --authorization-mode=Node,RBAC
`,
      passing: `apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver
  namespace: kube-system
spec:
  containers:
    - name: kube-apiserver
      image: registry.k8s.io/kube-apiserver:v1.30.2
      command:
        - kube-apiserver
        - --authorization-mode=Node,RBAC
        - --audit-policy-file=/etc/kubernetes/policy/audit-policy.yaml
        - --audit-log-path=/var/log/audit.log
        - --audit-log-maxage=30
`,
    },
  },
  check(object, ctx) {
    for (const rc of runningComponents(ctx.src, object, 'kube-apiserver')) {
      checkFlag(ctx, rc, {
        name: 'audit-policy-file',
        accepts: nonEmpty,
        required: true,
        missing: 'kube-apiserver audits nothing: --audit-policy-file is not set.',
        wrong: (flag) => `kube-apiserver sets ${describeFlag(flag)} without a file: nothing is audited.`,
        fixValue: '/etc/kubernetes/policy/audit-policy.yaml',
        safety: 'review',
        comment: 'TODO: write this audit Policy and mount it into the Pod',
      });
      // A webhook backend (Appendix N) sends the events elsewhere: then no log file is needed.
      const webhook = nonEmpty(lastFlag(rc.flags, 'audit-webhook-config-file')?.value);
      const path = checkFlag(ctx, rc, {
        name: 'audit-log-path',
        accepts: nonEmpty,
        required: !webhook,
        missing: 'kube-apiserver writes no audit log: --audit-log-path is not set.',
        wrong: (flag) => `kube-apiserver sets ${describeFlag(flag)} without a location: no audit log is written.`,
        fixValue: '/var/log/audit.log',
        safety: 'review',
        comment: 'TODO: mount a hostPath volume at this path',
      });
      // `-` writes to standard output, where the container runtime keeps the log: no files to age out.
      if (path ? path.value === '-' : webhook) continue;
      checkFlag(ctx, rc, {
        name: 'audit-log-maxage',
        accepts: (v) => (v === undefined ? false : /^[0-9]+$/.test(v) ? Number(v) > 0 : undefined),
        required: true,
        // The guidance calls the retention flags optional (Appendix M): a missing one is a warning.
        severity: 'warning',
        missing: 'kube-apiserver keeps audit log files without a retention: --audit-log-maxage is not set.',
        wrong: (flag) => `kube-apiserver sets ${describeFlag(flag)}: audit log files are never aged out.`,
        fixValue: '30',
        safety: 'review',
      });
    }
  },
});
