import { isScalar } from 'yaml';
import { defineRule, fix } from '../rule.js';
import { appendItem, insertEntry, setPath } from '../yaml/edit.js';
import { entry, items, mapAt, mapItems, seqAt, stringAt } from '../yaml/nodes.js';

/** A parsed CIDR: its family, network address and prefix length. */
interface Cidr {
  readonly v6: boolean;
  readonly address: bigint;
  readonly prefix: number;
}

/** The metadata services a pod can reach from a cloud node, and the link-local range an explicit allow targets. */
const METADATA = {
  v4: { cidr: '169.254.169.254/32', range: parseCidr('169.254.0.0/16')!, what: 'the cloud metadata service' },
  v6: { cidr: 'fd00:ec2::254/128', range: parseCidr('fd00:ec2::/32')!, what: 'the IPv6 endpoint of the EC2 metadata service' },
} as const;

export default defineRule({
  meta: {
    id: 'egress-to-metadata',
    title: 'Egress to any address must exclude the cloud metadata service',
    severity: 'warning',
    category: 'Network separation',
    guidance: [
      { section: 'Protecting sensitive cloud infrastructure', page: 18, quote: 'Kubernetes administrators should prevent Pods from accessing cloud metadata services by using network policies or through the cloud configuration policy.' },
      { section: 'Protecting sensitive cloud infrastructure', page: 18, quote: 'Cyber actors abuse these metadata services for privilege escalation' },
    ],
    why: 'The metadata service at 169.254.169.254 hands out the node’s cloud credentials to whoever asks from the node’s network; an egress rule to `0.0.0.0/0` lets every selected pod ask, so one compromised pod holds the node’s cloud identity.',
    remediation: 'Add `169.254.169.254/32` to the `except` list of every `ipBlock` that allows all addresses.',
    fix: { safety: 'safe', description: 'Adds `169.254.169.254/32` (or the IPv6 `fd00:ec2::254/128` for `::/0`) to the `except` list of the ipBlock, creating the list when missing.' },
    peers: ['kubescape C-0052'],
    examples: {
      failing: `apiVersion: networking.k8s.io/v1
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
      passing: `apiVersion: networking.k8s.io/v1
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
    },
  },
  check(object, ctx) {
    if (object.kind !== 'NetworkPolicy') return;
    if (object.apiVersion !== undefined && !object.apiVersion.startsWith('networking.k8s.io/') && !object.apiVersion.startsWith('extensions/')) return;
    const doc = ctx.src.doc;
    const spec = mapAt(doc, object.node, 'spec');
    // With policyTypes written and no Egress in it, the egress rules are not enforced at all.
    const types = seqAt(doc, spec, 'policyTypes');
    if (types && !items(doc, types).some((n) => isScalar(n) && n.value === 'Egress')) return;
    const name = object.name ? `NetworkPolicy \`${object.name}\`` : 'This NetworkPolicy';
    for (const rule of mapItems(doc, seqAt(doc, spec, 'egress'))) {
      for (const peer of mapItems(doc, seqAt(doc, rule, 'to'))) {
        const ipBlockEntry = entry(doc, peer, 'ipBlock');
        const ipBlock = mapAt(doc, peer, 'ipBlock');
        const cidrValue = entry(doc, ipBlock, 'cidr')?.value;
        const text = stringAt(doc, ipBlock, 'cidr');
        const cidr = text === undefined ? undefined : parseCidr(text);
        if (!cidrValue || !cidr) continue;
        const metadata = cidr.v6 ? METADATA.v6 : METADATA.v4;
        const target = parseCidr(metadata.cidr)!;
        if (!contains(cidr, target) || contains(metadata.range, cidr)) continue;
        const exceptEntry = entry(doc, ipBlock, 'except');
        const except = seqAt(doc, ipBlock, 'except');
        const excepted = items(doc, except).some((n) => {
          const c = isScalar(n) && typeof n.value === 'string' ? parseCidr(n.value) : undefined;
          return !!c && contains(c, target);
        });
        if (excepted) continue;
        let edits;
        if (ipBlockEntry?.rawValue === ipBlock && ipBlock) {
          if (except) edits = exceptEntry?.rawValue === except ? appendItem(ctx.src, except, metadata.cidr) : undefined;
          else if (exceptEntry) edits = exceptEntry.value ? undefined : setPath(ctx.src, ipBlock, ['except'], [metadata.cidr]);
          else edits = insertEntry(ctx.src, ipBlock, 'except', [metadata.cidr]);
        }
        ctx.report({
          at: cidrValue,
          message: `${name} allows egress to ${text} without excepting ${metadata.cidr}: the selected pods can reach ${metadata.what} and the node’s cloud credentials.`,
          fixes: [fix(`Except ${metadata.cidr} from ${text}`, edits, 'safe')],
        });
      }
    }
  },
});

/** `a.b.c.d/n` or an IPv6 CIDR (`::/0`, `fd00:ec2::254/128`), or undefined when it is neither. */
function parseCidr(text: string): Cidr | undefined {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(text.trim());
  if (!m) return undefined;
  const prefix = Number(m[2]);
  const v4 = parseIPv4(m[1]!);
  if (v4 !== undefined) return prefix <= 32 ? { v6: false, address: v4, prefix } : undefined;
  const v6 = parseIPv6(m[1]!);
  return v6 !== undefined && prefix <= 128 ? { v6: true, address: v6, prefix } : undefined;
}

function parseIPv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n);
}

function parseIPv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string): bigint[] | undefined => {
    if (s === '') return [];
    const out: bigint[] = [];
    const parts = s.split(':');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (i === parts.length - 1 && p.includes('.')) {
        const v4 = parseIPv4(p);
        if (v4 === undefined) return undefined;
        out.push(v4 >> 16n, v4 & 0xffffn);
      } else if (/^[0-9a-f]{1,4}$/i.test(p)) {
        out.push(BigInt(parseInt(p, 16)));
      } else {
        return undefined;
      }
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  return [...head, ...Array<bigint>(missing).fill(0n), ...tail].reduce((acc, g) => (acc << 16n) | g, 0n);
}

/** Whether `outer` contains every address of `inner` (same family). */
function contains(outer: Cidr, inner: Cidr): boolean {
  if (outer.v6 !== inner.v6 || outer.prefix > inner.prefix) return false;
  const bits = BigInt(outer.v6 ? 128 : 32);
  const shift = bits - BigInt(outer.prefix);
  return outer.address >> shift === inner.address >> shift;
}
