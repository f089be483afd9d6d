import { describe, expect, it } from 'vitest';
import { ancestorCodes, gridAreaPrefix, isAreaCode } from '../../subgraphs/kit/src/area-code.js';
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

  it('round-trips cursors and refuses forged ones', () => {
    expect(decodeCursor(encodeCursor('510116001', 'abc'))).toEqual(['510116001', 'abc']);
    expect(() => decodeCursor(Buffer.from('{"x":1}').toString('base64url'))).toThrow(/游标/);
  });
});
