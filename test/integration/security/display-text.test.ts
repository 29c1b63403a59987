import { afterEach, describe, expect, it } from 'vitest';
import { isControl } from '../../../electron/core/display-text';
import { startRig, type Rig } from '../keys/harness';
import { startHostileFront, type Rewrite } from './hostile-front';

// Issue 9, item 7: a server (or a man in the middle) that puts bidi overrides and control
// characters in names, descriptions, versions and messages cannot get them into the window:
// `keys:list`, `servers:list` and error results carry them neutralised.
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** Whether `text` still holds a bidi control or a C0/C1 control character. */
const hostile = (text: string) =>
  BIDI.test(text) || [...text].some((c) => isControl(c.codePointAt(0) ?? 0));
const RLO = '\u202Eexe.txt\u0007\u001b[2J\u2066';

const mapData = (body: string, change: (item: Record<string, unknown>) => unknown) => {
  const parsed = JSON.parse(body) as Record<string, unknown>;
  return JSON.stringify({
    ...parsed,
    data: (parsed.data as Record<string, unknown>[]).map(change),
  });
};

describe('server text in the window', () => {
  let rig: Rig;
  afterEach(() => rig.close());

  it('reaches keys:list, servers:list and error results without bidi or control characters', async () => {
    let refuse = false;
    const rewrite: Rewrite = (req, res) => {
      if (req.method !== 'GET' || res.status !== 200) return;
      if ((req.path === '/v3/tokens' || req.path === '/v3/clusters') && refuse) {
        res.status = 403;
        res.body = JSON.stringify({ type: 'error', status: '403', message: `no ${RLO} way` });
        return;
      }
      if (req.path === '/v3/tokens') {
        res.body = mapData(res.body, (t) => ({ ...t, description: `desc ${RLO}` }));
      } else if (req.path === '/v3/clusters') {
        res.body = mapData(res.body, (c) => ({ ...c, name: `cluster ${RLO}` }));
      } else if (req.path === '/v3/users') {
        res.body = mapData(res.body, (u) => ({ ...u, name: `Admin ${RLO}` }));
      } else if (req.path === '/rancherversion') {
        res.body = JSON.stringify({ ...JSON.parse(res.body), Version: `v2.13.1${RLO}` });
      }
    };
    rig = await startRig({
      version: '2.13',
      prepare: (sim) => {
        sim.state.addCluster({ id: 'c-m-aaaabbbb', name: 'prod' });
        sim.state.addToken({
          user: sim.admin.id,
          description: 'scoped',
          clusterId: 'c-m-aaaabbbb',
        });
      },
      via: (sim) => startHostileFront({ target: sim.origin, rewrite }),
    });
    await rig.call('keys:refresh', { serverId: rig.serverId });

    const { keys } = await rig.call('keys:list', { serverId: rig.serverId });
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.find((k) => k.clusterId)?.clusterName).toContain('\ufffd');
    for (const key of keys) {
      expect(key.description).toContain('\ufffd');
      for (const text of [key.name, key.description, key.clusterName ?? '', ...key.labels]) {
        expect(hostile(text)).toBe(false);
      }
    }

    const { servers } = await rig.call('servers:list', {});
    const server = servers[0];
    expect(server?.version).toContain('\ufffd');
    const user = server?.signIn.user;
    for (const text of [server?.name, server?.version, user?.displayName, user?.username]) {
      expect(hostile(text ?? '')).toBe(false);
    }

    refuse = true;
    const error = await rig.fail('servers:clusters', { serverId: rig.serverId });
    expect(error.message).toContain('no \ufffdexe.txt');
    expect(hostile(error.message)).toBe(false);
  });
});
