import { checkFlag, describeFlag, isKubeletConfiguration, runningComponents } from '../k8s/components.js';
import { lastFlag } from '../k8s/flags.js';
import { defineRule, fix } from '../rule.js';
import { replaceValue } from '../yaml/edit.js';
import { entry, mapAt, stringAt } from '../yaml/nodes.js';

export default defineRule({
  meta: {
    id: 'kubelet-authorization-mode',
    title: 'The kubelet must not authorize every request',
    severity: 'error',
    category: 'Configuration files',
    guidance: [
      { section: 'Role-based access control', page: 20, quote: 'Leaving authorization-mode flags, such as AlwaysAllow, in place allows all authorization requests, effectively disabling all authorization and limiting the ability to enforce least privilege for access.' },
    ],
    why: 'With `AlwaysAllow`, any caller the kubelet authenticates (anonymous included, when allowed) may exec into every container of the node, read its logs and secrets mounted in its pods; `Webhook` asks the API server, so RBAC decides.',
    remediation: 'Set `authorization.mode: Webhook` in the KubeletConfiguration (the default), or start the kubelet with `--authorization-mode=Webhook`.',
    fix: { safety: 'safe', description: 'Sets `authorization.mode: Webhook`, or adds or sets `--authorization-mode=Webhook` on the kubelet’s command line.' },
    peers: [],
    examples: {
      failing: `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
authorization:
  mode: AlwaysAllow
`,
      passing: `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
authorization:
  mode: Webhook
`,
    },
  },
  check(object, ctx) {
    const doc = ctx.src.doc;
    if (isKubeletConfiguration(object)) {
      const authorization = mapAt(doc, object.node, 'authorization');
      const mode = entry(doc, authorization, 'mode');
      if (mode?.value && stringAt(doc, authorization, 'mode') === 'AlwaysAllow') {
        ctx.report({
          at: mode.value,
          message: 'The KubeletConfiguration sets authorization.mode: AlwaysAllow: every request to the kubelet API is authorized.',
          fixes: [fix('Set authorization.mode: Webhook', mode.rawValue === mode.value ? replaceValue(mode.value, 'Webhook') : undefined, 'safe')],
        });
      }
      return;
    }
    for (const rc of runningComponents(ctx.src, object, 'kubelet')) {
      checkFlag(ctx, rc, {
        name: 'authorization-mode',
        accepts: (v) => (v === undefined ? undefined : v !== 'AlwaysAllow'),
        // With --config the file's default applies (Webhook); without it, the flag's default (AlwaysAllow).
        required: !lastFlag(rc.flags, 'config'),
        missing: 'The kubelet authorizes every request: --authorization-mode is not set and there is no --config (the flag defaults to AlwaysAllow).',
        wrong: (flag) => `The kubelet sets ${describeFlag(flag)}: every request to its API is authorized.`,
        fixValue: 'Webhook',
        safety: 'safe',
      });
    }
  },
});
