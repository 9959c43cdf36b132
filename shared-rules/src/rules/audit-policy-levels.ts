import { isMap, isScalar, isSeq } from 'yaml';
import { AUDIT_LEVELS, auditRules, isAuditPolicy, type AuditLevel } from '../k8s/config-files.js';
import { defineRule, fix } from '../rule.js';
import { appendItem, replaceValue, setPath } from '../yaml/edit.js';
import { entry, items } from '../yaml/nodes.js';

export default defineRule({
  meta: {
    id: 'audit-policy-levels',
    title: 'Every audit policy rule must set a valid level',
    severity: 'error',
    category: 'Configuration files',
    guidance: [
      { section: 'Kubernetes native audit logging configuration', page: 24, quote: 'For a rule to be considered valid, it must specify one of the four audit levels: None, Metadata, Request, or RequestResponse.' },
      { section: 'Kubernetes native audit logging configuration', page: 24, quote: 'Cluster administrators must write an audit policy YAML file to establish the rules and specify the desired audit level at which to log each type of audit event.' },
    ],
    why: 'The API server refuses an audit policy without rules or with a rule whose level is missing or misspelled (levels are case-sensitive), and then does not start, or runs without the audit log the cluster relies on.',
    remediation: 'Give every rule a `level` of None, Metadata, Request or RequestResponse, spelled exactly so, and keep at least one rule.',
    fix: { safety: 'safe', description: 'Adds `level: Metadata` to a rule without level (or a first rule to an empty policy), and corrects the spelling of a misspelled level.' },
    peers: [],
    examples: {
      failing: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: metadata
`,
      passing: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: Metadata
`,
    },
  },
  check(object, ctx) {
    if (!isAuditPolicy(object)) return;
    const doc = ctx.src.doc;
    const rulesEntry = entry(doc, object.node, 'rules');
    const rulesSeq = isSeq(rulesEntry?.value) ? rulesEntry.value : undefined;
    if (!rulesSeq || items(doc, rulesSeq).length === 0) {
      const addRule = rulesSeq
        ? appendItem(ctx.src, rulesSeq, { level: 'Metadata' })
        : rulesEntry?.value ? undefined : setPath(ctx.src, object.node, ['rules'], [{ level: 'Metadata' }]);
      ctx.report({
        at: rulesEntry?.key ?? object.kindKey,
        message: rulesEntry?.value && !rulesSeq
          ? '`rules` of this audit policy is not a list: the API server refuses the policy.'
          : 'This audit policy has no rules: the API server refuses a policy with none.',
        fixes: [fix('Add a rule logging every request at Metadata', addRule, 'safe')],
      });
      return;
    }
    for (const node of items(doc, rulesSeq)) {
      if (!isMap(node)) ctx.report({ at: node, message: 'An audit policy rule must be a map with a `level`: the API server refuses the policy.' });
    }
    for (const rule of auditRules(doc, object.node)) {
      if (rule.level) continue;
      const found = rule.levelEntry;
      if (!found?.value) {
        ctx.report({
          at: found ? found.key : rule.anchor,
          message: 'This audit policy rule has no `level`: the API server refuses the policy.',
          fixes: [fix('Set level: Metadata on this rule', setPath(ctx.src, rule.node, ['level'], 'Metadata'), 'safe')],
        });
        continue;
      }
      const v = found.value;
      const written = isScalar(v) && v.value !== null && typeof v.value !== 'object' ? String(v.value) : undefined;
      const meant = written === undefined ? undefined : closestLevel(written);
      const replacement: AuditLevel = meant ?? 'Metadata';
      ctx.report({
        at: v,
        message: `${written === undefined ? 'This rule\'s level' : `\`${written}\``} is not an audit level (None, Metadata, Request, RequestResponse; case-sensitive): the API server refuses the policy.`,
        fixes: [fix(meant ? `Correct the level to ${meant}` : 'Set level: Metadata on this rule', isScalar(v) ? replaceValue(found.rawValue ?? v, replacement) : undefined, 'safe')],
      });
    }
  },
});

/** The level a misspelling means: same letters in another case, or at most two edits away. */
function closestLevel(written: string): AuditLevel | undefined {
  const lower = written.toLowerCase().trim();
  const same = AUDIT_LEVELS.find((l) => l.toLowerCase() === lower);
  if (same) return same;
  let best: { level: AuditLevel; d: number } | undefined;
  for (const level of AUDIT_LEVELS) {
    const d = distance(lower, level.toLowerCase());
    if (d <= 2 && (!best || d < best.d)) best = { level, d };
  }
  return best?.level;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
