// Rules of the catalogue's sections 2 (pod security enforcement), 3 (network separation, single-document rules)
// and 4 (RBAC), in catalogue order.
import type { Rule } from '../rule.js';
import egressToMetadata from '../rules/egress-to-metadata.js';
import ingressTls from '../rules/ingress-tls.js';
import namespaceKubePrefix from '../rules/namespace-kube-prefix.js';
import networkPolicyTypesTypo from '../rules/network-policy-types-typo.js';
import noPodSecurityPolicy from '../rules/no-pod-security-policy.js';
import noSystemNamespace from '../rules/no-system-namespace.js';
import podSecurityAdmission from '../rules/pod-security-admission.js';
import pspRestricted from '../rules/psp-restricted.js';
import rbacAnonymousSubject from '../rules/rbac-anonymous-subject.js';
import rbacClusterAdminBinding from '../rules/rbac-cluster-admin-binding.js';
import rbacCreatePods from '../rules/rbac-create-pods.js';
import rbacExecAttach from '../rules/rbac-exec-attach.js';
import rbacPrivilegeEscalation from '../rules/rbac-privilege-escalation.js';
import rbacSecretsAccess from '../rules/rbac-secrets-access.js';
import rbacSystemMasters from '../rules/rbac-system-masters.js';
import rbacWildcard from '../rules/rbac-wildcard.js';
import serviceNodePort from '../rules/service-node-port.js';

export const ENFORCEMENT_NETWORK_RBAC_RULES: readonly Rule[] = [
  podSecurityAdmission,
  noPodSecurityPolicy,
  pspRestricted,
  noSystemNamespace,
  namespaceKubePrefix,
  networkPolicyTypesTypo,
  egressToMetadata,
  serviceNodePort,
  ingressTls,
  rbacClusterAdminBinding,
  rbacWildcard,
  rbacSecretsAccess,
  rbacExecAttach,
  rbacPrivilegeEscalation,
  rbacAnonymousSubject,
  rbacSystemMasters,
  rbacCreatePods,
];
