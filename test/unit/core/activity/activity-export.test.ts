import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../../../electron/contract/activity';
import {
  csvCell,
  exportFileName,
  toCsv,
  toJson,
} from '../../../../electron/core/activity/activity-export';

const entry: ActivityEntry = {
  seq: 0,
  at: '2026-01-10T00:00:00.000Z',
  serverId: 'srv-1',
  serverName: '=HYPERLINK("http://evil")',
  keyId: 'token-abc12',
  action: 'copy',
  outcome: 'ok',
  errorCode: null,
  detail: 'format bearer',
};

describe('activity export', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('token-abc12')).toBe('token-abc12');
  });

  it('quotes cells with commas, quotes or line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
  });

  it('writes a header and one row per entry, with the formula cell neutralised and quoted', () => {
    const csv = toCsv([entry]);
    expect(csv.split('\r\n')).toEqual([
      'at,serverId,serverName,keyId,action,outcome,errorCode,detail',
      `2026-01-10T00:00:00.000Z,srv-1,"'=HYPERLINK(""http://evil"")",token-abc12,copy,ok,,format bearer`,
      '',
    ]);
  });

  it('writes JSON that reads back as the same entries', () => {
    expect(JSON.parse(toJson([entry, { ...entry, seq: 1 }]))).toEqual([
      entry,
      { ...entry, seq: 1 },
    ]);
    expect(exportFileName('csv', Date.UTC(2026, 10, 30))).toBe(
      'rancher-keys-activity-2026-11-30.csv',
    );
  });
});
