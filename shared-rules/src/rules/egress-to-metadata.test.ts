import { testRule } from '../testing/rule-tester.js';
import rule from './egress-to-metadata.js';

testRule(rule, {
  valid: [
    {
      name: 'all addresses except the metadata service (exactly, or through the whole link-local range)',
      yaml: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-egress
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: web}
  policyTypes: [Egress]
  egress:
    - to:
        - ipBlock:
            cidr: 0.0.0.0/0
            except: ["10.0.0.0/8", "169.254.169.254/32"]
    - to:
        - ipBlock:
            cidr: 0.0.0.0/0
            except:
              - 169.254.0.0/16
        - ipBlock:
            cidr: ::/0
            except: ["fd00:ec2::254/128"]
`,
    },
    {
      name: 'an explicit allow of the metadata service is deliberate; private ranges do not contain it',
      yaml: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: kiam
  namespace: kube-system
spec:
  podSelector:
    matchLabels: {app: kiam-server}
  egress:
    - to:
        - ipBlock: {cidr: 169.254.169.254/32}
        - ipBlock: {cidr: 10.0.0.0/8}
        - ipBlock: {cidr: "fd12:3456::/32"}
`,
    },
    {
      name: 'ingress rules and ingress-only policies do not open egress; a Calico policy is another kind of object',
      yaml: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: from-anywhere
spec:
  podSelector: {}
  policyTypes: [Ingress]
  ingress:
    - from:
        - ipBlock: {cidr: 0.0.0.0/0}
  egress:
    - to:
        - ipBlock: {cidr: 0.0.0.0/0}
---
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata:
  name: calico
spec:
  egress:
    - to:
        - ipBlock: {cidr: 0.0.0.0/0}
`,
    },
  ],
  invalid: [
    {
      name: '0.0.0.0/0 without except: on the cidr, the fix adds the except list',
      yaml: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-egress
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: web}
  policyTypes: [Egress]
  egress:
    - to:
        - ipBlock:
            cidr: 0.0.0.0/0
      ports:
        - port: 443
`,
      findings: [
        {
          line: 13, column: 19, text: '0.0.0.0/0', message: 'NetworkPolicy `web-egress` allows egress to 0.0.0.0/0 without excepting 169.254.169.254/32',
          fixes: [{
            title: 'Except 169.254.169.254/32 from 0.0.0.0/0',
            output: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-egress
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: web}
  policyTypes: [Egress]
  egress:
    - to:
        - ipBlock:
            cidr: 0.0.0.0/0
            except:
              - 169.254.169.254/32
      ports:
        - port: 443
`,
          }],
        },
      ],
    },
    {
      name: 'an existing block except list (non-indented sequences) is merged into',
      yaml: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: egress
spec:
  podSelector: {}
  egress:
  - to:
    - ipBlock:
        cidr: 0.0.0.0/0
        except:
        - 10.0.0.0/8 # cluster network
`,
      findings: [
        {
          line: 10, column: 15, text: '0.0.0.0/0',
          fixes: [{
            title: 'Except 169.254.169.254/32 from 0.0.0.0/0',
            output: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: egress
spec:
  podSelector: {}
  egress:
  - to:
    - ipBlock:
        cidr: 0.0.0.0/0
        except:
        - 10.0.0.0/8 # cluster network
        - 169.254.169.254/32
`,
          }],
        },
      ],
    },
    {
      name: 'flow ipBlocks: an except list that misses the address, and ::/0 (EC2 serves metadata on IPv6 too)',
      yaml: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: dual-stack}
spec:
  podSelector: {}
  egress:
    - to: [{ipBlock: {cidr: "0.0.0.0/0", except: ["192.168.0.0/16"]}}, {ipBlock: {cidr: "::/0"}}]
`,
      findings: [
        {
          line: 7, column: 29, text: '"0.0.0.0/0"',
          fixes: [{
            title: 'Except 169.254.169.254/32 from 0.0.0.0/0',
            output: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: dual-stack}
spec:
  podSelector: {}
  egress:
    - to: [{ipBlock: {cidr: "0.0.0.0/0", except: ["192.168.0.0/16", 169.254.169.254/32]}}, {ipBlock: {cidr: "::/0"}}]
`,
          }],
        },
        {
          line: 7, column: 89, text: '"::/0"', message: 'allows egress to ::/0 without excepting fd00:ec2::254/128',
          fixes: [{
            title: 'Except fd00:ec2::254/128 from ::/0',
            output: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: dual-stack}
spec:
  podSelector: {}
  egress:
    - to: [{ipBlock: {cidr: "0.0.0.0/0", except: ["192.168.0.0/16"]}}, {ipBlock: {cidr: "::/0", except: ["fd00:ec2::254/128"]}}]
`,
          }],
        },
      ],
    },
    {
      name: 'a wide block other than 0.0.0.0/0 that still holds the address, with an empty except key',
      yaml: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: upper-half
spec:
  podSelector: {}
  policyTypes: ["Ingress", "Egress"]
  egress:
    - to:
        - ipBlock:
            cidr: 128.0.0.0/1
            except:
`,
      findings: [
        {
          line: 11, column: 19, text: '128.0.0.0/1',
          fixes: [{
            title: 'Except 169.254.169.254/32 from 128.0.0.0/1',
            output: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: upper-half
spec:
  podSelector: {}
  policyTypes: ["Ingress", "Egress"]
  egress:
    - to:
        - ipBlock:
            cidr: 128.0.0.0/1
            except:
              - 169.254.169.254/32
`,
          }],
        },
      ],
    },
  ],
});
