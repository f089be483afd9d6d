import { describe, expect, it } from 'vitest';
import {
  ancestorCodes,
  areaPrefix,
  gridAreaPrefix,
  isAreaCode,
  parseAreaCodeArgument,
  parseExactAreaCode,
  parseScope,
} from '../../subgraphs/kit/src/area-code.js';
import { decodeCursor, encodeCursor } from '../../subgraphs/kit/src/connection.js';
import { narrowScope } from '../../subgraphs/kit/src/scope.js';

const viewer = (scopes: string[]) => ({
  subject: 's',
  roles: ['STREET_ADMIN' as const],
  scopes,
  permissions: new Set<string>(),
});

describe('area codes and scope', () => {
  it('accepts codes of the five lengths and nothing else', () => {
    expect(['510116', '510116001', '510116001011', '510116001011001', '510116001011001002'].every(isAreaCode)).toBe(
      true,
    );
    expect(['51011', '5101160011', '51011600101A', ''].some(isAreaCode)).toBe(false);
  });

  it('puts a community total grid over its whole community', () => {
    expect(gridAreaPrefix('510116001011000')).toBe('510116001011');
    expect(gridAreaPrefix('510116001011001')).toBe('510116001011001');
    expect(gridAreaPrefix('510116001011000001')).toBe('510116001011000001');
  });

  it('lists the path above a code up to the city', () => {
    expect(ancestorCodes('510116001011')).toEqual(['510100', '510116', '510116001']);
    expect(ancestorCodes('510116001011001002')).toEqual([
      '510100',
      '510116',
      '510116001',
      '510116001011',
      '510116001011001',
    ]);
  });

  it('narrows a requested area to what the viewer may see', () => {
    expect(narrowScope(viewer(['510116001']), '510116001011').scopes).toEqual(['510116001011']);
    expect(narrowScope(viewer(['510116001011', '510115002']), '510116').scopes).toEqual(['510116001011']);
    expect(narrowScope(viewer(['510116001011']), '510115').scopes).toEqual([]);
  });

  it('reads a padded city or province code as its prefix, and leaves every other code alone', () => {
    expect(areaPrefix('510100')).toBe('5101');
    expect(areaPrefix('510000')).toBe('51');
    expect(areaPrefix('510116')).toBe('510116');
    expect(areaPrefix('510116001')).toBe('510116001');
    // A street code ending in 00 is a street, not a city.
    expect(areaPrefix('510116100')).toBe('510116100');
    expect(areaPrefix('510116001011000')).toBe('510116001011000');
    expect(areaPrefix(areaPrefix('510100'))).toBe('5101');
    expect(areaPrefix(areaPrefix('510000'))).toBe('51');
  });

  it('takes a scope of 2, 4, 6, 9, 12, 15 or 18 digits, normalised, and nothing else', () => {
    expect(
      ['51', '5101', '510116', '510116001', '510116001011', '510116001011001', '510116001011001002'].map(parseScope),
    ).toEqual(['51', '5101', '510116', '510116001', '510116001011', '510116001011001', '510116001011001002']);
    expect(parseScope('510100')).toBe('5101');
    expect(parseScope('510000')).toBe('51');
    expect(
      ['5101160', '5', '511', '51011', '5101160011', '51011600101A', 'abcdef', '', ' 510116', '5101%', '51_1'].map(
        parseScope,
      ),
    ).toEqual(Array(11).fill(null));
  });

  it('turns a city or province area argument into its prefix, but looks an area row up by its own code', () => {
    expect(parseAreaCodeArgument('areaCode', '510100')).toBe('5101');
    expect(parseAreaCodeArgument('areaCode', '510000')).toBe('51');
    expect(parseAreaCodeArgument('areaCode', '510116001')).toBe('510116001');
    expect(parseAreaCodeArgument('areaCode', null)).toBeNull();
    expect(parseExactAreaCode('code', '510100')).toBe('510100');
    for (const parse of [parseAreaCodeArgument, parseExactAreaCode]) {
      expect(() => parse('areaCode', '5101160')).toThrow(/areaCode 必须是/);
      expect(() => parse('areaCode', '5101')).toThrow(/areaCode 必须是/);
    }
  });

  it('narrows a city or province request by its prefix', () => {
    expect(narrowScope(viewer(['510116001']), '510100').scopes).toEqual(['510116001']);
    expect(narrowScope(viewer(['5101']), '510100').scopes).toEqual(['5101']);
    expect(narrowScope(viewer(['51']), '510100').scopes).toEqual(['5101']);
    expect(narrowScope(viewer(['5101']), '510000').scopes).toEqual(['5101']);
    expect(narrowScope(viewer(['5101']), '510116').scopes).toEqual(['510116']);
    expect(narrowScope(viewer(['5102']), '510100').scopes).toEqual([]);
  });

  it('round-trips cursors and refuses forged ones', () => {
    expect(decodeCursor(encodeCursor('510116001', 'abc'))).toEqual(['510116001', 'abc']);
    expect(() => decodeCursor(Buffer.from('{"x":1}').toString('base64url'))).toThrow(/游标/);
  });
});
