import type { SourceFile } from '../core/source-file.js';
import { parseHcl } from '../parsers/hcl.js';
import { attribute } from '../parsers/hcl-ast.js';
import type { TfModule, TfModuleCall } from './terraform.js';
import { EMPTY_SCOPE, evaluate, type HclValue, sameValue, UNKNOWN } from './terraform-eval.js';

const AUTO_TFVARS = /(^|\/)(terraform\.tfvars(\.json)?|[^/]*\.auto\.tfvars(\.json)?)$/i;

/**
 * Resolves `var.*` and `local.*` lazily, with memoisation and a cycle guard. A variable's value is only
 * known when every way the module is applied agrees on it: each local caller's argument (or the default),
 * or, for a module nobody here calls, each explicit `*.tfvars` over the auto-loaded ones and the default.
 */
export class Evaluator {
  readonly #callers: Map<string, TfModuleCall[]>;
  readonly #memo = new Map<string, HclValue>();
  readonly #active = new Set<string>();

  constructor(callers: Map<string, TfModuleCall[]>) {
    this.#callers = callers;
  }

  variable(module: TfModule, name: string): HclValue {
    return this.#once(`${module.dir}\0var\0${name}`, () => this.#variable(module, name));
  }

  local(module: TfModule, name: string): HclValue {
    const local = module.locals.get(name);
    if (!local) return UNKNOWN;
    return this.#once(`${module.dir}\0local\0${name}`, () => module.value(local.attribute.value));
  }

  #once(key: string, compute: () => HclValue): HclValue {
    const memo = this.#memo.get(key);
    if (memo !== undefined) return memo;
    if (this.#active.has(key)) return UNKNOWN;
    this.#active.add(key);
    try {
      const value = compute();
      this.#memo.set(key, value);
      return value;
    } finally {
      this.#active.delete(key);
    }
  }

  #variable(module: TfModule, name: string): HclValue {
    const declared = module.variables.find((v) => v.name === name);
    if (!declared) return UNKNOWN;
    const fallback = declared.default ? evaluate(declared.default.value, EMPTY_SCOPE) : undefined;
    const calls = this.#callers.get(module.dir) ?? [];
    let candidates: (HclValue | undefined)[];
    if (calls.length > 0) {
      candidates = calls.map((c) => {
        const arg = attribute(c.block.body, name);
        return arg ? c.module.value(arg.value) : fallback;
      });
    } else {
      const auto = module.tfvars.filter((f) => AUTO_TFVARS.test(f.path));
      const explicit = module.tfvars.filter((f) => !AUTO_TFVARS.test(f.path));
      let base = fallback;
      for (const f of auto) base = tfvarsValue(f, name) ?? base;
      candidates = explicit.length > 0 ? explicit.map((f) => tfvarsValue(f, name) ?? base) : [base];
    }
    const [first, ...rest] = candidates;
    if (first === undefined || rest.some((c) => c === undefined || !sameValue(first, c))) return UNKNOWN;
    return first;
  }
}

function tfvarsValue(file: SourceFile, name: string): HclValue | undefined {
  const a = attribute(parseHcl(file).body, name);
  return a ? evaluate(a.value, EMPTY_SCOPE) : undefined;
}
