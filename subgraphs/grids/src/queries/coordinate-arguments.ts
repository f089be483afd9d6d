import { badUserInput } from '../../../kit/src/errors.js';

/** A longitude or latitude argument out of range is BAD_USER_INPUT naming the argument. */
export function checkCoordinateArguments(lng: number, lat: number): void {
  for (const [argument, value, limit] of [
    ['lng', lng, 180],
    ['lat', lat, 90],
  ] as const) {
    if (!Number.isFinite(value) || Math.abs(value) > limit) {
      throw badUserInput(`${argument} 超出范围：经度应在 -180 至 180 之间，纬度应在 -90 至 90 之间`, argument);
    }
  }
}
