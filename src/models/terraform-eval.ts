import type { HclExpr } from '../parsers/hcl.js';

/**
 * Static evaluation of Terraform expressions: what a review can know without a plan. Anything else is
 * UNKNOWN, and UNKNOWN spreads (a template with one unknown part is unknown), so that rules never fire on
 * a value they could not resolve. Maps can be *open* (`merge(local.tags, var.extra)`): their known keys
 * are certain, but more keys may exist.
 */

export const UNKNOWN: unique symbol = Symbol('unknown');
export const OPEN: unique symbol = Symbol('open');

export type HclValue = string | number | boolean | null | typeof UNKNOWN | HclValue[] | HclMap;
export interface HclMap {
  [key: string]: HclValue;
  [OPEN]?: true;
}

/** What references resolve to; everything but `var.*` and `local.*` is unknown at review time. */
export interface EvalScope {
  variable(name: string): HclValue;
  local(name: string): HclValue;
}

export const EMPTY_SCOPE: EvalScope = { variable: () => UNKNOWN, local: () => UNKNOWN };

export function isMap(v: HclValue): v is HclMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isOpen(v: HclValue): boolean {
  return isMap(v) && v[OPEN] === true;
}

export function newMap(entries: Iterable<[string, HclValue]> = [], open = false): HclMap {
  const m: HclMap = Object.fromEntries(entries);
  if (open) m[OPEN] = true;
  return m;
}

/** Own keys only: `constructor` or `__proto__` in a tag map must not reach Object.prototype. */
export function mapGet(v: HclValue, key: string): HclValue | undefined {
  if (!isMap(v)) return undefined;
  return Object.hasOwn(v, key) ? v[key] : v[OPEN] ? UNKNOWN : undefined;
}

/** True when no part of the value is unknown or open. */
export function isKnown(v: HclValue): boolean {
  if (v === UNKNOWN) return false;
  if (Array.isArray(v)) return v.every(isKnown);
  if (isMap(v)) return !v[OPEN] && Object.values(v).every(isKnown);
  return true;
}

export function evaluate(expr: HclExpr, scope: EvalScope): HclValue {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'template': {
      let out = '';
      for (const part of expr.parts) {
        const v = typeof part === 'string' ? part : evaluate(part, scope);
        const s = asString(v);
        if (s === undefined) return UNKNOWN;
        out += s;
      }
      return out;
    }
    case 'tuple':
      return expr.items.map((i) => evaluate(i, scope));
    case 'object': {
      const entries: [string, HclValue][] = [];
      let open = false;
      for (const item of expr.items) {
        if (item.key === undefined) open = true;
        else entries.push([item.key, evaluate(item.value, scope)]);
      }
      return newMap(entries, open);
    }
    case 'traversal': {
      const [first, ...rest] = expr.steps;
      if (typeof first !== 'string') return UNKNOWN;
      const base = expr.root === 'var' ? scope.variable(first) : expr.root === 'local' ? scope.local(first) : UNKNOWN;
      return rest.reduce<HclValue>(
        (v, step) => index(v, typeof step === 'object' ? evaluate(step, scope) : step),
        base,
      );
    }
    case 'call':
      return call(expr.name, expr.expandFinal ? UNKNOWN : expr.args.map((a) => evaluate(a, scope)));
    case 'unary': {
      const v = evaluate(expr.operand, scope);
      if (expr.operator === '-') return typeof v === 'number' ? -v : UNKNOWN;
      const b = asBool(v);
      return b === undefined ? UNKNOWN : !b;
    }
    default:
      return UNKNOWN;
  }
}

function index(v: HclValue, key: HclValue): HclValue {
  if (Array.isArray(v)) {
    const n = typeof key === 'number' ? key : typeof key === 'string' && /^\d+$/.test(key) ? Number(key) : undefined;
    return n === undefined ? UNKNOWN : (v[n] ?? UNKNOWN);
  }
  if (isMap(v) && (typeof key === 'string' || typeof key === 'number')) return mapGet(v, String(key)) ?? UNKNOWN;
  return UNKNOWN;
}

/** The functions whose result a review needs and can know. */
function call(name: string, args: HclValue[] | typeof UNKNOWN): HclValue {
  if (args === UNKNOWN) return UNKNOWN;
  switch (name) {
    case 'merge':
      return merge(args);
    case 'concat':
      return args.every(Array.isArray) ? args.flat(1) : UNKNOWN;
    case 'tomap':
      return args.length === 1 && isMap(args[0] as HclValue) ? (args[0] as HclValue) : UNKNOWN;
    case 'tolist':
    case 'toset':
      return args.length === 1 && Array.isArray(args[0]) ? args[0] : UNKNOWN;
    case 'lookup': {
      const [map, key, fallback] = args;
      if (map === undefined || typeof key !== 'string' || !isMap(map)) return UNKNOWN;
      return mapGet(map, key) ?? fallback ?? UNKNOWN;
    }
    case 'jsonencode':
      return args.length === 1 && isKnown(args[0] as HclValue) ? JSON.stringify(args[0]) : UNKNOWN;
    default:
      return UNKNOWN;
  }
}

/** Later maps win. An unknown argument may set any key: earlier values become unknown, the map open. */
function merge(args: HclValue[]): HclValue {
  // A Map, not object assignment: a `__proto__` key must stay data.
  const out = new Map<string, HclValue>();
  let open = false;
  for (const arg of args) {
    if (arg === null) continue;
    if (arg === UNKNOWN) {
      for (const k of out.keys()) out.set(k, UNKNOWN);
      open = true;
      continue;
    }
    if (!isMap(arg)) return UNKNOWN;
    for (const [k, v] of Object.entries(arg)) out.set(k, v);
    if (arg[OPEN]) open = true;
  }
  return newMap(out, open);
}

/** HCL converts numbers and bools to strings where a string is expected. */
export function asString(v: HclValue | undefined): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** `true`, and the strings `"true"`/`"false"` that Terraform converts. */
export function asBool(v: HclValue | undefined): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

export function asNumber(v: HclValue | undefined): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

/** The known strings of a list (unknown elements dropped: "contains" checks stay sound); one string as a list. */
export function knownStrings(v: HclValue | undefined): string[] {
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v)) return [];
  return v.filter((x): x is string => typeof x === 'string');
}

/** Structural equality of two known values (for "all environments agree on this variable"). */
export function sameValue(a: HclValue, b: HclValue): boolean {
  if (a === UNKNOWN || b === UNKNOWN) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]!));
  }
  if (isMap(a) || isMap(b)) {
    if (!isMap(a) || !isMap(b) || a[OPEN] || b[OPEN]) return false;
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && sameValue(a[k]!, b[k]!));
  }
  return a === b;
}

/** A JSON value (from `JSON.parse`) as an HclValue; strings that hold `${…}` are unknown. */
export function fromJson(v: unknown): HclValue {
  if (typeof v === 'string') return v.includes('${') ? UNKNOWN : v;
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
  if (Array.isArray(v)) return v.map(fromJson);
  if (typeof v === 'object')
    return newMap(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, fromJson(x)]));
  return UNKNOWN;
}
