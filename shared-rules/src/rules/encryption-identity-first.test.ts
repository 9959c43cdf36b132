import { testRule } from '../testing/rule-tester.js';
import rule from './encryption-identity-first.js';

testRule(rule, {
  valid: [
    {
      name: 'Appendix I: kms first, identity last',
      yaml: `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
      - secrets
    providers:
      - kms:
          name: myKMSPlugin
          endpoint: unix://tmp/socketfile.sock
          cachesize: 100
          timeout: 3s
      - identity: {}
`,
    },
    {
      name: 'identity first for configmaps only is not about Secrets',
      yaml: `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources: [configmaps]
    providers:
      - identity: {}
  - resources: [secrets]
    providers:
      - aescbc:
          keys:
            - name: key1
              secret: aUjHO2T9lRkhicduB5jfOIC1hz18k7i/FoVUl/Ta1YE=
      - identity: {}
`,
    },
    {
      name: 'secrets are matched by the first entry that covers them: the explicit entry wins over a later *.*',
      yaml: `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources: [secrets]
    providers: [{kms: {apiVersion: v2, name: vault, endpoint: "unix:///var/run/kms.sock"}}, {identity: {}}]
  - resources: ["*.*"]
    providers: [{identity: {}}]
`,
    },
  ],
  invalid: [
    {
      name: 'identity above aescbc: the fix moves identity last, comment and all',
      yaml: `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
      - secrets
    providers:
      - identity: {} # read what was written before
      - aescbc:
          keys:
            - name: key1
              secret: aUjHO2T9lRkhicduB5jfOIC1hz18k7i/FoVUl/Ta1YE=
`,
      findings: [
        {
          line: 7, column: 9, text: 'identity', message: 'new Secrets are written to etcd unencrypted, `aescbc` only decrypts',
          fixes: [{
            title: 'Move identity last, so that `aescbc` encrypts new Secrets',
            output: `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
      - secrets
    providers:
      - aescbc:
          keys:
            - name: key1
              secret: aUjHO2T9lRkhicduB5jfOIC1hz18k7i/FoVUl/Ta1YE=
      - identity: {} # read what was written before
`,
          }],
        },
      ],
    },
    {
      name: 'flow-style providers, reached through the *. wildcard (every core resource)',
      yaml: `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
- resources: ['*.']
  providers: [{identity: {}}, {secretbox: {keys: [{name: k1, secret: xkj7hhy0uWJUfbgg5Ij+xb1zhorx7tukKHoPctsMJSE=}]}}]
`,
      findings: [
        {
          line: 5, column: 16, text: 'identity', message: 'The first provider for `secrets` (through `*.`) is `identity`',
          fixes: [{
            title: 'Move identity last, so that `secretbox` encrypts new Secrets',
            output: `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
- resources: ['*.']
  providers: [{secretbox: {keys: [{name: k1, secret: xkj7hhy0uWJUfbgg5Ij+xb1zhorx7tukKHoPctsMJSE=}]}}, {identity: {}}]
`,
          }],
        },
      ],
    },
    {
      name: 'identity is the only provider: nothing to move',
      yaml: `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
      - secrets
      - configmaps
    providers:
      - identity: {}
`,
      findings: [{ line: 8, column: 9, text: 'identity', message: 'The only provider for `secrets` is `identity`' }],
    },
    {
      name: 'CRLF, unindented sequences, identity above kms and aescbc',
      yaml: `apiVersion: apiserver.config.k8s.io/v1
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
  - aescbc:
      keys:
      - name: old
        secret: mqI/zXtyttdLVkBd2AvwaBEGT985ODlkJveIkgSh+cg=
`.replace(/\n/g, '\r\n'),
      findings: [
        {
          line: 7, column: 5, text: 'identity',
          fixes: [{
            title: 'Move identity last, so that `kms` encrypts new Secrets',
            output: `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
- resources:
  - secrets
  providers:
  - kms:
      apiVersion: v2
      name: vault
      endpoint: unix:///var/run/kms/vault.sock
  - aescbc:
      keys:
      - name: old
        secret: mqI/zXtyttdLVkBd2AvwaBEGT985ODlkJveIkgSh+cg=
  - identity: {}
`.replace(/\n/g, '\r\n'),
          }],
        },
      ],
    },
  ],
});
