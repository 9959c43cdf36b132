import { checkFlag, describeFlag, isKubeletConfiguration, runningComponents } from '../k8s/components.js';
import { lastFlag } from '../k8s/flags.js';
import { defineRule, fix } from '../rule.js';
import { replaceValue } from '../yaml/edit.js';
import { entry, numberOf } from '../yaml/nodes.js';

export default defineRule({
  meta: {
    id: 'kubelet-read-only-port',
    title: 'The kubelet must not serve its unauthenticated read-only port',
    severity: 'warning',
    category: 'Configuration files',
    guidance: [
      { section: 'Authentication and authorization', page: 19, quote: 'Cyber actors can scan for well-known Kubernetes ports and access the cluster’s database or make API calls without being authenticated if the cluster is misconfigured.' },
      { section: 'Worker node segmentation', page: 16, quote: 'Because nodes run the microservices and host the web applications for the cluster, they are often the target of exploits.' },
    ],
    why: 'The read-only port (10255) serves the node’s pod specs, environment and metrics over plain HTTP to anyone, without authentication or authorization: a free map of the workloads for an attacker inside the network.',
    remediation: 'Set `readOnlyPort: 0` in the KubeletConfiguration (the default), or start the kubelet with `--read-only-port=0`.',
    fix: { safety: 'safe', description: 'Sets `readOnlyPort: 0`, or adds or sets `--read-only-port=0` on the kubelet’s command line.' },
    peers: [],
    examples: {
      failing: `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
readOnlyPort: 10255
`,
      passing: `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
readOnlyPort: 0
`,
    },
  },
  check(object, ctx) {
    const doc = ctx.src.doc;
    if (isKubeletConfiguration(object)) {
      const port = entry(doc, object.node, 'readOnlyPort');
      const n = numberOf(port?.value);
      if (port?.value && n !== undefined && n !== 0) {
        ctx.report({
          at: port.value,
          message: `The KubeletConfiguration sets readOnlyPort: ${n}: the kubelet serves node and pod information there without authentication.`,
          fixes: [fix('Set readOnlyPort: 0', port.rawValue === port.value ? replaceValue(port.value, 0) : undefined, 'safe')],
        });
      }
      return;
    }
    for (const rc of runningComponents(ctx.src, object, 'kubelet')) {
      checkFlag(ctx, rc, {
        name: 'read-only-port',
        accepts: (v) => (v === undefined ? false : /^[0-9]+$/.test(v) ? Number(v) === 0 : undefined),
        // With --config the file's default applies (0); without it, the flag's default (10255).
        required: !lastFlag(rc.flags, 'config'),
        missing: 'The kubelet serves its read-only port 10255 without authentication: --read-only-port=0 is not set and there is no --config.',
        wrong: (flag) => `The kubelet sets ${describeFlag(flag)}: it serves node and pod information there without authentication.`,
        fixValue: '0',
        safety: 'safe',
      });
    }
  },
});
