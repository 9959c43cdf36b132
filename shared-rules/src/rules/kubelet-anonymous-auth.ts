import { checkFlag, describeFlag, isKubeletConfiguration, runningComponents } from '../k8s/components.js';
import { lastFlag, parseBool } from '../k8s/flags.js';
import { defineRule, fix } from '../rule.js';
import { replaceValue } from '../yaml/edit.js';
import { booleanOf, entry, mapAt } from '../yaml/nodes.js';

export default defineRule({
  meta: {
    id: 'kubelet-anonymous-auth',
    title: 'The kubelet must refuse anonymous requests',
    severity: 'error',
    category: 'Configuration files',
    guidance: [
      { section: 'Recommendations', page: 2, quote: 'Disable anonymous login (enabled by default)' },
      { section: 'Authentication', page: 20, quote: 'Leaving anonymous requests enabled could allow a cyber actor to access cluster resources without authentication.' },
    ],
    why: 'The kubelet API on port 10250 runs commands in containers, reads their logs and lists the node’s pods: with anonymous requests allowed, anyone who reaches a node can try them without credentials.',
    remediation: 'Set `authentication.anonymous.enabled: false` in the KubeletConfiguration (the default), or start the kubelet with `--anonymous-auth=false`.',
    fix: { safety: 'safe', description: 'Sets `authentication.anonymous.enabled: false`, or adds or sets `--anonymous-auth=false` on the kubelet’s command line.' },
    peers: [],
    examples: {
      failing: `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
authentication:
  anonymous:
    enabled: true
`,
      passing: `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
authentication:
  anonymous:
    enabled: false
  webhook:
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
`,
    },
  },
  check(object, ctx) {
    const doc = ctx.src.doc;
    if (isKubeletConfiguration(object)) {
      const enabled = entry(doc, mapAt(doc, mapAt(doc, object.node, 'authentication'), 'anonymous'), 'enabled');
      if (enabled?.value && booleanOf(enabled.value) === true) {
        ctx.report({
          at: enabled.value,
          message: 'The KubeletConfiguration sets authentication.anonymous.enabled: true: the kubelet API answers anonymous requests.',
          fixes: [fix('Set authentication.anonymous.enabled: false', enabled.rawValue === enabled.value ? replaceValue(enabled.value, false) : undefined, 'safe')],
        });
      }
      return;
    }
    for (const rc of runningComponents(ctx.src, object, 'kubelet')) {
      checkFlag(ctx, rc, {
        name: 'anonymous-auth',
        accepts: (v) => parseBool(v) === false,
        // With --config the file's defaults apply (anonymous off); without it, the flag's default (on).
        required: !lastFlag(rc.flags, 'config'),
        missing: 'The kubelet allows anonymous requests: --anonymous-auth=false is not set and there is no --config (the flag defaults to true).',
        wrong: (flag) => `The kubelet sets ${describeFlag(flag)}: its API answers anonymous requests.`,
        fixValue: 'false',
        safety: 'safe',
      });
    }
  },
});
