// Outlets are sources: the registry (`--outlets FILE`), masthead folding, wire signals, and the one
// function that folds a batch's articles into independent sources (docs/outlets.md).

export { independentSources, wireVia, type IndependentSources, type SourceArticle } from './sources.js';
export { loadOutletRegistry, parseOutletRegistry, defaultOutletRegistry, OutletRegistryError, BUILT_IN_WIRES, type OutletEntry, type OutletRegistry } from './registry.js';
export { foldMastheads, hostKey, nameKey, outletName, type Masthead } from './masthead.js';
export { wireSignal, type WireSignal } from './wire.js';
export { withSourceIds, withSource, sourceIdsOf } from './figures.js';
