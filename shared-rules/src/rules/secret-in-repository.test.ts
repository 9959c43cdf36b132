import { testRule } from '../testing/rule-tester.js';
import rule from './secret-in-repository.js';

testRule(rule, {
  valid: [
    {
      name: 'a Secret without values, and a service account token Secret the API fills in',
      yaml: `apiVersion: v1
kind: Secret
metadata:
  name: empty
type: Opaque
data: {}
---
apiVersion: v1
kind: Secret
metadata:
  name: ci-token
  annotations:
    kubernetes.io/service-account.name: ci
type: kubernetes.io/service-account-token
`,
    },
    {
      name: 'placeholders and values filled in at deploy time; a SealedSecret is encrypted',
      yaml: `apiVersion: v1
kind: Secret
metadata:
  name: db
stringData:
  username: \${DB_USER}
  password: "<set by the pipeline>"
  token: ""
---
apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata:
  name: api
spec:
  encryptedData:
    key: AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq
`,
    },
  ],
  invalid: [
    {
      name: 'an Opaque Secret with two values: one finding on data, naming the keys',
      yaml: `apiVersion: v1
kind: Secret
metadata:
  name: db-credentials
  namespace: shop
type: Opaque
data:
  username: c2hvcA==
  password: aHVudGVyMg==
`,
      findings: [
        { line: 7, column: 1, text: 'data', message: 'Secret `db-credentials` keeps 2 values in this file (username, password): base64 is not encryption' },
      ],
    },
    {
      name: 'empty data but stringData in flow style: the finding is on stringData',
      yaml: `apiVersion: v1
kind: Secret
metadata: {name: smtp}
data: {}
stringData: {SMTP_PASSWORD: "correct horse battery staple", SMTP_USER: ""}
`,
      findings: [
        { line: 5, column: 1, text: 'stringData', message: 'Secret `smtp` keeps a value in this file (SMTP_PASSWORD)' },
      ],
    },
    {
      name: 'a TLS Secret inside a kind: List',
      yaml: `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Secret
    metadata:
      name: web-tls
    type: kubernetes.io/tls
    data:
      tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t
      tls.key: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t
`,
      findings: [
        { line: 9, column: 5, text: 'data', message: '(tls.crt, tls.key)' },
      ],
    },
  ],
});
