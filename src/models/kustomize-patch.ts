/**
 * The two patch formats kustomize applies, on tracked trees: strategic merge (maps merge, lists of core
 * types merge by their key, `null` and `$patch: delete` remove, `$patch: replace` replaces) and JSON 6902
 * (`add`, `remove`, `replace`, `move`, `copy`, `test`). Values a patch brings keep the patch's origin.
 */
import { clone, get, type Origin, str, type TMap, type TNode, type TSeq } from './kustomize-tree.js';

/** kustomize stops with an error: the render is abandoned and reported, never guessed. */
export class RenderError extends Error {
  readonly at: Origin | undefined;
  constructor(message: string, at: Origin | undefined) {
    super(message);
    this.at = at;
  }
}

/** Merge keys of list fields in core Kubernetes types (their `patchMergeKey`). */
const MERGE_KEYS: ReadonlyMap<string, string> = new Map([
  ['containers', 'name'],
  ['initContainers', 'name'],
  ['ephemeralContainers', 'name'],
  ['env', 'name'],
  ['volumes', 'name'],
  ['volumeMounts', 'mountPath'],
  ['imagePullSecrets', 'name'],
  ['hostAliases', 'ip'],
  ['topologySpreadConstraints', 'topologyKey'],
]);

/** Container ports merge on `containerPort`, Service ports on `port`. */
function mergeKeyOf(field: string, list: TSeq): string | undefined {
  if (field === 'ports')
    return list.items.some((i) => get(i, 'containerPort') !== undefined) ? 'containerPort' : 'port';
  return MERGE_KEYS.get(field);
}

/**
 * Applies a strategic merge patch to `target` in place. `mergeLists` is false for custom resources, which
 * kustomize patches like a JSON merge patch (lists replaced) unless given their schema.
 */
export function strategicMerge(target: TMap, patch: TMap, mergeLists: boolean): void {
  if (str(get(patch, '$patch')) === 'replace') {
    target.entries = stripDirectives(patch).entries;
    return;
  }
  for (const [key, entry] of patch.entries) {
    if (key.startsWith('$')) continue;
    const value = entry.value;
    const existing = target.entries.get(key);
    if (value.t === 'scalar' && value.value === null) {
      target.entries.delete(key);
      continue;
    }
    if (value.t === 'map') {
      if (str(get(value, '$patch')) === 'delete') {
        target.entries.delete(key);
      } else if (existing?.value.t === 'map') {
        strategicMerge(existing.value, value, mergeLists);
      } else {
        target.entries.set(key, { keyOrigin: existing?.keyOrigin ?? entry.keyOrigin, value: stripDirectives(value) });
      }
      continue;
    }
    if (value.t === 'seq' && mergeLists && existing?.value.t === 'seq') {
      const mergeKey = mergeKeyOf(key, existing.value);
      if (mergeKey && !value.items.some((i) => str(get(i, '$patch')) === 'replace')) {
        mergeList(existing.value, value, mergeKey, mergeLists);
        continue;
      }
    }
    target.entries.set(key, { keyOrigin: existing?.keyOrigin ?? entry.keyOrigin, value: stripDirectives(value) });
  }
}

function mergeList(target: TSeq, patch: TSeq, mergeKey: string, mergeLists: boolean): void {
  for (const item of patch.items) {
    const id = item.t === 'map' ? str(get(item, mergeKey)) : undefined;
    if (item.t !== 'map' || id === undefined) {
      if (!(item.t === 'map' && get(item, '$patch'))) target.items.push(stripDirectives(item));
      continue;
    }
    const index = target.items.findIndex((t) => str(get(t, mergeKey)) === id);
    const found = target.items[index];
    if (str(get(item, '$patch')) === 'delete') {
      if (index >= 0) target.items.splice(index, 1);
    } else if (found?.t === 'map') {
      strategicMerge(found, item, mergeLists);
    } else {
      target.items.push(stripDirectives(item));
    }
  }
}

/** A copy without `$patch` / `$setElementOrder` … directives. */
function stripDirectives<T extends TNode>(node: T): T {
  const copy = clone(node) as T;
  const strip = (n: TNode): void => {
    if (n.t === 'map') {
      for (const key of [...n.entries.keys()]) {
        if (key.startsWith('$')) n.entries.delete(key);
        else strip(n.entries.get(key)?.value as TNode);
      }
    } else if (n.t === 'seq') {
      n.items = n.items.filter((i) => !(i.t === 'map' && i.entries.size === 1 && get(i, '$patch')));
      for (const i of n.items) strip(i);
    }
  };
  strip(copy);
  return copy;
}

// ---------------------------------------------------------------------------------------------------
// JSON 6902

/** Applies the operations of a JSON patch (a sequence of `{op, path, value, from}`) to `root` in place. */
export function jsonPatch(root: TMap, ops: TNode): void {
  if (ops.t !== 'seq') throw new RenderError('a JSON 6902 patch must be a list of operations', ops.origin);
  for (const op of ops.items) {
    const name = str(get(op, 'op'));
    const path = str(get(op, 'path'));
    const at = get(op, 'path')?.origin ?? op.origin;
    if (name === undefined || path === undefined)
      throw new RenderError('a JSON patch operation lacks `op` or `path`', op.origin);
    const fail = (why: string): never => {
      throw new RenderError(`JSON patch \`${name} ${path}\`: ${why}`, at);
    };
    const value = get(op, 'value');
    switch (name) {
      case 'add':
        if (!value) fail('no value');
        insert(root, pointer(path, fail), clone(value as TNode), fail, false);
        break;
      case 'replace':
        if (!value) fail('no value');
        insert(root, pointer(path, fail), clone(value as TNode), fail, true);
        break;
      case 'remove':
        take(root, pointer(path, fail), fail);
        break;
      case 'move':
      case 'copy': {
        const from = str(get(op, 'from'));
        if (from === undefined) fail('no `from`');
        const source = pointer(from as string, fail);
        const moved =
          name === 'move' ? take(root, source, fail) : clone(lookup(root, source) ?? fail('`from` not found'));
        insert(root, pointer(path, fail), moved, fail, false);
        break;
      }
      case 'test': {
        const current = lookup(root, pointer(path, fail));
        if (!current || !value || JSON.stringify(plain(current)) !== JSON.stringify(plain(value))) fail('test failed');
        break;
      }
      default:
        fail('unknown operation');
    }
  }
}

function pointer(path: string, fail: (why: string) => never): string[] {
  if (path === '') fail('replacing the whole object is not supported');
  if (!path.startsWith('/')) fail('not a JSON pointer');
  return path
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function lookup(root: TNode, tokens: readonly string[]): TNode | undefined {
  let current: TNode | undefined = root;
  for (const t of tokens) {
    if (current?.t === 'map') current = current.entries.get(t)?.value;
    else if (current?.t === 'seq' && /^\d+$/.test(t)) current = current.items[Number(t)];
    else return undefined;
  }
  return current;
}

function insert(root: TNode, tokens: string[], value: TNode, fail: (why: string) => never, replace: boolean): void {
  const last = tokens[tokens.length - 1] as string;
  const parent = lookup(root, tokens.slice(0, -1));
  if (parent?.t === 'map') {
    const existing = parent.entries.get(last);
    if (replace && !existing) fail('path not found');
    parent.entries.set(last, { keyOrigin: existing?.keyOrigin ?? value.origin, value });
  } else if (parent?.t === 'seq') {
    const index = last === '-' ? parent.items.length : /^\d+$/.test(last) ? Number(last) : -1;
    if (index < 0 || index > parent.items.length || (replace && index >= parent.items.length))
      fail('index out of range');
    parent.items.splice(index, replace ? 1 : 0, value);
  } else {
    fail('path not found');
  }
}

function take(root: TNode, tokens: string[], fail: (why: string) => never): TNode {
  const last = tokens[tokens.length - 1] as string;
  const parent = lookup(root, tokens.slice(0, -1));
  if (parent?.t === 'map') {
    const existing = parent.entries.get(last);
    if (!existing) fail('path not found');
    parent.entries.delete(last);
    return (existing as { value: TNode }).value;
  }
  if (parent?.t === 'seq' && /^\d+$/.test(last) && Number(last) < parent.items.length) {
    return parent.items.splice(Number(last), 1)[0] as TNode;
  }
  return fail('path not found');
}

/** A tracked tree as plain data (for `test` comparisons). */
export function plain(node: TNode): unknown {
  if (node.t === 'scalar') return node.value;
  if (node.t === 'seq') return node.items.map(plain);
  return Object.fromEntries([...node.entries].map(([k, e]) => [k, plain(e.value)]));
}
