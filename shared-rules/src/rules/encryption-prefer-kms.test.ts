import { testRule } from '../testing/rule-tester.js';
import rule from './encryption-prefer-kms.js';

testRule(rule, {
  valid: [
    {
      name: 'Appendix I migration: kms above the old aescbc key',
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
      - aescbc:
          keys:
            - name: key1
              secret: aUjHO2T9lRkhicduB5jfOIC1hz18k7i/FoVUl/Ta1YE=
`,
    },
    {
      name: 'aescbc for configmaps only, kms for secrets',
      yaml: `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources: [secrets]
    providers: [{kms: {apiVersion: v2, name: vault, endpoint: "unix:///var/run/kms.sock"}}, {identity: {}}]
  - resources: [configmaps]
    providers: [{aescbc: {keys: [{name: k1, secret: oW2AHzYs9FXxhHjBQS5F1cpvC139eSqRqkB7KJ8QELo=}]}}, {identity: {}}]
`,
    },
  ],
  invalid: [
    {
      name: 'Appendix H: aescbc first',
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
      findings: [{ line: 7, column: 9, text: 'aescbc', message: 'Secrets are encrypted with `aescbc`, whose key is kept in this file' }],
    },
    {
      name: 'secretbox through the *.* wildcard, flow style',
      yaml: `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources: [{resources: ["*.*"], providers: [{secretbox: {keys: [{name: k1, secret: xkj7hhy0uWJUfbgg5Ij+xb1zhorx7tukKHoPctsMJSE=}]}}]}]
`,
      findings: [{ line: 3, column: 47, text: 'secretbox', message: '`secretbox`' }],
    },
    {
      name: 'aesgcm in the legacy EncryptionConfig, second document of a file',
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: ops
---
kind: EncryptionConfig
apiVersion: v1
resources:
  - resources:
      - secrets
    providers:
      - aesgcm:
          keys:
            - name: key2
              secret: mqI/zXtyttdLVkBd2AvwaBEGT985ODlkJveIkgSh+cg=
      - identity: {}
`,
      findings: [{ line: 12, column: 9, text: 'aesgcm' }],
    },
  ],
});
