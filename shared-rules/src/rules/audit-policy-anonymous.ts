import { auditRules, isAuditPolicy, narrows, strings } from '../k8s/config-files.js';
import { defineRule } from '../rule.js';
import { seqAt } from '../yaml/nodes.js';

/** Health and version endpoints that load balancers and probes call without credentials. */
const PROBE_URL = /^\/(?:healthz|livez|readyz|version)(?:[/?*].*)?$/;

export default defineRule({
  meta: {
    id: 'audit-policy-anonymous',
    title: 'The audit policy must not drop anonymous requests',
    severity: 'warning',
    category: 'Configuration files',
    guidance: [
      { section: 'Logging', page: 23, quote: 'anonymous accounts should be disabled, but logging policies should still record actions taken by anonymous accounts to identify anomalous activity.' },
      { section: 'Alerting', page: 28, quote: 'an anonymous account being used or gaining privileges,' },
    ],
    why: 'Requests without credentials are how an attacker probes an API server before having any: a rule that logs them at `None` hides exactly the activity the audit log should show, and hides a misconfiguration that lets anonymous users do more than health checks.',
    remediation: 'Log `system:anonymous` and `system:unauthenticated` at Metadata or above; drop only the health checks (`/healthz`, `/livez`, `/readyz`, `/version`) if they are too noisy.',
    peers: [],
    examples: {
      failing: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: None
    userGroups: ["system:unauthenticated"]
  - level: Metadata
`,
      passing: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: None
    userGroups: ["system:unauthenticated"]
    nonResourceURLs:
      - /healthz*
      - /readyz
      - /livez
  - level: Metadata
`,
    },
  },
  check(object, ctx) {
    if (!isAuditPolicy(object)) return;
    const doc = ctx.src.doc;
    for (const rule of auditRules(doc, object.node)) {
      if (rule.level !== 'None') continue;
      // Dropping the health probes alone is routine: a rule that only selects those endpoints is not reported.
      if (!narrows(doc, rule.node, 'resources') && !narrows(doc, rule.node, 'namespaces')) {
        const urls = strings(doc, seqAt(doc, rule.node, 'nonResourceURLs')).map((u) => u.value);
        if (urls.length > 0 && urls.every((u) => PROBE_URL.test(u))) continue;
      }
      const user = strings(doc, seqAt(doc, rule.node, 'users')).find((u) => u.value === 'system:anonymous');
      const group = strings(doc, seqAt(doc, rule.node, 'userGroups')).find((g) => g.value === 'system:unauthenticated');
      const first = [user, group].filter((x) => !!x).sort((a, b) => (a!.node.range?.[0] ?? 0) - (b!.node.range?.[0] ?? 0))[0];
      if (!first) continue;
      const who = user && group ? '`system:anonymous` and `system:unauthenticated`' : `\`${first.value}\``;
      ctx.report({
        at: first.node,
        message: `This rule drops (level None) requests of ${who}: anonymous activity goes unrecorded.`,
      });
    }
  },
});
