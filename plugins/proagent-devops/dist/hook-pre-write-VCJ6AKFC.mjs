import { createRequire as __pdoCreateRequire } from 'node:module'; const require = __pdoCreateRequire(import.meta.url);
import {
  init_lazy_module,
  lazyExports
} from "./hook-chunk-CFNLOGWS.mjs";
import "./hook-chunk-3A3DTUTA.mjs";

// lazy:src/adapters/hook/pre-write.ts
init_lazy_module();
var lazy = lazyExports("hook-lazy-pre-write.cjs", "73984be10fd339eb", { "callable": false, "esModule": true, "keys": { "applyEdit": null, "introducedSecrets": null, "preWrite": null, "proposedWrite": null, "secretHome": null } });
function applyEdit(...args) {
  return lazy.applyEdit(...args);
}
function introducedSecrets(...args) {
  return lazy.introducedSecrets(...args);
}
function preWrite(...args) {
  return lazy.preWrite(...args);
}
function proposedWrite(...args) {
  return lazy.proposedWrite(...args);
}
function secretHome(...args) {
  return lazy.secretHome(...args);
}
export {
  applyEdit,
  introducedSecrets,
  preWrite,
  proposedWrite,
  secretHome
};
