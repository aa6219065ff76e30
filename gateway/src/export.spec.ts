import { BOM, csvCell, csvChunks, flatten, rowsAt } from './export';

const csv = (rows: unknown[]) => [...csvChunks(rows)].join('');

describe('CSV export', () => {
  it('quotes a cell as RFC 4180 says: quotes doubled, commas and line breaks inside quotes', () => {
    expect(csvCell('海州区')).toBe('海州区');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\r\nbreak')).toBe('"line\r\nbreak"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(-1.5)).toBe('-1.5');
  });

  it('writes text a spreadsheet would run as a formula as text', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('also after leading whitespace and in full-width forms (issue 11, observation 6)', () => {
    for (const text of [' =1+1', '\u3000+1', '\n-1', '＝1+1', '＋1', '－1', '＠SUM(A1)', '  ＝1'])
      expect(csvCell(text).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('海州区 -1')).toBe('海州区 -1');
    expect(csvCell(-1)).toBe('-1');
  });

  it('flattens nested objects to dotted names', () => {
    expect(flatten({ county: { code: '320706', name: '海州区' }, count: 3 })).toEqual({
      'county.code': '320706',
      'county.name': '海州区',
      count: 3,
    });
  });

  it('starts with the BOM and the header, keeps an object’s columns together when a row has null', () => {
    const text = csv([
      { county: null, year: 2025, count: 1 },
      { county: { code: '320706', name: '海州区' }, year: 2025, count: 2 },
    ]);
    expect(text).toBe(
      `${BOM}county.code,county.name,year,count\r\n,,2025,1\r\n320706,海州区,2025,2\r\n`,
    );
  });

  it('finds the rows at a path, or the first list', () => {
    const data = { report: { totalGroups: 2, rows: [{ a: 1 }, { a: 2 }] } };
    expect(rowsAt(data, 'report.rows')).toHaveLength(2);
    expect(rowsAt(data, undefined)).toHaveLength(2);
    expect(rowsAt(data, 'report.totalGroups')).toBeNull();
    expect(rowsAt(data, 'nowhere.rows')).toBeNull();
  });
});
