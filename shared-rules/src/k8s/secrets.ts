// The secret detector shared by `no-secrets-in-env` and `no-secrets-in-configmap`: a literal value under a
// secret-like name, or a value in a known credential format whatever its name. Pure string functions; never throws.

export interface SecretVerdict {
  /** `secret`: a credential written in the manifest; `placeholder`: a stand-in where one is meant to go. */
  readonly level: 'secret' | 'placeholder';
  /** The credential format recognised in the value ("a GitHub token"), when it was the value that gave it away. */
  readonly format?: string;
}

const SECRET_WORDS = new Set([
  'PASSWORD', 'PASSWD', 'PASS', 'SECRET', 'SECRETS', 'TOKEN', 'TOKENS', 'CREDENTIAL', 'CREDENTIALS', 'APIKEY',
  // The pairs below, written as one word (`ssh-privatekey` is the key of a kubernetes.io/ssh-auth Secret).
  'PRIVATEKEY', 'ACCESSKEY', 'SECRETKEY', 'CLIENTSECRET',
]);

const SECRET_PAIRS = new Set(['API KEY', 'PRIVATE KEY', 'ACCESS KEY', 'SECRET KEY', 'CLIENT SECRET']);

/**
 * Last parts that make a name describe a secret rather than hold one (`DB_PASSWORD_FILE`, `TOKEN_URL`,
 * `JWT_SECRET_ALGORITHM`, `ACCESS_KEY_ID`): their values are locations, names and settings, not credentials.
 */
const DESCRIPTOR_WORDS = new Set([
  'FILE', 'PATH', 'DIR', 'NAME', 'REF', 'URL', 'URI', 'ENDPOINT', 'HOST', 'PORT', 'TTL', 'TIMEOUT', 'EXPIRY',
  'EXPIRATION', 'LIFETIME', 'LENGTH', 'TYPE', 'MODE', 'ENABLED', 'REQUIRED', 'ID', 'HEADER', 'ALGORITHM', 'POLICY',
]);

/** The parts of a name: split on `_`, `-`, `.` and camelCase (`dbPassword` → db, Password; `APIKey` → API, Key). */
export function nameParts(name: string): string[] {
  return name
    .split(/[-_.]+/)
    .flatMap((piece) => piece.match(/[A-Z]+(?![a-z])|[A-Z][a-z]*|[a-z]+|[0-9]+/g) ?? [])
    .map((p) => p.toUpperCase());
}

/** Whether a name (an environment variable, a ConfigMap key) reads as the name of a credential. */
export function isSecretLikeName(name: string): boolean {
  const parts = nameParts(name);
  if (parts.length === 0) return false;
  const last = parts[parts.length - 1]!;
  if (DESCRIPTOR_WORDS.has(last)) return false;
  return parts.some((p, i) => SECRET_WORDS.has(p) || (i > 0 && SECRET_PAIRS.has(`${parts[i - 1]} ${p}`)));
}

/** A value that stands in for a credential: `changeme`, `<password>`, `TODO`, `xxxx`, `your-token-here` … */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  return /^(?:change[-_ .]?(?:me|it)|replace[-_ .]?me|placeholder|<[^<>\n]*>|(?:todo|fixme|tbd)\b.*|[x*]{3,}(?:[-_ .:][x*]{3,})*|\.{3,}|your[-_ ].*[-_ ]here)$/is.test(v);
}

const EXPANSION = /\$\([A-Za-z_][A-Za-z0-9_]*\)|\$\{[^}\n]*\}|\{\{[^}\n]*\}\}/;

/** A value filled in elsewhere: a `$(VAR)` or `${VAR}` expansion, or a `{{ … }}` template. */
export function hasExpansion(value: string): boolean {
  return EXPANSION.test(value);
}

/**
 * A value that refers to a credential or holds none: a `$(VAR)`/`${VAR}`/`{{ … }}` expansion, a file path, a URL
 * without a password, a boolean or a number.
 */
export function isReferenceOrLocation(value: string): boolean {
  const v = value.trim();
  if (EXPANSION.test(v)) return true;
  if (/^(?:\/|~\/|\.\.?\/)[\w.\-/@~:]*$/.test(v)) return true; // absolute or ./ ../ ~/ path
  if (/^[A-Za-z]:\\/.test(v)) return true; // a Windows path
  if (/^[\w-]+(?:\/[\w.-]+)*\/[\w-]+\.[A-Za-z0-9]{1,8}$/.test(v)) return true; // secrets/db.txt
  if (/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(v) && !urlPassword(v)) return true;
  if (/^(?:true|false|yes|no|on|off)$/i.test(v)) return true;
  if (/^[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i.test(v)) return true;
  return false;
}

const URL_WITH_PASSWORD = /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:([^\s/@]+)@[^\s/@]/gi;

function urlPassword(v: string): boolean {
  URL_WITH_PASSWORD.lastIndex = 0;
  return URL_WITH_PASSWORD.test(v);
}

interface Format {
  readonly name: string;
  readonly pattern: RegExp;
  /** The part of a match that is the credential itself (group 1 when given, else the whole match). */
  readonly group?: number;
}

const FORMATS: readonly Format[] = [
  { name: 'a PEM private key', pattern: /-+ ?BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)? ?-+/g },
  { name: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g },
  { name: 'a GitHub token', pattern: /\b(?:ghp|gho|ghs|ghu|ghr)_[A-Za-z0-9]{30,}\b|\bgithub_pat_[A-Za-z0-9_]{22,}/g },
  { name: 'a Slack token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/g },
  { name: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { name: 'a URL with a password', pattern: URL_WITH_PASSWORD, group: 1 },
];

/** A credential in a known format somewhere in the value; `placeholder` when every one found is a stand-in. */
export function knownSecretFormat(value: string): { readonly format: string; readonly placeholder: boolean } | undefined {
  let standIn: string | undefined;
  for (const f of FORMATS) {
    f.pattern.lastIndex = 0;
    for (const m of value.matchAll(f.pattern)) {
      const credential = m[f.group ?? 0] ?? '';
      if (f.group !== undefined && EXPANSION.test(credential)) continue; // `postgres://app:$(DB_PASSWORD)@db`
      if (isStandIn(credential)) {
        standIn ??= f.name;
        continue;
      }
      return { format: f.name, placeholder: false };
    }
  }
  return standIn ? { format: standIn, placeholder: true } : undefined;
}

/** A credential that is a placeholder, or the example keys of vendor docs (`AKIAIOSFODNN7EXAMPLE`), or `ghp_xxxx…`. */
function isStandIn(credential: string): boolean {
  if (isPlaceholder(credential) || credential.includes('EXAMPLE')) return true;
  const body = credential.replace(/^(?:ghp|gho|ghs|ghu|ghr|github_pat|xox[abprs])[-_]/, '');
  return /^[xX*]+(?:[-_][xX*]+)*$/.test(body);
}

/**
 * Judges one name/value pair. A value in a known format is a secret whatever its name; under a secret-like name
 * any other non-empty literal is one, unless it is a reference, a location, a boolean or a number (no verdict) or a
 * placeholder (`placeholder`).
 */
export function judgeSecret(name: string | undefined, value: string): SecretVerdict | undefined {
  if (value.trim() === '') return undefined;
  const found = knownSecretFormat(value);
  if (found) return { level: found.placeholder ? 'placeholder' : 'secret', format: found.format };
  if (name === undefined || !isSecretLikeName(name)) return undefined;
  if (isPlaceholder(value)) return { level: 'placeholder' };
  if (isReferenceOrLocation(value)) return undefined;
  return { level: 'secret' };
}
