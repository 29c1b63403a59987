import { describe, expect, it } from 'vitest';
import { buildPaletteIndex, searchPalette } from '../../../renderer/src/palette/palette-index';
import { keyView } from '../../support/key-view';

const index = buildPaletteIndex([
  {
    serverId: 's1',
    serverName: 'Prod EU',
    keys: [
      keyView('token-aaaaa', { description: 'ci pipeline', labels: ['team-a'] }),
      keyView('token-bbbbb', {
        description: 'kubectl',
        clusterId: 'c-m-4x7kq2lb',
        clusterName: 'prod-eu',
        hasSecret: false,
      }),
    ],
  },
  {
    serverId: 's2',
    serverName: 'Staging',
    keys: [keyView('token-ccccc', { description: 'ci pipeline' })],
  },
]);
const found = (query: string, limit?: number) =>
  searchPalette(index, query, limit).map((e) => `${e.serverId}/${e.key.id}`);

describe('quick-copy palette search', () => {
  it('finds keys on every server by description, label, cluster name or server name', () => {
    expect(found('ci pipeline')).toEqual(['s1/token-aaaaa', 's2/token-ccccc']);
    expect(found('TEAM-A')).toEqual(['s1/token-aaaaa']);
    expect(found('prod-eu kubectl')).toEqual(['s1/token-bbbbb']);
    expect(found('staging ci')).toEqual(['s2/token-ccccc']);
    expect(found('token-bbb')).toEqual(['s1/token-bbbbb']);
    expect(found('nothing like this')).toEqual([]);
  });

  it('lists copyable keys first and stops at the limit', () => {
    expect(found('')).toEqual(['s1/token-aaaaa', 's2/token-ccccc', 's1/token-bbbbb']);
    expect(found('', 2)).toHaveLength(2);
  });
});
