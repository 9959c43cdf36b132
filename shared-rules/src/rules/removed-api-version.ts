import type { K8sObject } from '../k8s/objects.js';
import { movesMechanically, removedApi, replacementServed } from '../k8s/removed-apis.js';
import { defineRule, fix, type RuleContext } from '../rule.js';
import { replaceValue } from '../yaml/edit.js';
import { entry } from '../yaml/nodes.js';

export default defineRule({
  meta: {
    id: 'removed-api-version',
    title: 'Objects must not use API versions removed from Kubernetes',
    severity: 'warning',
    category: 'Upgrading',
    guidance: [
      { section: 'Upgrading and application security practices', page: 32, quote: 'security is an ongoing process, and it is vital to keep up with patches, updates, and upgrades' },
      { section: 'Upgrading and application security practices', page: 32, quote: 'As updates are deployed, administrators should also keep up with removing any old components that are no longer needed from the environment.' },
    ],
    why: 'A current API server refuses an object whose apiVersion it no longer serves, so a manifest written for an old release blocks the upgrade that brings security fixes, or keeps a cluster on an unsupported release to stay deployable.',
    remediation: 'Move the object to the apiVersion that replaced it (Kubernetes deprecated-API migration guide), adapting the fields that changed.',
    fix: { safety: 'safe', description: 'Rewrites `apiVersion` when the move changes nothing else (e.g. `extensions/v1beta1` NetworkPolicy → `networking.k8s.io/v1`, or a Deployment that already has `spec.selector` → `apps/v1`).' },
    peers: ['kube-linter no-extensions-v1beta', 'Trivy KSV107'],
    examples: {
      failing: `apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: backup
              image: backup:2.1
`,
      passing: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: backup
              image: backup:2.1
`,
    },
  },
  check(object, ctx) {
    checkRemovedApiVersion(object, ctx, ctx.config.targetVersion);
  },
});

/**
 * Reports an apiVersion/kind pair that a cluster of the `target` Kubernetes version no longer serves (undefined:
 * the newest release, where every pair of the table is removed).
 */
export function checkRemovedApiVersion(object: K8sObject, ctx: RuleContext, target: string | undefined): void {
  const removed = removedApi(object.apiVersion, object.kind, target);
  if (!removed) return;
  const apiVersion = entry(ctx.src.doc, object.node, 'apiVersion');
  if (!apiVersion?.value) return;
  const m = removed.migration;
  const what = `\`${removed.apiVersion}\` ${removed.kind} was removed in Kubernetes ${removed.removedIn}`;
  const served = replacementServed(removed, target);
  let message: string;
  if (!removed.replacement || m.type === 'none') {
    message = `${what}: ${m.type === 'none' ? m.note : 'it has no successor'}.`;
  } else if (!served) {
    message = `${what}; its successor \`${removed.replacement}\` is served from Kubernetes ${removed.replacementSince}.`;
  } else if (m.type === 'mechanical') {
    message = `${what}: use \`${removed.replacement}\`.`;
  } else {
    message = `${what}: use \`${removed.replacement}\` (${m.note}).`;
  }
  const mechanical = served && !!removed.replacement && movesMechanically(removed, ctx.src.doc, object.node);
  ctx.report({
    at: apiVersion.value,
    message,
    fixes: mechanical ? [fix(`Change apiVersion to ${removed.replacement}`, replaceValue(apiVersion.rawValue ?? apiVersion.value, removed.replacement!), 'safe')] : [],
  });
}
