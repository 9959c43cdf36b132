import { ENCRYPTING_PROVIDERS, isEncryptionConfig, resourceEntries, secretsEntry } from '../k8s/config-files.js';
import { defineRule, fix } from '../rule.js';
import { appendItem } from '../yaml/edit.js';
import { entry } from '../yaml/nodes.js';

export default defineRule({
  meta: {
    id: 'encryption-covers-secrets',
    title: 'The encryption configuration must encrypt Secrets',
    severity: 'error',
    category: 'Configuration files',
    guidance: [
      { section: 'Secrets', page: 17, quote: 'By default, Kubernetes stores Secrets as unencrypted base64-encoded strings that can be retrieved by anyone with API access.' },
      { section: 'Appendix H: Example encryption', page: 42, quote: 'To encrypt Secret data at rest, the following encryption configuration file provides an example to specify the type of encryption desired and the encryption key.' },
    ],
    why: 'An EncryptionConfiguration that does not list `secrets` leaves every Secret in etcd as plain base64: anyone who reads an etcd backup or the etcd data directory has every password and token of the cluster.',
    remediation: 'Add `secrets` to the `resources` of an entry whose first provider encrypts (`kms`, `aescbc` …).',
    fix: { safety: 'safe', description: 'Adds `secrets` to the `resources` list of an entry whose first provider encrypts and that keeps `identity` to read the Secrets stored before.', mayCause: ['encryption-prefer-kms'] },
    peers: [],
    examples: {
      failing: `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
      - configmaps
    providers:
      - kms:
          apiVersion: v2
          name: vault
          endpoint: unix:///var/run/kms/vault.sock
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
    const doc = ctx.src.doc;
    const entries = resourceEntries(doc, object.node);
    if (secretsEntry(entries)) return;
    // The fix adds `secrets` beside resources that are already encrypted, but only where `identity` stays in the
    // list: the API server then still reads the Secrets written before, unencrypted, and encrypts new writes.
    const target = entries.find((e) =>
      e.resources && e.providers.length > 1 && ENCRYPTING_PROVIDERS.has(e.providers[0]!.type) &&
      e.providers.slice(1).some((p) => p.type === 'identity'));
    const resourcesKey = entry(doc, object.node, 'resources')?.key;
    const what = entries.length === 0 ? 'lists no resources to encrypt' : 'does not list `secrets` in any `resources` entry';
    ctx.report({
      at: resourcesKey ?? object.kindKey,
      message: `This ${object.kind} ${what}: Secrets are stored in etcd unencrypted.`,
      fixes: target
        ? [fix(`Encrypt secrets with the \`${target.providers[0]!.type}\` provider of the ${target.names.map((n) => `\`${n.value}\``).join(', ') || 'first'} entry`, appendItem(ctx.src, target.resources!, 'secrets'), 'safe')]
        : [],
    });
  },
});
