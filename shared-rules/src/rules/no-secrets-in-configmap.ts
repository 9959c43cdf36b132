import { judgeSecret } from '../k8s/secrets.js';
import { defineRule } from '../rule.js';
import { mapAt } from '../yaml/nodes.js';
import { isPair, isScalar } from 'yaml';

export default defineRule({
  meta: {
    id: 'no-secrets-in-configmap',
    title: 'Secrets must not be kept in ConfigMaps',
    severity: 'error',
    category: 'Network separation',
    guidance: [
      { section: 'Recommendations', page: 2, quote: 'Place all credentials and sensitive information in Kubernetes Secrets rather than in configuration files.' },
      { section: 'Secrets', page: 17, quote: 'Kubernetes Secrets maintain sensitive information, such as passwords, OAuth tokens, and SSH keys.' },
    ],
    why: 'ConfigMaps are meant to be read widely: many roles may get, list and watch them, they are never encrypted at rest, and tools print them freely. A password or key kept there is readable by far more people and processes than a Secret would be.',
    remediation: 'Move the value into a Secret and reference it from the workload (`secretKeyRef`, `envFrom.secretRef` or a secret volume).',
    peers: ['kubescape C-0012', 'Polaris sensitiveConfigmapContent'],
    examples: {
      failing: `apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
data:
  LOG_LEVEL: info
  DB_PASSWORD: hunter2
`,
      passing: `apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
data:
  LOG_LEVEL: info
  DB_HOST: db.shop.svc
`,
    },
  },
  check(object, ctx) {
    if (object.kind !== 'ConfigMap') return;
    const data = mapAt(ctx.src.doc, object.node, 'data');
    const where = object.name !== undefined ? `ConfigMap \`${object.name}\`` : 'The ConfigMap';
    for (const pair of data?.items ?? []) {
      if (!isPair(pair) || !isScalar(pair.key) || pair.key.value === null) continue;
      const key = String(pair.key.value);
      const value = isScalar(pair.value) && pair.value.value !== null ? String(pair.value.value) : undefined;
      if (value === undefined) continue;
      const verdict = judgeSecret(key, value);
      if (!verdict) continue;
      ctx.report({
        at: pair.key,
        ...(verdict.level === 'placeholder' ? { severity: 'information' as const } : {}),
        message: verdict.level === 'placeholder'
          ? `${where} key ${key} holds a placeholder${verdict.format ? ` (${verdict.format})` : ''}: the real value belongs in a Secret, not here.`
          : `${where} key ${key} holds ${verdict.format ?? 'a literal secret value'}: ConfigMaps are not protected like Secrets; move it to a Secret.`,
      });
    }
  },
});
