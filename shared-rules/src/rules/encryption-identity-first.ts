import { isEncryptionConfig, moveFirstItemLast, resourceEntries, secretsEntry } from '../k8s/config-files.js';
import { defineRule, fix } from '../rule.js';

export default defineRule({
  meta: {
    id: 'encryption-identity-first',
    title: 'The first provider for Secrets must encrypt',
    severity: 'error',
    category: 'Configuration files',
    guidance: [
      { section: 'Secrets', page: 17, quote: 'By default, Kubernetes stores Secrets as unencrypted base64-encoded strings that can be retrieved by anyone with API access.' },
      { section: 'Appendix I: Example KMS configuration', page: 43, quote: 'To switch from a local encryption provider to KMS, add the KMS provider section of the EncryptionConfiguration file above the current encryption method, as shown below.' },
    ],
    why: 'The API server writes with the first provider of the list and only reads with the others. With `identity` first, every Secret is written to etcd unencrypted although the file names a key, which looks encrypted in review and is not.',
    remediation: 'Put the encrypting provider (`kms`, `aescbc` …) first and keep `identity: {}` last, to read the Secrets written before.',
    fix: { safety: 'safe', description: 'Moves the `identity` provider to the end of the list, so the next provider encrypts new writes and `identity` still reads old data.', mayCause: ['encryption-prefer-kms'] },
    peers: [],
    examples: {
      failing: `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
      - secrets
    providers:
      - identity: {}
      - kms:
          apiVersion: v2
          name: vault
          endpoint: unix:///var/run/kms/vault.sock
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
    if (!hit || first?.type !== 'identity') return;
    const via = hit.name === 'secrets' ? '`secrets`' : `\`secrets\` (through \`${hit.name}\`)`;
    const next = hit.entry.providers[1];
    const seq = hit.entry.providersSeq;
    ctx.report({
      at: first.key,
      message: next
        ? `The first provider for ${via} is \`identity\`: new Secrets are written to etcd unencrypted, \`${next.type}\` only decrypts.`
        : `The only provider for ${via} is \`identity\`: Secrets are stored in etcd unencrypted.`,
      fixes: next && seq && seq.items[0] === first.item ? [fix(`Move identity last, so that \`${next.type}\` encrypts new Secrets`, moveFirstItemLast(ctx.src, seq), 'safe')] : [],
    });
  },
});
