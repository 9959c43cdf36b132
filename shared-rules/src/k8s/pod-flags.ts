// Shared check for the pod-level booleans that put a Pod into a namespace of the node (hostNetwork, hostPID,
// hostIPC): one finding on the `true`, and a fix that removes the entry (false is the default).
import { fix, type RuleContext } from '../rule.js';
import { removeEntry } from '../yaml/edit.js';
import { booleanOf, entry } from '../yaml/nodes.js';
import type { K8sObject } from './objects.js';

export function checkPodFlagIsNotTrue(object: K8sObject, ctx: RuleContext, key: string, consequence: string): void {
  const w = object.workload;
  if (!w) return;
  const found = entry(ctx.src.doc, w.podSpec, key);
  if (!found || booleanOf(found.value) !== true) return;
  ctx.report({
    at: found.value!,
    message: `The pod sets ${key}: true: ${consequence}.`,
    fixes: [fix(`Remove ${key} from the pod`, removeEntry(ctx.src, w.podSpec, found.pair), 'review')],
  });
}
