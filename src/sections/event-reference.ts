import {hookName, type ObservedEvent} from '../model/index.js';
import type {LinkOptions} from './context.js';

/** When each standard Juju event fires, one sentence each (from the Juju hook reference). */
const WHEN: Record<string, string> = {
  install: 'Fired once, when the unit is first deployed, before any other event.',
  start: 'Fired once the unit is installed and configured, to start the workload.',
  stop: 'Fired when the unit is being removed, to stop the workload.',
  remove: 'Fired last, when the unit is removed from the model.',
  'config-changed':
    'Fired when the application configuration changes, and after install, upgrade and leadership changes.',
  'update-status': 'Fired periodically (every 5 minutes by default) so the charm can refresh its status.',
  'upgrade-charm': 'Fired when the charm is refreshed to a new revision.',
  'pre-series-upgrade': "Fired before the machine's operating system is upgraded.",
  'post-series-upgrade': "Fired after the machine's operating system is upgraded.",
  'collect-metrics': 'Fired when Juju collects metrics from the unit.',
  'leader-elected': 'Fired on the unit that becomes the application leader.',
  'leader-settings-changed': 'Fired on non-leader units when the leader changes the application settings.',
  'secret-changed': 'Fired on observers of a secret when its owner publishes a new revision.',
  'secret-expired': 'Fired on the owner of a secret when a revision expires.',
  'secret-remove': 'Fired on the owner of a secret when a revision is no longer observed.',
  'secret-rotate': 'Fired on the owner of a secret when it is due to be rotated.',
  'collect-unit-status': 'Fired at the end of every hook so the charm can set the unit status.',
  'collect-app-status': 'Fired on the leader at the end of every hook so the charm can set the application status.',
};

const SUFFIX_WHEN: Array<[RegExp, string]> = [
  [/-relation-created$/, 'Fired when the integration on this endpoint is created, before any unit joins.'],
  [/-relation-joined$/, 'Fired when a remote unit joins the integration on this endpoint.'],
  [
    /-relation-changed$/,
    "Fired when a remote unit changes its data on this endpoint's integration (and after it joins).",
  ],
  [/-relation-departed$/, 'Fired when a remote unit leaves the integration on this endpoint.'],
  [/-relation-broken$/, 'Fired when the integration on this endpoint is removed.'],
  [/-pebble-ready$/, 'Fired when Pebble in this workload container is ready to accept layers.'],
  [/-pebble-custom-notice$/, 'Fired when the workload records a custom Pebble notice.'],
  [/-pebble-check-failed$/, 'Fired when a Pebble health check in this container fails.'],
  [/-pebble-check-recovered$/, 'Fired when a failed Pebble health check in this container passes again.'],
  [/-storage-attached$/, 'Fired when this storage is attached to the unit.'],
  [/-storage-detaching$/, 'Fired before this storage is detached from the unit.'],
  [/-action$/, 'Fired when a user runs this action with juju run.'],
];

export function whenItFires(event: ObservedEvent): string | undefined {
  const name = event.name;
  if (!name) return undefined;
  if (event.kind === 'library' || event.kind === 'custom') return undefined;
  return (Object.hasOwn(WHEN, name) ? WHEN[name] : undefined) ?? SUFFIX_WHEN.find(([re]) => re.test(name))?.[1];
}

/** ops-only events (not Juju hooks) documented by ops. */
const OPS_EVENTS: Record<string, string> = {
  'collect-unit-status': 'https://ops.readthedocs.io/en/latest/reference/ops.html#ops.CollectStatusEvent',
  'collect-app-status': 'https://ops.readthedocs.io/en/latest/reference/ops.html#ops.CollectStatusEvent',
};

/**
 * Link for an event: its entry in the Juju hook reference (whose targets are `hook-<hook>`, with
 * `relation`, `container` and `storage` standing for the endpoint, container and storage name),
 * the action reference for actions, ops for ops-only events, or a library's Charmhub page.
 */
export function eventUrl(event: ObservedEvent, links: LinkOptions): string | undefined {
  const base = links.jujuDocsUrl.replace(/\/+$/, '');
  if (event.kind === 'library' && event.emitter?.library?.startsWith('charms.')) {
    const [, charm, version, lib] = event.emitter.library.split('.');
    if (charm && lib && /^v\d+$/.test(version ?? ''))
      return `${links.charmhubUrl.replace(/\/+$/, '')}/${hookName(charm)}/libraries/${lib}`;
    return undefined;
  }
  if (!event.name || event.kind === 'custom' || event.kind === 'library' || event.kind === 'unknown') return undefined;
  const ops = Object.hasOwn(OPS_EVENTS, event.name) ? OPS_EVENTS[event.name] : undefined;
  if (ops) return ops;
  if (event.kind === 'action') return base.endsWith('/hook') ? `${base.replace(/\/hook$/, '/action')}/` : `${base}/`;
  let anchor = event.name;
  if (event.kind === 'relation') anchor = event.name.replace(/^.*-(relation-\w+)$/, '$1');
  else if (event.kind === 'workload') anchor = event.name.replace(/^.*-(pebble-[\w-]+)$/, 'container-$1');
  else if (event.kind === 'storage') anchor = event.name.replace(/^.*-(storage-\w+)$/, '$1');
  return `${base}/#hook-${anchor}`;
}
