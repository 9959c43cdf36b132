import { isEncryptionConfig, LOCAL_KEY_PROVIDERS, resourceEntries, secretsEntry } from '../k8s/config-files.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'encryption-prefer-kms',
    title: 'Secrets should be encrypted through a KMS provider',
    severity: 'warning',
    category: 'Configuration files',
    guidance: [
      { section: 'Secrets', page: 17, quote: 'Using a KMS provider prevents the raw encryption key from being stored on the local disk.' },
      { section: 'Appendix H: Example encryption', page: 42, quote: 'Storing the encryption key in the encryption file only slightly improves security.' },
    ],
    why: '`aescbc`, `aesgcm` and `secretbox` keep the key in this file, on the control plane’s disk next to etcd: whoever copies the node’s files or backups gets the key with the data it protects. A KMS provider keeps the key in an external key service.',
    remediation: 'Add a `kms` provider above the current one (Appendix I), restart the API server and rewrite all Secrets so they are encrypted with it.',
    peers: [],
    examples: {
      failing: `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
      - secrets
    providers:
      - aescbc:
          keys:
            - name: key1
              secret: aUjHO2T9lRkhicduB5jfOIC1hz18k7i/FoVUl/Ta1YE=
      - identity: {}
`,
      passing: `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
      - secrets
    providers:
      - kms:
          apiVersion: v2
          name: vault
          endpoint: unix:///var/run/kms/vault.sock
      - identity: {}
`,
    },
  },
  check(object, ctx) {
    if (!isEncryptionConfig(object)) return;
    const hit = secretsEntry(resourceEntries(ctx.src.doc, object.node));
    const first = hit?.entry.providers[0];
    if (!first || !LOCAL_KEY_PROVIDERS.has(first.type)) return;
    ctx.report({
      at: first.key,
      message: `Secrets are encrypted with \`${first.type}\`, whose key is kept in this file on the control plane's disk: prefer a \`kms\` provider.`,
    });
  },
});
