import { isSeq } from 'yaml';
import { auditRules, hasSelector, isAuditPolicy } from '../k8s/config-files.js';
import { defineRule, fix } from '../rule.js';
import { appendItem, replaceValue } from '../yaml/edit.js';
import { entry } from '../yaml/nodes.js';

export default defineRule({
  meta: {
    id: 'audit-policy-catch-all',
    title: 'An audit policy should end with a catch-all rule that logs',
    severity: 'warning',
    category: 'Configuration files',
    guidance: [
      { section: 'Kubernetes native audit logging configuration', page: 24, quote: 'When an audit event registers, the kube-apiserver checks for an audit policy file and applicable rule. If such a rule exists, the server logs the event at the level defined by the first matched rule.' },
    ],
    why: 'A request that no rule matches is not logged at all. Without a last rule that matches everything at Metadata or above, requests nobody thought of (a new resource, an unusual verb, an attacker’s probing) leave no trace.',
    remediation: 'End the rules with `- level: Metadata` (no selector), after the rules that log less or more for particular requests.',
    fix: { safety: 'safe', description: 'Appends `- level: Metadata` to the rules (or raises a catch-all `level: None` to Metadata).' },
    peers: [],
    examples: {
      failing: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: RequestResponse
    resources:
      - group: rbac.authorization.k8s.io
`,
      passing: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: RequestResponse
    resources:
      - group: rbac.authorization.k8s.io
  - level: Metadata
`,
    },
  },
  check(object, ctx) {
    if (!isAuditPolicy(object)) return;
    const doc = ctx.src.doc;
    const rules = auditRules(doc, object.node);
    if (rules.length === 0) return; // audit-policy-levels reports an empty policy
    // Rules are first-match: the first rule without a selector decides the fate of every request no earlier rule
    // matched, and rules after it are never reached.
    const catchAll = rules.find((r) => !hasSelector(doc, r.node));
    if (catchAll) {
      if (catchAll.level !== 'None') return; // a logging level, or a missing/invalid one (audit-policy-levels)
      const value = catchAll.levelEntry!.rawValue!;
      ctx.report({
        at: catchAll.levelEntry!.value!,
        message: 'The catch-all rule of this audit policy is `level: None`: requests no earlier rule matches are not logged.',
        fixes: [fix('Log the requests no other rule matches at Metadata', replaceValue(value, 'Metadata'), 'safe')],
      });
      return;
    }
    const rulesEntry = entry(doc, object.node, 'rules')!;
    const seq = isSeq(rulesEntry.value) ? rulesEntry.value : undefined;
    ctx.report({
      at: rulesEntry.key,
      message: 'Every rule of this audit policy has a selector: requests none of them matches are not logged. End the rules with `- level: Metadata`.',
      fixes: [fix('Append a catch-all rule: - level: Metadata', seq ? appendItem(ctx.src, seq, { level: 'Metadata' }) : undefined, 'safe')],
    });
  },
});
