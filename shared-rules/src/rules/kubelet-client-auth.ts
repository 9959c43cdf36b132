import { checkFlag, describeFlag, isKubeletConfiguration, runningComponents } from '../k8s/components.js';
import { lastFlag, parseBool } from '../k8s/flags.js';
import { defineRule } from '../rule.js';
import { booleanOf, deepestKey, entry, mapAt, stringAt } from '../yaml/nodes.js';

export default defineRule({
  meta: {
    id: 'kubelet-client-auth',
    title: 'The kubelet must authenticate its clients by certificate and token webhook',
    severity: 'error',
    category: 'Configuration files',
    guidance: [
      { section: 'Authentication', page: 19, quote: 'Administrators must add an authentication method to the cluster to implement authentication and authorization mechanisms.' },
      { section: 'Threat model', page: 5, quote: 'worker nodes host the kubelet and kube-proxy service, which are potentially exploitable by cyber actors' },
    ],
    why: 'Without a client CA the kubelet cannot recognise the API server’s client certificate, and without webhook authentication it cannot check bearer tokens: callers it cannot authenticate are anonymous, and authorization has nobody to judge.',
    remediation: 'Set `authentication.x509.clientCAFile` to the cluster CA and keep `authentication.webhook.enabled: true` (or start the kubelet with `--client-ca-file` and `--authentication-token-webhook=true`).',
    peers: [],
    examples: {
      failing: `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
authentication:
  webhook:
    enabled: false
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
`,
      passing: `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
authentication:
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
`,
    },
  },
  check(object, ctx) {
    const doc = ctx.src.doc;
    if (isKubeletConfiguration(object)) {
      const authentication = mapAt(doc, object.node, 'authentication');
      const caFile = stringAt(doc, mapAt(doc, authentication, 'x509'), 'clientCAFile');
      if (caFile === undefined || caFile.trim() === '') {
        ctx.report({
          at: deepestKey(doc, object.node, ['authentication', 'x509', 'clientCAFile']) ?? object.kindKey,
          message: 'The KubeletConfiguration does not set authentication.x509.clientCAFile: the kubelet cannot verify client certificates.',
        });
      }
      const webhook = entry(doc, mapAt(doc, authentication, 'webhook'), 'enabled');
      if (webhook?.value && booleanOf(webhook.value) === false) {
        ctx.report({
          at: webhook.value,
          message: 'The KubeletConfiguration sets authentication.webhook.enabled: false: the kubelet cannot check bearer tokens.',
        });
      }
      return;
    }
    for (const rc of runningComponents(ctx.src, object, 'kubelet')) {
      // With --config the file's settings apply (webhook on by default); without it, the flags' defaults (none).
      const required = !lastFlag(rc.flags, 'config');
      checkFlag(ctx, rc, {
        name: 'client-ca-file',
        accepts: (v) => v !== undefined && v.trim() !== '',
        required,
        missing: 'The kubelet cannot verify client certificates: --client-ca-file is not set and there is no --config.',
        wrong: (flag) => `The kubelet sets ${describeFlag(flag)} without a file: it cannot verify client certificates.`,
      });
      checkFlag(ctx, rc, {
        name: 'authentication-token-webhook',
        accepts: (v) => parseBool(v) === true,
        required,
        missing: 'The kubelet cannot check bearer tokens: --authentication-token-webhook=true is not set and there is no --config (the flag defaults to false).',
        wrong: (flag) => `The kubelet sets ${describeFlag(flag)}: it cannot check bearer tokens.`,
      });
    }
  },
});
