// Rules of the catalogue's section 1, "Pod security (workloads)", in catalogue order, followed by the two rules of
// section 3 that judge secrets kept in manifests (they share the secret detector with no-secrets-in-env).
import type { Rule } from '../rule.js';
import automountServiceAccountToken from '../rules/automount-service-account-token.js';
import dropAllCapabilities from '../rules/drop-all-capabilities.js';
import imageTagPinned from '../rules/image-tag-pinned.js';
import noDangerousCapabilities from '../rules/no-dangerous-capabilities.js';
import noHostIpc from '../rules/no-host-ipc.js';
import noHostNetwork from '../rules/no-host-network.js';
import noHostPath from '../rules/no-host-path.js';
import noHostPid from '../rules/no-host-pid.js';
import noHostPort from '../rules/no-host-port.js';
import noPrivilegeEscalation from '../rules/no-privilege-escalation.js';
import noPrivileged from '../rules/no-privileged.js';
import noSecretsInConfigmap from '../rules/no-secrets-in-configmap.js';
import noSecretsInEnv from '../rules/no-secrets-in-env.js';
import noUnsafeProcMount from '../rules/no-unsafe-proc-mount.js';
import noUnsafeSysctls from '../rules/no-unsafe-sysctls.js';
import readOnlyRootFilesystem from '../rules/read-only-root-filesystem.js';
import resourceLimits from '../rules/resource-limits.js';
import resourceRequests from '../rules/resource-requests.js';
import runAsNonRootGroup from '../rules/run-as-non-root-group.js';
import runAsNonRoot from '../rules/run-as-non-root.js';
import seccompProfile from '../rules/seccomp-profile.js';
import secretInRepository from '../rules/secret-in-repository.js';
import selinuxApparmor from '../rules/selinux-apparmor.js';

export const POD_SECURITY_RULES: readonly Rule[] = [
  runAsNonRoot,
  runAsNonRootGroup,
  readOnlyRootFilesystem,
  noPrivileged,
  noPrivilegeEscalation,
  noHostPid,
  noHostIpc,
  noHostNetwork,
  noHostPath,
  noHostPort,
  dropAllCapabilities,
  noDangerousCapabilities,
  seccompProfile,
  selinuxApparmor,
  automountServiceAccountToken,
  noUnsafeProcMount,
  noUnsafeSysctls,
  resourceLimits,
  resourceRequests,
  imageTagPinned,
  noSecretsInEnv,
  noSecretsInConfigmap,
  secretInRepository,
];
