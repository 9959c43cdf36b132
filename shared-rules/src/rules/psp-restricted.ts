import { isScalar, type Node, type YAMLMap } from 'yaml';
import { isAll } from '../k8s/capabilities.js';
import { defineRule, fix, type RuleContext } from '../rule.js';
import type { TextEdit } from '../types.js';
import { appendItem, replaceValue, setPath } from '../yaml/edit.js';
import { booleanOf, entry, items, mapAt, mapItems, numberOf, seqAt, stringAt } from '../yaml/nodes.js';

export default defineRule({
  meta: {
    id: 'psp-restricted',
    title: 'PodSecurityPolicies must enforce the hardened settings',
    severity: 'warning',
    category: 'Pod security enforcement',
    guidance: [
      { section: 'Pod Security Policies', page: 10, quote: 'NSA and CISA encourage organizations to adapt the Kubernetes hardened PSP template in Appendix C: Example Pod Security Policy to their needs.' },
      { section: 'Appendix C: Example Pod Security Policy', page: 36, quote: 'The following is an example Kubernetes Pod Security Policy that enforces strong security requirements for containers running in the cluster.' },
    ],
    why: 'A PodSecurityPolicy is only as strong as its weakest field: one that allows privileged containers, privilege escalation, the host’s namespaces, root users or the runtime’s default capabilities admits exactly the pods that break out of containers. (On clusters older than 1.25 only; see `no-pod-security-policy`.)',
    remediation: 'Set the fields as in Appendix C: `privileged: false`, `allowPrivilegeEscalation: false`, `requiredDropCapabilities: [ALL]`, no host namespaces, `runAsUser.rule: MustRunAsNonRoot`, and `readOnlyRootFilesystem: true` where possible.',
    fix: { safety: 'safe', description: 'Sets the one field to its hardened value (`false`, `ALL` added to `requiredDropCapabilities`, `runAsUser.rule: MustRunAsNonRoot`).' },
    peers: ['Checkov CKV_K8S_1–7'],
    examples: {
      failing: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: permissive
spec:
  privileged: true
  allowPrivilegeEscalation: false
  requiredDropCapabilities: [ALL]
  readOnlyRootFilesystem: true
  runAsUser:
    rule: MustRunAsNonRoot
  seLinux:
    rule: RunAsAny
  supplementalGroups:
    rule: RunAsAny
  fsGroup:
    rule: RunAsAny
`,
      passing: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: restricted
spec:
  privileged: false
  allowPrivilegeEscalation: false
  requiredDropCapabilities: [ALL]
  hostNetwork: false
  hostIPC: false
  hostPID: false
  readOnlyRootFilesystem: true
  runAsUser:
    rule: MustRunAsNonRoot
  seLinux:
    rule: RunAsAny
  supplementalGroups:
    rule: RunAsAny
  fsGroup:
    rule: RunAsAny
`,
    },
  },
  check(object, ctx) {
    if (object.kind !== 'PodSecurityPolicy') return;
    const doc = ctx.src.doc;
    const what = object.name ? `PodSecurityPolicy \`${object.name}\`` : 'This PodSecurityPolicy';
    const specEntry = entry(doc, object.node, 'spec');
    const spec = mapAt(doc, object.node, 'spec');
    if (specEntry?.value && !spec) return;
    // Where a missing field points: the `spec:` key (or `kind:` when there is no spec at all).
    const missingAt: Node = specEntry?.key ?? object.kindKey;
    const set = (path: readonly string[], value: boolean | string | string[]) =>
      spec && specEntry?.rawValue !== spec ? undefined : spec ? setPath(ctx.src, spec, path, value) : setPath(ctx.src, object.node, ['spec', ...path], value);
    const report = (at: Node, message: string, title: string, edits: TextEdit[] | undefined) =>
      ctx.report({ at, message: `${what} ${message}`, fixes: [fix(title, edits, 'safe')] });

    for (const [key, consequence] of [
      ['privileged', 'privileged containers, with every device and capability of the node'],
      ['hostNetwork', 'pods on the node’s network stack'],
      ['hostIPC', 'pods in the node’s IPC namespace'],
      ['hostPID', 'pods that see every process of the node'],
    ] as const) {
      const found = entry(doc, spec, key);
      if (!found?.value || booleanOf(found.value) !== true) continue;
      report(found.value, `sets ${key}: true: it admits ${consequence}.`, `Set ${key}: false`, replaceValue(found.rawValue!, false));
    }

    const escalation = entry(doc, spec, 'allowPrivilegeEscalation');
    if (booleanOf(escalation?.value) !== false) {
      report(
        escalation?.value ?? escalation?.key ?? missingAt,
        escalation?.value
          ? 'allows privilege escalation: set allowPrivilegeEscalation: false.'
          : 'does not set allowPrivilegeEscalation: false, so setuid binaries can gain privileges in every pod it admits.',
        'Set allowPrivilegeEscalation: false',
        set(['allowPrivilegeEscalation'], false),
      );
    }

    checkDropAll(ctx, spec, missingAt, set, report);
    checkRunAsUser(ctx, spec, missingAt, set, report);

    const readOnly = entry(doc, spec, 'readOnlyRootFilesystem');
    if (booleanOf(readOnly?.value) !== true) {
      // Table I asks for it "when possible": information only, and no fix (it stops applications that write).
      ctx.report({
        at: readOnly?.value ?? readOnly?.key ?? missingAt,
        severity: 'information',
        message: `${what} does not require readOnlyRootFilesystem: true; require it where the workloads allow.`,
      });
    }
  },
});

type Setter = (path: readonly string[], value: boolean | string | string[]) => TextEdit[] | undefined;
type Reporter = (at: Node, message: string, title: string, edits: TextEdit[] | undefined) => void;

function checkDropAll(ctx: RuleContext, spec: YAMLMap | undefined, missingAt: Node, set: Setter, report: Reporter): void {
  const doc = ctx.src.doc;
  const drop = entry(doc, spec, 'requiredDropCapabilities');
  const list = seqAt(doc, spec, 'requiredDropCapabilities');
  if (items(doc, list).some((n) => isScalar(n) && isAll(n.value))) return;
  const title = 'Add ALL to requiredDropCapabilities';
  if (!drop) {
    report(missingAt, 'does not require dropping capabilities: add requiredDropCapabilities: [ALL].', title, set(['requiredDropCapabilities'], ['ALL']));
    return;
  }
  const edits = list ? (drop.rawValue === list ? appendItem(ctx.src, list, 'ALL') : undefined) : drop.value ? undefined : set(['requiredDropCapabilities'], ['ALL']);
  report(drop.key, 'does not require dropping ALL capabilities: add ALL to requiredDropCapabilities.', title, edits);
}

function checkRunAsUser(ctx: RuleContext, spec: YAMLMap | undefined, missingAt: Node, set: Setter, report: Reporter): void {
  const doc = ctx.src.doc;
  const title = 'Set runAsUser.rule: MustRunAsNonRoot';
  const runAsUser = entry(doc, spec, 'runAsUser');
  const options = mapAt(doc, spec, 'runAsUser');
  if (runAsUser?.value && !options) return; // not a map: the API server refuses it anyway
  const rule = entry(doc, options, 'rule');
  const value = stringAt(doc, options, 'rule');
  if (value === 'MustRunAsNonRoot') return;
  // MustRunAs with ranges that all start above 0 admits only non-root users too.
  const ranges = mapItems(doc, seqAt(doc, options, 'ranges'));
  if (value === 'MustRunAs' && ranges.length > 0 && ranges.every((r) => (numberOf(entry(doc, r, 'min')?.value) ?? 0) > 0)) return;
  if (!rule?.value) {
    report(rule?.key ?? runAsUser?.key ?? missingAt, 'does not restrict users: set runAsUser.rule: MustRunAsNonRoot.', title, set(['runAsUser', 'rule'], 'MustRunAsNonRoot'));
    return;
  }
  const edits = isScalar(rule.value) && rule.rawValue === rule.value ? replaceValue(rule.value, 'MustRunAsNonRoot') : undefined;
  report(rule.value, `admits containers that run as root (runAsUser rule \`${value ?? '?'}\`): use MustRunAsNonRoot.`, title, edits);
}
