import { mapPositions, type CoordinateSystem, type GridGeometry, type Position } from './geometry.js';

/*
 * GCJ-02 (国测局坐标), the offset coordinate system of Chinese web maps, and WGS-84 (GPS).
 * The forward transform is the published closed form (Krasovsky ellipsoid constants);
 * the inverse has no closed form and is found by fixed-point iteration. Outside China
 * GCJ-02 equals WGS-84. No installed package offers this, so it lives here, with tests
 * against the reference values of the widely used coordtransform library.
 */
const A = 6378245.0;
const EE = 0.006693421622965943;

function outOfChina(lng: number, lat: number): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function shiftLat(x: number, y: number): number {
  let ret = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  ret += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  ret += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return ret;
}

function shiftLng(x: number, y: number): number {
  let ret = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  ret += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  ret += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return ret;
}

export function wgs84ToGcj02([lng, lat]: Position): Position {
  if (outOfChina(lng, lat)) return [lng, lat];
  const radLat = (lat / 180) * Math.PI;
  const magic = 1 - EE * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (shiftLat(lng - 105, lat - 35) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (shiftLng(lng - 105, lat - 35) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lng + dLng, lat + dLat];
}

export function gcj02ToWgs84(target: Position): Position {
  let guess: Position = [target[0], target[1]];
  for (let step = 0; step < 20; step += 1) {
    const [lng, lat] = wgs84ToGcj02(guess);
    const dLng = lng - target[0];
    const dLat = lat - target[1];
    guess = [guess[0] - dLng, guess[1] - dLat];
    if (Math.abs(dLng) < 1e-10 && Math.abs(dLat) < 1e-10) break;
  }
  return guess;
}

export function convertPosition(position: Position, from: CoordinateSystem, to: CoordinateSystem): Position {
  if (from === to) return position;
  return to === 'GCJ02' ? wgs84ToGcj02(position) : gcj02ToWgs84(position);
}

export function convertGeometry(geometry: GridGeometry, from: CoordinateSystem, to: CoordinateSystem): GridGeometry {
  if (from === to) return geometry;
  return mapPositions(geometry, (position) => convertPosition(position, from, to));
}
