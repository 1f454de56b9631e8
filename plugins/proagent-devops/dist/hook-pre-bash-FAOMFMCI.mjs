import { createRequire as __pdoCreateRequire } from 'node:module'; const require = __pdoCreateRequire(import.meta.url);
import {
  init_lazy_module,
  lazyExports
} from "./hook-chunk-CFNLOGWS.mjs";
import "./hook-chunk-3A3DTUTA.mjs";

// lazy:src/adapters/hook/pre-bash.ts
init_lazy_module();
var lazy = lazyExports("hook-lazy-pre-bash.cjs", "9e769e8366906554", { "callable": false, "esModule": true, "keys": { "preBash": null, "verdictText": null } });
function preBash(...args) {
  return lazy.preBash(...args);
}
function verdictText(...args) {
  return lazy.verdictText(...args);
}
export {
  preBash,
  verdictText
};
