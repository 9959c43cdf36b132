// Rules of the catalogue's section 5 (control plane static Pods) and the kubelet rules of section 6, in
// catalogue order.
import type { Rule } from '../rule.js';

export const CONTROL_PLANE_RULES: readonly Rule[] = [];
