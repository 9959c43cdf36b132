import { checkFlag, describeFlag, isKubeletConfiguration, runningComponents } from '../k8s/components.js';
import { parseBool } from '../k8s/flags.js';
import { defineRule } from '../rule.js';
import { booleanOf, entry, stringAt } from '../yaml/nodes.js';

const TLS_VERSIONS: ReadonlyMap<string, number> = new Map([['VersionTLS10', 10], ['VersionTLS11', 11], ['VersionTLS12', 12], ['VersionTLS13', 13]]);

/** A minimum TLS version below 1.2 (unknown names are left to the kubelet, which refuses them). */
function tooOld(version: string | undefined): boolean {
  const v = version === undefined ? undefined : TLS_VERSIONS.get(version);
  return v !== undefined && v < 12;
}

export default defineRule({
  meta: {
    id: 'kubelet-tls',
    title: 'The kubelet must serve TLS 1.2 or later and rotate its certificates',
    severity: 'warning',
    category: 'Configuration files',
    guidance: [
      { section: 'Encryption', page: 17, quote: 'Administrators should configure all traffic in the Kubernetes cluster—including between components, nodes, and the control plane—to use TLS 1.2 or 1.3 encryption.' },
      { section: 'Encryption', page: 17, quote: 'Encryption can be set up during installation or afterward using TLS bootstrapping' },
    ],
    why: 'TLS 1.0 and 1.1 have known weaknesses that let an attacker on the path read or tamper with kubelet traffic (exec sessions, logs); a kubelet that does not rotate its client certificate keeps one long-lived credential, or stops working when it expires.',
    remediation: 'Leave `tlsMinVersion` unset or at `VersionTLS12` or later, and do not set `rotateCertificates: false` (or the flags `--tls-min-version` and `--rotate-certificates`).',
    peers: [],
    examples: {
      failing: `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
tlsMinVersion: VersionTLS10
rotateCertificates: true
`,
      passing: `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
tlsMinVersion: VersionTLS12
rotateCertificates: true
`,
    },
  },
  check(object, ctx) {
    const doc = ctx.src.doc;
    if (isKubeletConfiguration(object)) {
      const min = entry(doc, object.node, 'tlsMinVersion');
      const version = stringAt(doc, object.node, 'tlsMinVersion');
      if (min?.value && tooOld(version)) {
        ctx.report({ at: min.value, message: `The KubeletConfiguration sets tlsMinVersion: ${version}: clients may connect with TLS older than 1.2.` });
      }
      const rotate = entry(doc, object.node, 'rotateCertificates');
      if (rotate?.value && booleanOf(rotate.value) === false) {
        ctx.report({ at: rotate.value, message: 'The KubeletConfiguration sets rotateCertificates: false: the kubelet keeps its client certificate until it expires.' });
      }
      return;
    }
    for (const rc of runningComponents(ctx.src, object, 'kubelet')) {
      checkFlag(ctx, rc, {
        name: 'tls-min-version',
        accepts: (v) => !tooOld(v),
        required: false,
        missing: '',
        wrong: (flag) => `The kubelet sets ${describeFlag(flag)}: clients may connect with TLS older than 1.2.`,
      });
      // Only an explicit false fires, as in the KubeletConfiguration (whose default is false as well).
      checkFlag(ctx, rc, {
        name: 'rotate-certificates',
        accepts: (v) => parseBool(v) !== false,
        required: false,
        missing: '',
        wrong: (flag) => `The kubelet sets ${describeFlag(flag)}: it keeps its client certificate until it expires.`,
      });
    }
  },
});
