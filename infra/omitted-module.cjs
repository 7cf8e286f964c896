'use strict';
/**
 * What a package left out of the Lambda bundles resolves to (LAMBDA_BUNDLE.omittedModules in
 * infra/bundling.ts): those packages are required by code paths a Lambda never takes. Loading it,
 * and reading names from it the way modules do at load time (`const { parse } = require(...)`),
 * is harmless; calling or constructing anything from it throws, naming what was used, instead of
 * failing somewhere obscure. Plain CommonJS because esbuild bundles it as it is.
 */
const REASON =
  'was used, but its package is left out of the Lambda bundles (omittedModules in infra/bundling.ts): a code path the Lambdas never take has been taken';

function omitted(name) {
  const fail = () => {
    throw new Error(`"${name}" ${REASON}`);
  };
  // A plain function, so that both calling and `new` reach the traps.
  return new Proxy(
    function omittedExport() {
      fail();
    },
    {
      get(_target, property) {
        // What module loaders and interop helpers probe while importing: "nothing here".
        if (typeof property === 'symbol' || property === '__esModule' || property === 'then')
          return undefined;
        return omitted(`${name}.${String(property)}`);
      },
      apply: fail,
      construct: fail,
    },
  );
}

module.exports = omitted('module');
