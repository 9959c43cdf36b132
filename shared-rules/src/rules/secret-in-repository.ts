import { hasExpansion, isPlaceholder } from '../k8s/secrets.js';
import { defineRule } from '../rule.js';
import { entry } from '../yaml/nodes.js';
import { isMap, isPair, isScalar } from 'yaml';

export default defineRule({
  meta: {
    id: 'secret-in-repository',
    title: 'Secret values should not be kept in manifest files',
    severity: 'information',
    category: 'Network separation',
    guidance: [
      { section: 'Secrets', page: 17, quote: 'By default, Kubernetes stores Secrets as unencrypted base64-encoded strings that can be retrieved by anyone with API access.' },
      { section: 'Secrets', page: 17, quote: 'Storing sensitive information in Secrets provides greater access control than storing passwords or tokens in YAML files' },
    ],
    why: 'Base64 is an encoding, not encryption: a Secret manifest with its values, once committed, gives them to everyone who can read the repository, its forks and its history, and they cannot be taken back without rotating them.',
    remediation: 'Keep only a reference in the repository: create the Secret from a vault or at deploy time, or commit it encrypted (Sealed Secrets, SOPS, External Secrets).',
    peers: [],
    examples: {
      failing: `apiVersion: v1
kind: Secret
metadata:
  name: db
type: Opaque
data:
  password: aHVudGVyMg==
`,
      passing: `apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata:
  name: db
spec:
  encryptedData:
    password: AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq
`,
    },
  },
  check(object, ctx) {
    if (object.kind !== 'Secret') return;
    const what = object.name !== undefined ? `Secret \`${object.name}\`` : 'The Secret';
    for (const section of ['data', 'stringData']) {
      const found = entry(ctx.src.doc, object.node, section);
      if (!found || !isMap(found.value)) continue;
      // Values that are really held here: not empty, not a placeholder, not filled in by a tool (`${DB_PASSWORD}`).
      const keys = found.value.items
        .filter((p) => isPair(p) && isScalar(p.key) && isScalar(p.value) && p.value.value !== null)
        .filter((p) => {
          const v = String((p.value as { value: unknown }).value);
          return v.trim() !== '' && !isPlaceholder(v) && !hasExpansion(v);
        })
        .map((p) => String((p.key as { value: unknown }).value));
      if (keys.length === 0) continue;
      ctx.report({
        at: found.key,
        message: `${what} keeps ${keys.length === 1 ? 'a value' : `${keys.length} values`} in this file (${keys.join(', ')}): base64 is not encryption, anyone who can read the file can read ${keys.length === 1 ? 'it' : 'them'}.`,
      });
      return;
    }
  },
});
