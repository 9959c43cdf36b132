import { testRule } from '../testing/rule-tester.js';
import rule from './no-unsafe-sysctls.js';

testRule(rule, {
  valid: [
    {
      name: 'safe sysctls only, one written with slashes',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: proxy
spec:
  template:
    spec:
      securityContext:
        sysctls:
          - name: net.ipv4.ip_unprivileged_port_start
            value: "0"
          - name: net/ipv4/tcp_keepalive_time
            value: "600"
          - name: net.ipv4.tcp_rmem
            value: "4096 87380 16777216"
      containers:
        - name: proxy
          image: haproxy:2.9
`,
    },
    {
      name: 'no sysctls; a container-level sysctls key is not a Kubernetes field and is not judged',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: app:1
    securityContext:
      sysctls: [{name: kernel.msgmax, value: "65536"}]
`,
    },
  ],
  invalid: [
    {
      name: 'two unsafe sysctls beside a safe one: one finding each, on the name',
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: elasticsearch
spec:
  serviceName: es
  template:
    spec:
      securityContext:
        fsGroup: 1000
        sysctls:
        - name: vm.max_map_count
          value: "262144"
        - name: net.ipv4.tcp_syncookies
          value: "1"
        - name: kernel.msgmax # message queues
          value: "65536"
      containers:
      - name: es
        image: elasticsearch:8.13.0
`,
      findings: [
        { line: 12, column: 17, text: 'vm.max_map_count', message: 'The pod sets the sysctl vm.max_map_count, which is not in the safe set' },
        { line: 16, column: 17, text: 'kernel.msgmax' },
      ],
    },
    {
      name: 'flow style in a CronJob; a slash-separated unsafe name is still unsafe',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: tune
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          securityContext: {sysctls: [{name: net/core/somaxconn, value: "1024"}]}
          containers:
          - name: tune
            image: tune:1
`,
      findings: [
        { line: 12, column: 46, text: 'net/core/somaxconn', message: 'sysctl net/core/somaxconn' },
      ],
    },
    {
      name: 'a look-alike of a safe name is not safe (names are matched exactly)',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: net
spec:
  securityContext:
    sysctls:
    - name: net.ipv4.ip_local_port_range.extra
      value: "1"
    - name: Net.IPv4.tcp_syncookies
      value: "1"
  containers:
  - name: net
    image: net:1
`,
      findings: [
        { line: 8, column: 13, text: 'net.ipv4.ip_local_port_range.extra' },
        { line: 10, column: 13, text: 'Net.IPv4.tcp_syncookies' },
      ],
    },
  ],
});
