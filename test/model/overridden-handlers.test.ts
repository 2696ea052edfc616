/**
 * Handlers observed in a base class's `__init__` as `self.<method>`: the method that runs is the
 * constructed object's, found through its class's method resolution order (most-derived first),
 * not the base's abstract stub. fixtures.test.ts compares the whole model with
 * test/fixtures/expected/overridden-handlers.json.
 */
import {join} from 'node:path';
import {loadCharm} from '../../src/model/charm/load.js';
import {FIXTURE_CHARMS} from './model-helpers.js';

const model = loadCharm(join(FIXTURE_CHARMS, 'overridden-handlers'));
const RELAY = 'lib/charms/relay_lib/v0/relay.py';

/** Where the handler of an event is defined, and its docstring. */
const handlerOf = (name: string): [string | undefined, number | undefined, string | undefined] => {
  const e = model.events.find((x) => x.name === name);
  if (!e) throw new Error(`no event ${name}`);
  return [e.handlerFile, e.handlerLine, e.handlerDoc];
};

describe('handlers resolved through the constructed object`s class', () => {
  test('a library subclass`s override, not the base`s stub that only says subclasses implement it', () => {
    expect(handlerOf('upstream-relation-changed')).toEqual([
      RELAY,
      38,
      "Read the upstream relay's address from the relation.",
    ]);
    expect(handlerOf('upstream-relation-broken')).toEqual([RELAY, 42, "Forget the upstream relay's address."]);
  });

  test('a diamond: the second base`s override comes before the shared base (C3), as Python runs it', () => {
    expect(handlerOf('downstream-relation-changed')).toEqual([
      RELAY,
      57,
      "Publish this relay's address to the downstream unit.",
    ]);
    expect(handlerOf('downstream-relation-broken')).toEqual([
      RELAY,
      61,
      'Stop forwarding to the departed downstream relay.',
    ]);
  });

  test('a method no subclass overrides is the base`s own', () => {
    expect(handlerOf('upgrade-charm')).toEqual([RELAY, 30, "Publish the relay's address again after an upgrade."]);
  });

  test('a helper of the charm`s source built as its subclass runs the subclass`s override', () => {
    expect(handlerOf('audit-relation-joined')).toEqual([
      'src/audit.py',
      17,
      "Send the audit trail's first record to the new auditor.",
    ]);
  });

  test('no handler is described by a stub`s docstring', () => {
    expect(model.events.filter((e) => /Subclasses|subclasses say/.test(e.handlerDoc ?? ''))).toEqual([]);
  });
});
