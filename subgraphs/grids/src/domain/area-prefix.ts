/**
 * The code prefix of everything under an area. A city's code (510100) is not a prefix of
 * its districts' (510115): the city covers every code sharing its first four digits, a
 * province (510000) its first two. The kit holds the one rule.
 */
export { areaPrefix } from '../../../kit/src/area-code.js';
