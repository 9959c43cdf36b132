import { testRule } from '../testing/rule-tester.js';
import rule from './no-unsafe-proc-mount.js';

testRule(rule, {
  valid: [
    {
      name: 'procMount: Default written out, and no procMount at all',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.25
          securityContext:
            procMount: Default
        - name: sidecar
          image: envoy:1.30
`,
    },
    {
      name: 'a Windows pod is not judged',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: win
spec:
  os: {name: windows}
  containers:
  - name: app
    image: mcr.microsoft.com/windows/nanoserver:ltsc2022
    securityContext: {procMount: Unmasked}
`,
    },
  ],
  invalid: [
    {
      name: 'Unmasked beside other settings: only its line goes',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: builder
spec:
  hostUsers: false
  containers:
  - name: buildkit
    image: moby/buildkit:v0.13.2-rootless
    securityContext:
      procMount: Unmasked # nested containers need it
      seccompProfile:
        type: Unconfined
`,
      findings: [
        {
          line: 11, column: 18, text: 'Unmasked', message: 'Container `buildkit` sets procMount: Unmasked',
          fixes: [{
            title: 'Remove procMount from container `buildkit`',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: builder
spec:
  hostUsers: false
  containers:
  - name: buildkit
    image: moby/buildkit:v0.13.2-rootless
    securityContext:
      seccompProfile:
        type: Unconfined
`,
          }],
        },
      ],
    },
    {
      name: 'procMount alone in a block securityContext: the emptied securityContext goes too',
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: runner
spec:
  serviceName: runner
  template:
    spec:
      containers:
      - name: runner
        image: runner:2
        securityContext:
          procMount: Unmasked
        env:
        - name: MODE
          value: ci
`,
      findings: [
        {
          line: 13, column: 22, text: 'Unmasked',
          fixes: [{
            title: 'Remove procMount from container `runner`',
            output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: runner
spec:
  serviceName: runner
  template:
    spec:
      containers:
      - name: runner
        image: runner:2
        env:
        - name: MODE
          value: ci
`,
          }],
        },
      ],
    },
    {
      name: 'a flow securityContext of an init container, and a value that is not Default in any other spelling',
      yaml: `apiVersion: batch/v1
kind: Job
metadata:
  name: setup
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: init
        image: init:1
        securityContext: {runAsUser: 1000, procMount: Unmasked}
      containers:
      - name: main
        image: main:1
        securityContext:
          procMount: default
`,
      findings: [
        {
          line: 12, column: 55, text: 'Unmasked', message: 'Init container `init` sets procMount: Unmasked',
          fixes: [{
            title: 'Remove procMount from init container `init`',
            output: `apiVersion: batch/v1
kind: Job
metadata:
  name: setup
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: init
        image: init:1
        securityContext: {runAsUser: 1000}
      containers:
      - name: main
        image: main:1
        securityContext:
          procMount: default
`,
          }],
        },
        {
          line: 17, column: 22, text: 'default', message: 'Container `main` sets procMount: default, which is not Default',
          fixes: [{
            title: 'Remove procMount from container `main`',
            output: `apiVersion: batch/v1
kind: Job
metadata:
  name: setup
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: init
        image: init:1
        securityContext: {runAsUser: 1000, procMount: Unmasked}
      containers:
      - name: main
        image: main:1
`,
          }],
        },
      ],
    },
  ],
});
