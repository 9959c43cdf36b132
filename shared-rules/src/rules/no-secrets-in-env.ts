import { capitalise, describeContainer } from '../k8s/objects.js';
import { judgeSecret } from '../k8s/secrets.js';
import { defineRule, fix } from '../rule.js';
import { replaceEntry } from '../yaml/edit.js';
import { entry, mapItems, seqAt, stringAt } from '../yaml/nodes.js';
import { Commented } from '../yaml/render.js';
import { isScalar } from 'yaml';
import { HARDENED_POD } from '../doc-examples.js';

/** Placeholder Secret the fix points at: named after the workload, so one Secret can hold all of its keys. */
function secretNameFor(objectName: string | undefined): string {
  return objectName && /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(objectName) ? `${objectName}-secrets` : 'app-secrets';
}

export default defineRule({
  meta: {
    id: 'no-secrets-in-env',
    title: 'Secrets must not be written into environment variables',
    severity: 'error',
    category: 'Pod security',
    guidance: [
      { section: 'Secrets', page: 17, quote: 'Storing sensitive information in Secrets provides greater access control than storing passwords or tokens in YAML files, container images, or environment variables.' },
      { section: 'Recommendations', page: 2, quote: 'Place all credentials and sensitive information in Kubernetes Secrets rather than in configuration files.' },
    ],
    why: 'A password or token written as an `env` value is in the repository, in every copy of the manifest and in the pod spec that anyone allowed to read pods can see; a Secret can be access-controlled, encrypted at rest and rotated without touching the workload.',
    remediation: 'Store the value in a Secret and reference it with `valueFrom.secretKeyRef` (or mount the Secret as a file).',
    fix: { safety: 'review', description: 'Replaces `value:` with `valueFrom.secretKeyRef` naming a placeholder Secret (`<workload>-secrets`) and key (the variable’s name) that you then create.' },
    peers: ['kubescape C-0012', 'kube-linter env-var-secret', 'Polaris sensitiveContainerEnvVar', 'Trivy KSV109'],
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
      env:
        - name: DB_PASSWORD
          value: hunter2
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
    const doc = ctx.src.doc;
    const secret = secretNameFor(object.name);
    for (const c of object.workload?.containers ?? []) {
      for (const item of mapItems(doc, seqAt(doc, c.node, 'env'))) {
        const name = stringAt(doc, item, 'name');
        const value = entry(doc, item, 'value');
        if (!value?.value || !isScalar(value.value) || value.value.value === null) continue;
        const verdict = judgeSecret(name, String(value.value.value));
        if (!verdict) continue;
        const who = capitalise(describeContainer(c));
        const variable = name ?? 'an environment variable';
        const message = verdict.level === 'placeholder'
          ? `${who} sets ${variable} to a placeholder${verdict.format ? ` (${verdict.format})` : ''}: put the real value in a Secret, not in the manifest.`
          : verdict.format
            ? `${who} sets ${variable} to ${verdict.format}: anyone who can read this manifest or the pod can use it.`
            : `${who} sets ${variable} to a literal value: anyone who can read this manifest or the pod can read the secret.`;
        const key = name && /^[-._a-zA-Z0-9]+$/.test(name) ? name : 'value';
        // A `valueFrom` already there (the API rejects both): no fix rather than a duplicate key.
        const edits = entry(doc, item, 'valueFrom')
          ? undefined
          : replaceEntry(ctx.src, item, value.pair, 'valueFrom', {
            secretKeyRef: { name: new Commented(secret, 'TODO: create this Secret'), key },
          });
        ctx.report({
          at: value.value,
          message,
          ...(verdict.level === 'placeholder' ? { severity: 'information' as const } : {}),
          fixes: [fix(`Read ${name ?? 'the variable'} from a Secret (placeholders to fill in: Secret \`${secret}\`, key \`${key}\`)`, edits, 'review')],
        });
      }
    }
  },
});
