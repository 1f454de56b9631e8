import { createRequire as __pdoCreateRequire } from 'node:module'; const require = __pdoCreateRequire(import.meta.url);
import {
  __commonJS,
  __esm,
  __export,
  __require,
  __toESM,
  require_node_fs
} from "./hook-chunk-3A3DTUTA.mjs";

// builtin:node:path
var require_node_path = __commonJS({
  "builtin:node:path"(exports, module) {
    module.exports = __require("node:path");
  }
});

// builtin:node:module
var require_node_module = __commonJS({
  "builtin:node:module"(exports, module) {
    module.exports = __require("node:module");
  }
});

// builtin:node:os
var require_node_os = __commonJS({
  "builtin:node:os"(exports, module) {
    module.exports = __require("node:os");
  }
});

// builtin:node:url
var require_node_url = __commonJS({
  "builtin:node:url"(exports, module) {
    module.exports = __require("node:url");
  }
});

// builtin:node:vm
var require_node_vm = __commonJS({
  "builtin:node:vm"(exports, module) {
    module.exports = __require("node:vm");
  }
});

// src/adapters/hook/lazy-module.ts
var lazy_module_exports = {};
__export(lazy_module_exports, {
  codeCacheDir: () => codeCacheDir,
  lazyExports: () => lazyExports,
  lazyObject: () => lazyObject,
  loadCommonJs: () => loadCommonJs
});
function lazyExports(file, hash, shape) {
  let exports;
  return lazyObject(shape, () => {
    if (exports === void 0) {
      const path = (0, import_node_url.fileURLToPath)(new URL(`./${file}`, import.meta.url));
      if (!loaded.has(path)) loaded.set(path, loadCommonJs(path, { cacheDir: codeCacheDir(process.env), hash }));
      exports = loaded.get(path);
    }
    return exports;
  });
}
function lazyObject(shape, resolve) {
  const target = shape.callable ? function standIn(...args) {
    const fn = resolve();
    if (new.target === void 0) return Reflect.apply(fn, this, args);
    return Reflect.construct(fn, args, new.target === standIn ? fn : new.target);
  } : {};
  if (shape.esModule) Object.defineProperty(target, "__esModule", { value: true });
  for (const [key, nested] of Object.entries(shape.keys)) {
    const resolveKey = () => resolve()[key];
    const value = nested === null ? void 0 : lazyObject(nested, resolveKey);
    Object.defineProperty(target, key, {
      get: value === void 0 ? resolveKey : () => value,
      enumerable: true,
      configurable: true
    });
  }
  return target;
}
function codeCacheDir(env) {
  const data = env.CLAUDE_PLUGIN_DATA;
  if (data !== void 0 && data !== "") return (0, import_node_path.join)(data, "v8-cache");
  const user = typeof process.getuid === "function" ? String(process.getuid()) : "user";
  return (0, import_node_path.join)((0, import_node_os.tmpdir)(), `proagent-devops-hook-${user}`, "v8-cache");
}
function loadCommonJs(path, options) {
  const source = (0, import_node_fs.readFileSync)(path, "utf8");
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}
})`;
  const cacheFile = options.cacheDir === void 0 ? void 0 : cacheFileName(options.cacheDir, path, options.hash);
  const cached = cacheFile === void 0 ? void 0 : readCache(cacheFile);
  const script = new import_node_vm.Script(wrapper, { filename: path, ...cached ? { cachedData: cached } : {} });
  const module = { exports: {} };
  const fn = script.runInThisContext();
  fn.call(module.exports, module.exports, (0, import_node_module.createRequire)(path), module, path, (0, import_node_path.dirname)(path));
  if (cacheFile !== void 0 && (cached === void 0 || script.cachedDataRejected === true)) {
    process.once("exit", () => writeCache(cacheFile, `${(0, import_node_path.basename)(path)}-`, script));
  }
  return module.exports;
}
function cacheFileName(dir, path, hash) {
  return (0, import_node_path.join)(dir, `${(0, import_node_path.basename)(path)}-${hash}-${process.version}-${process.arch}.bin`);
}
function readCache(file) {
  try {
    if (!privateDirectory((0, import_node_path.dirname)(file))) return void 0;
    return (0, import_node_fs.readFileSync)(file);
  } catch {
    return void 0;
  }
}
function privateDirectory(dir) {
  const stat = (0, import_node_fs.lstatSync)(dir);
  const uid = typeof process.getuid === "function" ? process.getuid() : void 0;
  return stat.isDirectory() && (uid === void 0 || stat.uid === uid) && (stat.mode & 18) === 0;
}
function writeCache(file, prefix, script) {
  try {
    const dir = (0, import_node_path.dirname)(file);
    (0, import_node_fs.mkdirSync)(dir, { recursive: true, mode: 448 });
    if (!privateDirectory(dir)) return;
    const tmp = `${file}.${process.pid}.tmp`;
    (0, import_node_fs.writeFileSync)(tmp, script.createCachedData(), { mode: 384 });
    (0, import_node_fs.renameSync)(tmp, file);
    for (const other of (0, import_node_fs.readdirSync)(dir)) {
      if (other.startsWith(prefix) && other.endsWith(".bin") && other !== (0, import_node_path.basename)(file)) {
        (0, import_node_fs.rmSync)((0, import_node_path.join)(dir, other), { force: true });
      }
    }
  } catch {
  }
}
var import_node_fs, import_node_module, import_node_os, import_node_path, import_node_url, import_node_vm, LOADED, registry, loaded;
var init_lazy_module = __esm({
  "src/adapters/hook/lazy-module.ts"() {
    "use strict";
    import_node_fs = __toESM(require_node_fs(), 1);
    import_node_module = __toESM(require_node_module(), 1);
    import_node_os = __toESM(require_node_os(), 1);
    import_node_path = __toESM(require_node_path(), 1);
    import_node_url = __toESM(require_node_url(), 1);
    import_node_vm = __toESM(require_node_vm(), 1);
    LOADED = /* @__PURE__ */ Symbol.for("proagent-devops.lazy-modules");
    registry = globalThis;
    registry[LOADED] ??= /* @__PURE__ */ new Map();
    loaded = registry[LOADED];
  }
});

export {
  require_node_module,
  require_node_os,
  require_node_path,
  require_node_url,
  require_node_vm,
  lazyExports,
  lazy_module_exports,
  init_lazy_module
};
