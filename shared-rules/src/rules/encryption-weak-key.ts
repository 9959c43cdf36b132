import { isScalar } from 'yaml';
import { isEncryptionConfig, isPlaceholder, isSubstituted, LOCAL_KEY_PROVIDERS, resourceEntries } from '../k8s/config-files.js';
import { defineRule } from '../rule.js';
import { entry, mapItems, seqAt, stringAt } from '../yaml/nodes.js';

export default defineRule({
  meta: {
    id: 'encryption-weak-key',
    title: 'Encryption keys must be 32 random bytes',
    severity: 'error',
    category: 'Configuration files',
    guidance: [
      { section: 'Recommendations', page: 2, quote: 'Encrypt Secrets using a strong encryption method' },
      { section: 'Appendix H: Example encryption', page: 42, quote: 'The Secrets will be encrypted, but the key will be accessible in the EncryptionConfiguration file.' },
    ],
    why: 'A placeholder copied from an example, a short key or a pass phrase encoded in base64 can be guessed or brute-forced, and then every Secret in etcd and its backups can be decrypted. A key that is not valid base64 keeps the API server from starting.',
    remediation: 'Generate each key with `head -c 32 /dev/urandom | base64`, and keep it out of the repository (or use a `kms` provider).',
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
              secret: <BASE 64 ENCODED SECRET>
      - identity: {}
`,
      passing: `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
      - secrets
    providers:
      - secretbox:
          keys:
            - name: key1
              secret: xkj7hhy0uWJUfbgg5Ij+xb1zhorx7tukKHoPctsMJSE=
      - identity: {}
`,
    },
  },
  check(object, ctx) {
    if (!isEncryptionConfig(object)) return;
    const doc = ctx.src.doc;
    for (const e of resourceEntries(doc, object.node)) {
      for (const p of e.providers) {
        if (!LOCAL_KEY_PROVIDERS.has(p.type)) continue;
        for (const key of mapItems(doc, seqAt(doc, p.config, 'keys'))) {
          const secret = entry(doc, key, 'secret');
          if (!secret) continue;
          const name = stringAt(doc, key, 'name');
          const who = `The \`${p.type}\` key${name ? ` \`${name}\`` : ''}`;
          const v = secret.value;
          const text = isScalar(v) && v.value !== null && typeof v.value !== 'object' ? String(v.value) : undefined;
          if (!v || text === '') {
            ctx.report({ at: secret.key, message: `${who} has an empty secret.` });
            continue;
          }
          if (text === undefined) {
            ctx.report({ at: v, message: `${who} is not a base64 string.` });
            continue;
          }
          if (isSubstituted(text)) continue; // filled in at deploy time: nothing is committed here
          const problem = weakness(text);
          if (problem) ctx.report({ at: v, message: `${who} ${problem}.` });
        }
      }
    }
  },
});

/** What is wrong with a key's `secret`, or undefined for base64 of 32 bytes that look random. */
function weakness(text: string): string | undefined {
  if (isPlaceholder(text)) return `is a placeholder (\`${text.trim()}\`), not a key`;
  const bytes = decodeBase64(text);
  if (!bytes) return 'is not valid base64: the API server refuses to start with it';
  if (bytes.length !== 32) return `decodes to ${bytes.length} byte${bytes.length === 1 ? '' : 's'}, not 32: generate a 32-byte random key`;
  if (bytes.every((b) => b === bytes[0])) return 'decodes to 32 identical bytes, not a random key';
  // 32 random bytes are all printable ASCII with a probability of about 10^-14: this is a pass phrase.
  if (bytes.every((b) => b >= 0x20 && b < 0x7f)) return 'decodes to readable text, a pass phrase rather than 32 random bytes';
  return undefined;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard padded base64 as Go's StdEncoding reads it (line breaks ignored), or undefined when invalid. */
function decodeBase64(text: string): number[] | undefined {
  const s = text.replace(/[\r\n]/g, '');
  if (s.length === 0 || !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) return undefined;
  const out: number[] = [];
  for (let i = 0; i < s.length; i += 4) {
    const quad = s.slice(i, i + 4);
    const n = [...quad].map((c) => (c === '=' ? 0 : ALPHABET.indexOf(c)));
    const bits = (n[0]! << 18) | (n[1]! << 12) | (n[2]! << 6) | n[3]!;
    out.push((bits >> 16) & 0xff);
    if (quad[2] !== '=') out.push((bits >> 8) & 0xff);
    if (quad[3] !== '=') out.push(bits & 0xff);
  }
  return out;
}
