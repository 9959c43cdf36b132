import { testRule } from '../testing/rule-tester.js';
import rule from './encryption-covers-secrets.js';

testRule(rule, {
  valid: [
    {
      name: 'Appendix H: secrets encrypted with aescbc, identity last',
      yaml: `apiVersion: apiserver.config.k8s.io/v1
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
    },
    {
      name: 'the *.* wildcard of Kubernetes 1.27+ covers secrets; a later entry for configmaps',
      yaml: `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
- resources:
  - configmaps
  providers:
  - identity: {}
- resources:
  - '*.*'
  providers:
  - kms:
      apiVersion: v2
      name: cloud-kms
      endpoint: unix:///var/run/kmsplugin/socket.sock
  - identity: {}
`,
    },
    {
      name: 'the pre-1.13 form (apiVersion v1, kind EncryptionConfig), secrets beside configmaps',
      yaml: `kind: EncryptionConfig
apiVersion: v1
resources:
  - resources: [configmaps, secrets]
    providers:
      - secretbox:
          keys:
            - name: key1
              secret: xkj7hhy0uWJUfbgg5Ij+xb1zhorx7tukKHoPctsMJSE=
      - identity: {}
`,
    },
    {
      name: 'other kinds with a resources key are not encryption configurations',
      yaml: `apiVersion: v1
kind: ConfigMap
metadata:
  name: encryption
data:
  resources: configmaps
---
apiVersion: example.com/v1
kind: EncryptionConfiguration
resources: []
`,
    },
  ],
  invalid: [
    {
      name: 'only configmaps are encrypted: the fix adds secrets to their entry, which keeps identity',
      yaml: `apiVersion: apiserver.config.k8s.io/v1
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
      findings: [
        {
          line: 3, column: 1, text: 'resources', message: 'does not list `secrets` in any `resources` entry',
          fixes: [{
            title: 'Encrypt secrets with the `kms` provider of the `configmaps` entry',
            output: `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
      - configmaps
      - secrets
    providers:
      - kms:
          apiVersion: v2
          name: vault
          endpoint: unix:///var/run/kms/vault.sock
      - identity: {}
`,
          }],
        },
      ],
    },
    {
      name: 'flow style, CRLF: the first entry only reads (identity first), the second encrypts: secrets join the second',
      yaml: `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
- resources: [events]
  providers: [{identity: {}}]
- resources: [configmaps, "*.apps"]
  providers: [{aesgcm: {keys: [{name: k1, secret: oW2AHzYs9FXxhHjBQS5F1cpvC139eSqRqkB7KJ8QELo=}]}}, {identity: {}}]
`.replace(/\n/g, '\r\n'),
      findings: [
        {
          line: 3, column: 1, text: 'resources',
          fixes: [{
            title: 'Encrypt secrets with the `aesgcm` provider of the `configmaps`, `*.apps` entry',
            output: `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
- resources: [events]
  providers: [{identity: {}}]
- resources: [configmaps, "*.apps", secrets]
  providers: [{aesgcm: {keys: [{name: k1, secret: oW2AHzYs9FXxhHjBQS5F1cpvC139eSqRqkB7KJ8QELo=}]}}, {identity: {}}]
`.replace(/\n/g, '\r\n'),
          }],
        },
      ],
    },
    {
      name: 'second document of a file; the only entry has no identity to read old data, so no fix',
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: platform
---
apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
      - configmaps
    providers:
      - aescbc:
          keys:
            - name: key1
              secret: mqI/zXtyttdLVkBd2AvwaBEGT985ODlkJveIkgSh+cg=
`,
      findings: [{ line: 8, column: 1, text: 'resources', message: 'Secrets are stored in etcd unencrypted' }],
    },
    {
      name: 'an empty resources list',
      yaml: `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources: []
`,
      findings: [{ line: 3, column: 1, text: 'resources', message: 'lists no resources to encrypt' }],
    },
    {
      name: 'the pre-1.13 form without resources: the finding is on kind',
      yaml: `kind: EncryptionConfig
apiVersion: v1
`,
      findings: [{ line: 1, column: 1, text: 'kind', message: 'This EncryptionConfig lists no resources' }],
    },
  ],
});
