import { describe, expect, it } from 'vitest';
import { headerOf, IMPORT_COLUMNS, mapHeaders } from '../../scripts/people/header-mapping.js';

describe('spreadsheet headers', () => {
  it('maps the headers street offices use, whatever their spacing or required-marks', () => {
    const mapped = mapHeaders([
      '序号',
      '*姓名',
      ' 公民身份号码 ',
      '性 别',
      '手机号码',
      '户籍类型',
      '所属网格编码',
      '特殊人群',
      '从业类型',
      '备注',
    ]);
    expect([...mapped.columns.entries()]).toEqual([
      [1, 'name'],
      [2, 'idNumber'],
      [3, 'gender'],
      [4, 'phone'],
      [5, 'residencyType'],
      [6, 'gridCode'],
      [7, 'tags'],
      [8, 'occupation'],
    ]);
    expect(mapped.ignored).toEqual(['序号', '备注']);
    expect(mapped.missing).toEqual([]);
  });

  it('names the required columns a file lacks, and keeps the first of two columns for one field', () => {
    expect(mapHeaders(['电话', '住址']).missing).toEqual(['姓名', '身份证号']);
    expect(mapHeaders(['姓名', '身份证号', '证件号码']).ignored).toEqual(['证件号码']);
  });

  it('gives every field one header to show in reports, and no header to two fields', () => {
    expect(headerOf('idNumber')).toBe('身份证号');
    const headers = IMPORT_COLUMNS.flatMap((column) => column.headers);
    expect(new Set(headers).size).toBe(headers.length);
  });
});
