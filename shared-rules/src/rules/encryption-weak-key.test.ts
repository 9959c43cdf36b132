import { testRule } from '../testing/rule-tester.js';
import rule from './encryption-weak-key.js';

testRule(rule, {
  valid: [
    {
      name: 'random 32-byte keys, the new key first and the old one kept to decrypt',
      yaml: `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
      - secrets
    providers:
      - aescbc:
          keys:
            - name: key2
              secret: aUjHO2T9lRkhicduB5jfOIC1hz18k7i/FoVUl/Ta1YE=
            - name: key1
              secret: "xkj7hhy0uWJUfbgg5Ij+xb1zhorx7tukKHoPctsMJSE="
      - identity: {}
`,
    },
    {
      name: 'a key substituted at deploy time, and a kms provider that keeps no key here',
      yaml: `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources: [secrets]
    providers:
      - kms:
          name: vault
          endpoint: unix:///var/run/kms.sock
      - secretbox:
          keys:
            - name: key1
              secret: \${ENCRYPTION_KEY}
      - identity: {}
`,
    },
  ],
  invalid: [
    {
      name: 'Appendix H copied as is: the placeholder of the guidance, and the Kubernetes docs spelling',
      yaml: `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
      - secrets
    providers:
      - aescbc:
          keys:
            - name: key1
              secret: <base 64 encoded secret>
            - name: key2
              secret: <BASE 64 ENCODED SECRET>
      - identity: {}
`,
      findings: [
        { line: 10, column: 23, text: '<base 64 encoded secret>', message: 'The `aescbc` key `key1` is a placeholder (`<base 64 encoded secret>`)' },
        { line: 12, column: 23, text: '<BASE 64 ENCODED SECRET>', message: 'key `key2` is a placeholder' },
      ],
    },
    {
      name: 'a 16-byte key, a pass phrase in base64, all-zero bytes, and a value that is not base64',
      yaml: `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources: [secrets, configmaps]
    providers:
      - aesgcm:
          keys:
            - {name: short, secret: kae6j3Qu0axTLetW39AnEA==}
            - {name: phrase, secret: dGhpcyBpcyBteSBlbmNyeXB0aW9uIGtleSAxMjM0NTY=}
            - {name: zero, secret: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=}
            - {name: raw, secret: my-super-secret-key}
`,
      findings: [
        { line: 8, column: 37, text: 'kae6j3Qu0axTLetW39AnEA==', message: 'The `aesgcm` key `short` decodes to 16 bytes, not 32' },
        { line: 9, column: 38, text: 'dGhpcyBpcyBteSBlbmNyeXB0aW9uIGtleSAxMjM0NTY=', message: 'decodes to readable text' },
        { line: 10, column: 36, text: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', message: 'decodes to 32 identical bytes' },
        { line: 11, column: 35, text: 'my-super-secret-key', message: 'is not valid base64' },
      ],
    },
    {
      name: 'secretbox in the legacy form: changeme and an empty secret',
      yaml: `kind: EncryptionConfig
apiVersion: v1
resources:
  - resources:
      - secrets
    providers:
      - secretbox:
          keys:
            - name: key1
              secret: changeme
            - name: key0
              secret:
      - identity: {}
`,
      findings: [
        { line: 10, column: 23, text: 'changeme', message: 'The `secretbox` key `key1` is a placeholder' },
        { line: 12, column: 15, text: 'secret', message: 'The `secretbox` key `key0` has an empty secret' },
      ],
    },
  ],
});
