// linkedom, loaded with an EventTarget whose listener table is made on the first listener instead of in every
// node's constructor, and with its compiled CSS selectors kept (cacheCompiledSelectors). linkedom's own EventTarget gives each node (element, text, comment) a WeakMap entry
// holding a new Map, so a page of 5,000 nodes makes 5,000 of each, which nothing here ever uses: parsing
// never adds a listener, Readability adds none, and no event is dispatched. This module stands in for
// linkedom's `cjs/interface/event-target.js` in the require cache before linkedom is first required.
// It depends on that file's path and on its one export (`EventTarget`), checked by ingest/html.test.ts
// (the lazy class is the one linkedom's nodes inherit) with linkedom pinned in package.json.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type Listener = ((event: unknown) => void) | { handleEvent(event: unknown): void };
interface DomEvent {
  type: string;
  bubbles: boolean;
  cancelBubble: boolean;
  defaultPrevented: boolean;
  eventPhase: number;
  _stopImmediatePropagationFlag: boolean;
  _path: { currentTarget: LazyEventTarget; target: LazyEventTarget }[];
  currentTarget?: unknown;
  target?: unknown;
  readonly AT_TARGET: number;
  readonly BUBBLING_PHASE: number;
  readonly CAPTURING_PHASE: number;
  readonly NONE: number;
}

/** Node → event type → listener → options; a node gets its entry with its first listener. */
const listenersOf = new WeakMap<object, Map<string, Map<Listener, unknown>>>();

/** One listener call; true when it stopped immediate propagation. */
function call(event: DomEvent, listener: Listener): boolean {
  if (typeof listener === 'function') listener.call(event.target, event);
  else listener.handleEvent(event);
  return event._stopImmediatePropagationFlag;
}

/** The listeners of one node on the event's path (DOM order: at target, then bubbling); true stops the path. */
function invoke(event: DomEvent, step: { currentTarget: LazyEventTarget; target: LazyEventTarget }): boolean {
  const listeners = listenersOf.get(step.currentTarget)?.get(event.type);
  if (!listeners) return false;
  event.eventPhase = step.currentTarget === step.target ? event.AT_TARGET : event.BUBBLING_PHASE;
  event.currentTarget = step.currentTarget;
  event.target = step.target;
  for (const [listener, options] of listeners) {
    if ((options as { once?: boolean } | undefined)?.once) listeners.delete(listener);
    if (call(event, listener)) break;
  }
  delete event.currentTarget;
  delete event.target;
  return event.cancelBubble;
}

/** https://dom.spec.whatwg.org/#interface-eventtarget, as linkedom implements it (its simplified event path). */
export class LazyEventTarget {
  /** Overridden by linkedom's nodes: the parent an event bubbles to. */
  _getParent(): LazyEventTarget | null {
    return null;
  }

  addEventListener(type: string, listener: Listener, options?: unknown): void {
    let byType = listenersOf.get(this);
    if (!byType) listenersOf.set(this, (byType = new Map()));
    let listeners = byType.get(type);
    if (!listeners) byType.set(type, (listeners = new Map()));
    listeners.set(listener, options);
  }

  removeEventListener(type: string, listener: Listener): void {
    const byType = listenersOf.get(this);
    const listeners = byType?.get(type);
    if (listeners?.delete(listener) && !listeners.size) byType!.delete(type);
  }

  dispatchEvent(event: DomEvent): boolean {
    event.eventPhase = event.CAPTURING_PHASE;
    for (let node: LazyEventTarget | null = this; node; node = event.bubbles && node._getParent ? node._getParent() : null) {
      if (typeof node.dispatchEvent === 'function') event._path.push({ currentTarget: node, target: this });
    }
    event._path.some((step) => invoke(event, step));
    event._path = [];
    event.eventPhase = event.NONE;
    return !event.defaultPrevented;
  }
}

/** Compiled selectors kept: Readability asks a page for a few dozen distinct ones, thousands of times. */
const SELECTOR_CACHE = 512;

type Matcher = (element: unknown) => boolean;
interface MatchesModule { prepareMatch: (element: unknown, selectors: string) => Matcher }

/**
 * linkedom compiles a selector (css-select) at every querySelector/querySelectorAll/closest call; Readability
 * calls them thousands of times a page with a few dozen selectors (6 % of a page's CPU on the Zyte pages).
 * The compiled matcher depends on the selector and on the document's case rule only, unless it holds
 * `:scope` (then on the element too: not cached). Wraps linkedom's own `prepareMatch` (the export of
 * `cjs/shared/matches.js` its nodes destructure when they load, so this must run before linkedom loads).
 */
function cacheCompiledSelectors(require: NodeJS.Require, root: string): void {
  const matches = require(join(root, 'shared', 'matches.js')) as MatchesModule;
  const { ignoreCase } = require(join(root, 'shared', 'utils.js')) as { ignoreCase: (element: unknown) => boolean };
  const compile = matches.prepareMatch;
  const compiled = new Map<string, Matcher>();
  matches.prepareMatch = (element, selectors) => {
    if (selectors.includes(':scope')) return compile(element, selectors);
    const key = `${ignoreCase(element) ? 'i' : 's'}\u0000${selectors}`;
    let m = compiled.get(key);
    if (!m) {
      if (compiled.size >= SELECTOR_CACHE) compiled.clear();
      compiled.set(key, (m = compile(element, selectors)));
    }
    return m;
  };
}

/** linkedom's CommonJS build with LazyEventTarget in place of its own EventTarget, and compiled selectors kept. */
export function requireLinkedom(): typeof import('linkedom') {
  const require = createRequire(import.meta.url);
  const main = require.resolve('linkedom');
  const root = dirname(main);
  const file = join(root, 'interface', 'event-target.js');
  if (!require.cache[main]) {
    // A module record that is already loaded: linkedom's `require('./event-target.js')` takes its exports.
    const Module = require('node:module') as { new (id: string): NodeJS.Module };
    const record = new Module(file);
    record.filename = file;
    record.loaded = true;
    record.exports = { EventTarget: LazyEventTarget };
    require.cache[file] = record;
    cacheCompiledSelectors(require, root);
  }
  return require('linkedom') as typeof import('linkedom');
}
