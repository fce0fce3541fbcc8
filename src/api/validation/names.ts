// Name, label and key checks from apimachinery's pkg/util/validation (v0.32): IsQualifiedName,
// IsValidLabelValue, IsDNS1123Subdomain/Label, IsDNS1035Label, IsValidPortName, IsConfigMapKey,
// IsValidPercent and the relaxed env-var rule, returning upstream's message strings in upstream's order.

const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_NAME_PART = new RegExp(`^${QUALIFIED_NAME_FMT}$`);
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const PERCENT = /^[0-9]+%$/;

/** validation.RegexError: "<msg> (e.g. 'a',  or 'b', regex used for validation is '<fmt>')" (two spaces: upstream's join). */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map(e => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

export const maxLenError = (n: number): string => `must be no more than ${n} characters`;
export const EMPTY_ERROR = 'must be non-empty';
export const inclusiveRangeError = (lo: number, hi: number): string => `must be between ${lo} and ${hi}, inclusive`;

const QUALIFIED_NAME_ERR = regexError("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
  QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc');
const LABEL_VALUE_ERR = regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
  '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?', 'MyValue', 'my_value', '12345');
const DNS1123_LABEL_ERR = regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
  '[a-z0-9]([-a-z0-9]*[a-z0-9])?', 'my-name', '123-abc');
const DNS1123_SUBDOMAIN_ERR = regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
  '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*', 'example.com');
const DNS1035_LABEL_ERR = regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
  '[a-z]([-a-z0-9]*[a-z0-9])?', 'my-name', 'abc-123');

/**
 * Values already found valid, per rule: the same namespaces, label keys and values are checked on
 * every write. Bounded (cleared when full).
 */
const VALID_LIMIT = 10_000;
/**
 * No messages: shared by the checks of valid values, so their lists are readonly. Not frozen: for-of
 * over a frozen array takes a slower path that allocates an iterator per loop.
 */
export const NO_MESSAGES: readonly string[] = [];
const validDNS1123Label = new Set<string>();
const validQualifiedName = new Set<string>();
const validLabelValue = new Set<string>();

function remember(set: Set<string>, value: string, errs: string[]): readonly string[] {
  if (errs.length === 0) {
    if (set.size >= VALID_LIMIT) set.clear();
    set.add(value);
  }
  return errs;
}

// v1.32 has no "must not contain dots" special case for labels (that message came later).
export function isDNS1123Label(value: string): readonly string[] {
  if (validDNS1123Label.has(value)) return NO_MESSAGES;
  return remember(validDNS1123Label, value, dns1123LabelErrors(value));
}

function dns1123LabelErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!DNS1123_LABEL.test(value)) errs.push(DNS1123_LABEL_ERR);
  return errs;
}

const isLowerAlnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/**
 * DNS1123_SUBDOMAIN.test without the regular expression (every create checks its object's name):
 * lower-case letters, digits, '-' and '.', starting and ending with a letter or digit, and a '.'
 * only between two letters or digits — each dot-separated label then starts and ends with one.
 */
function isSubdomainShape(value: string): boolean {
  const n = value.length;
  if (n === 0 || !isLowerAlnum(value.charCodeAt(0)) || !isLowerAlnum(value.charCodeAt(n - 1))) return false;
  for (let i = 1; i < n - 1; i++) {
    const c = value.charCodeAt(i);
    if (isLowerAlnum(c) || c === 45) continue;
    if (c !== 46 || !isLowerAlnum(value.charCodeAt(i - 1)) || !isLowerAlnum(value.charCodeAt(i + 1))) return false;
  }
  return true;
}

// Not remembered: subdomains are mostly object names, each seen once.
export function isDNS1123Subdomain(value: string): readonly string[] {
  if (value.length <= 253 && isSubdomainShape(value)) return NO_MESSAGES;
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLenError(253));
  if (!DNS1123_SUBDOMAIN.test(value)) errs.push(DNS1123_SUBDOMAIN_ERR);
  return errs;
}

export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!DNS1035_LABEL.test(value)) errs.push(DNS1035_LABEL_ERR);
  return errs;
}

/** IsQualifiedName: "[prefix/]name", the form of label and annotation keys. */
export function isQualifiedName(value: string): readonly string[] {
  if (validQualifiedName.has(value)) return NO_MESSAGES;
  return remember(validQualifiedName, value, qualifiedNameErrors(value));
}

function qualifiedNameErrors(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) name = parts[0]!;
  else if (parts.length === 2) {
    const [prefix, n] = parts as [string, string];
    name = n;
    if (prefix.length === 0) errs.push(`prefix part ${EMPTY_ERROR}`);
    else for (const msg of isDNS1123Subdomain(prefix)) errs.push(`prefix part ${msg}`);
  } else {
    return [`a qualified name ${regexError("must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
      QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (name.length === 0) errs.push(`name part ${EMPTY_ERROR}`);
  else if (name.length > 63) errs.push(`name part ${maxLenError(63)}`);
  // Upstream tests the regex even for an empty name part, so "a/" yields both messages.
  if (!QUALIFIED_NAME_PART.test(name)) errs.push(QUALIFIED_NAME_ERR);
  return errs;
}

export function isValidLabelValue(value: string): readonly string[] {
  if (validLabelValue.has(value)) return NO_MESSAGES;
  return remember(validLabelValue, value, labelValueErrors(value));
}

function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!LABEL_VALUE.test(value)) errs.push(LABEL_VALUE_ERR);
  return errs;
}

export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

export const isValidPortNum = (port: number): string[] => (port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)]);

function hasChDirPrefix(value: string): string[] {
  if (value === '.') return ["must not be '.'"];
  if (value === '..') return ["must not be '..'"];
  if (value.startsWith('..')) return ["must not start with '..'"];
  return [];
}

export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLenError(253));
  if (!CONFIG_KEY.test(value)) {
    errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", '[-._a-zA-Z0-9]+', 'key.name', 'KEY_NAME', 'key-name'));
  }
  return [...errs, ...hasChDirPrefix(value)];
}

export function isValidPercent(value: string): string[] {
  return PERCENT.test(value) ? [] : [regexError("a valid percent string must be a numeric string followed by an ending '%'", '[0-9]+%', '1%', '93%')];
}

/** IsRelaxedEnvVarName (RelaxedEnvironmentVariableValidation is on by default in v1.32). */
export function isRelaxedEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (value.length === 0) errs.push(`environment variable name ${EMPTY_ERROR}`);
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    if (c > 0x7e || c < 0x20 || ch === '=') {
      errs.push("a valid environment variable name must consist only of printable ASCII characters other than '='");
      break;
    }
  }
  return errs;
}
