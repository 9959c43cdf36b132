import { testRule } from '../testing/rule-tester.js';
import rule from './drop-all-capabilities.js';

testRule(rule, {
  valid: [
    {
      name: 'ALL dropped in every container, one capability added back',
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
            capabilities:
              drop: ["ALL"]
              add: ["NET_BIND_SERVICE"]
`,
    },
    {
      name: 'ALL is matched case-insensitively',
      yaml: `apiVersion: batch/v1
kind: Job
metadata:
  name: import
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: fetch
        image: curl:8
        securityContext:
          capabilities:
            drop:
            - all
      containers:
      - name: import
        image: import:2
        securityContext:
          capabilities:
            drop: [NET_RAW, All]
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
`,
    },
  ],
  invalid: [
    {
      name: 'CAP_ALL is not ALL: runtimes special-case only ALL, so the fix appends it',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: capall
spec:
  containers:
  - name: app
    image: app:1
    securityContext:
      capabilities:
        drop: [CAP_ALL]
`,
      findings: [
        {
          line: 11, column: 9, text: 'drop',
          fixes: [{
            title: 'Drop all capabilities in container `app` (add ALL to capabilities.drop)',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: capall
spec:
  containers:
  - name: app
    image: app:1
    securityContext:
      capabilities:
        drop: [CAP_ALL, ALL]
`,
          }],
        },
      ],
    },
    {
      name: 'no securityContext, non-indented sequences: the new drop list follows that style',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
      - name: api
        image: api:3
        env:
        - name: PORT
          value: "8080"
`,
      findings: [
        {
          line: 9, column: 9, text: 'name', message: "Container `api` keeps the runtime's default capabilities",
          fixes: [{
            title: 'Drop all capabilities in container `api` (capabilities.drop: [ALL])',
            output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
      - name: api
        image: api:3
        env:
        - name: PORT
          value: "8080"
        securityContext:
          capabilities:
            drop:
            - ALL
`,
          }],
        },
      ],
    },
    {
      name: 'an existing block drop list gets ALL appended; the comment stays',
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: cache
spec:
  serviceName: cache
  template:
    spec:
      containers:
        - name: cache
          image: redis:7.2
          securityContext:
            capabilities:
              drop:
                - NET_RAW # no ping
`,
      findings: [
        {
          line: 14, column: 15, text: 'drop',
          fixes: [{
            title: 'Drop all capabilities in container `cache` (add ALL to capabilities.drop)',
            output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: cache
spec:
  serviceName: cache
  template:
    spec:
      containers:
        - name: cache
          image: redis:7.2
          securityContext:
            capabilities:
              drop:
                - NET_RAW # no ping
                - ALL
`,
          }],
        },
      ],
    },
    {
      name: 'an existing flow drop list, and a flow securityContext without capabilities, in one Pod',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: pair
spec:
  containers:
  - name: app
    image: app:1
    securityContext:
      capabilities: {drop: [NET_RAW], add: [CHOWN]}
  - name: proxy
    image: envoy:1.30
    securityContext: {runAsUser: 101}
`,
      findings: [
        {
          line: 10, column: 22, text: 'drop',
          fixes: [{
            title: 'Drop all capabilities in container `app` (add ALL to capabilities.drop)',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: pair
spec:
  containers:
  - name: app
    image: app:1
    securityContext:
      capabilities: {drop: [NET_RAW, ALL], add: [CHOWN]}
  - name: proxy
    image: envoy:1.30
    securityContext: {runAsUser: 101}
`,
          }],
        },
        {
          line: 13, column: 5, text: 'securityContext',
          fixes: [{
            title: 'Drop all capabilities in container `proxy` (capabilities.drop: [ALL])',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: pair
spec:
  containers:
  - name: app
    image: app:1
    securityContext:
      capabilities: {drop: [NET_RAW], add: [CHOWN]}
  - name: proxy
    image: envoy:1.30
    securityContext: {runAsUser: 101, capabilities: {drop: [ALL]}}
`,
          }],
        },
      ],
    },
    {
      name: 'capabilities with only add, in a 4-space DaemonSet with CRLF line endings',
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata:
    name: proxy
spec:
    template:
        spec:
            containers:
                - name: proxy
                  image: proxy:2
                  securityContext:
                      capabilities:
                          add:
                              - NET_BIND_SERVICE
`.replace(/\n/g, '\r\n'),
      findings: [
        {
          line: 12, column: 23, text: 'capabilities',
          fixes: [{
            title: 'Drop all capabilities in container `proxy` (capabilities.drop: [ALL])',
            output: `apiVersion: apps/v1
kind: DaemonSet
metadata:
    name: proxy
spec:
    template:
        spec:
            containers:
                - name: proxy
                  image: proxy:2
                  securityContext:
                      capabilities:
                          add:
                              - NET_BIND_SERVICE
                          drop:
                              - ALL
`.replace(/\n/g, '\r\n'),
          }],
        },
      ],
    },
    {
      name: 'an init container of a CronJob with an empty drop key',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: rotate
spec:
  schedule: "@hourly"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
            - name: setup
              image: busybox:1.36
              securityContext:
                capabilities:
                  drop:
          containers:
            - name: rotate
              image: rotate:1
              securityContext:
                capabilities:
                  drop: [ALL]
`,
      findings: [
        {
          line: 17, column: 19, text: 'drop', message: 'Init container `setup`',
          fixes: [{
            title: 'Drop all capabilities in init container `setup` (capabilities.drop: [ALL])',
            output: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: rotate
spec:
  schedule: "@hourly"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
            - name: setup
              image: busybox:1.36
              securityContext:
                capabilities:
                  drop:
                    - ALL
          containers:
            - name: rotate
              image: rotate:1
              securityContext:
                capabilities:
                  drop: [ALL]
`,
          }],
        },
      ],
    },
  ],
});
