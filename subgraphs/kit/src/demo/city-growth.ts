/**
 * How the demo city grows: by more communities of about the same size, not by denser
 * ones (DESIGN "Scale": a street of 156,000 residents has about 25 communities; Chengdu
 * has about 375 streets). The real communities of DESIGN.md fill first, 东升街道's (the
 * benchmark's, starting with 三义桥 510116001001) before the other real streets'; beyond
 * them the city gains generated demo streets of generated demo communities, their codes
 * in the valid range and flagged as demo codes, their names drawn from a seeded word list.
 */
import { base, Faker, zh_CN } from '@faker-js/faker';
import { demoAreas, type DemoArea } from './areas.js';

/** The benchmark's street: its communities are populated first. */
const FIRST_STREET = '510116001';
/** Communities in a generated street, as in a street of DESIGN's street scale. */
const COMMUNITIES_PER_STREET = 25;
/** Districts that receive generated streets, in turn: 双流区, then 温江区. */
const DISTRICTS = ['510116', '510115'];
/** Street codes take positions 7–9 in 001–099 here; community codes 10–12 in 001–199. */
const LAST_STREET_SEQUENCE = 99;

// Parts of plausible place names around Chengdu: 金堰, 桂湾, 龙坪; 锦兴街道, 清泰街道.
const NAME_HEADS = [
  '金',
  '锦',
  '华',
  '新',
  '永',
  '安',
  '兴',
  '福',
  '龙',
  '凤',
  '桂',
  '柳',
  '桐',
  '青',
  '云',
  '清',
  '泉',
  '玉',
  '瑞',
  '祥',
  '和',
  '康',
  '文',
  '星',
  '明',
  '桃',
  '梅',
  '竹',
  '松',
  '石',
  '光',
  '蓉',
  '万',
  '常',
  '望',
  '太',
  '长',
  '顺',
  '德',
  '白',
  '红',
  '黄',
  '东',
  '西',
  '南',
  '北',
  '中',
  '三',
];
const COMMUNITY_TAILS = [
  '苑',
  '园',
  '林',
  '湾',
  '桥',
  '坝',
  '堰',
  '溪',
  '塘',
  '岭',
  '山',
  '城',
  '庄',
  '院',
  '里',
  '港',
  '坪',
  '台',
  '门',
  '井',
  '亭',
  '店',
  '场',
  '沟',
  '河',
  '湖',
  '街',
  '桥村',
  '花园',
  '新村',
];
const STREET_TAILS = ['兴', '安', '宁', '和', '平', '顺', '丰', '盛', '源', '泰', '华', '阳', '江', '城', '新'];
/** Added to a name when every two-part name is taken. */
const QUARTERS = ['东', '西', '南', '北', '中'];

export interface GrownCity {
  /** The real areas of DESIGN.md (populated or not), then each generated street and its communities. */
  areas: DemoArea[];
  /** The communities that get residents, in the order of `areas`. */
  populated: DemoArea[];
}

/** The areas of a city whose residents live in `count` communities. */
export function growCity(count: number, seed: number): GrownCity {
  if (!Number.isInteger(count) || count < 1) throw new Error('a city needs at least one populated community');
  const real = demoAreas();
  const realCommunities = real.filter((area) => area.level === 'COMMUNITY');
  const byPriority = [
    ...realCommunities.filter((area) => area.parentCode === FIRST_STREET),
    ...realCommunities.filter((area) => area.parentCode !== FIRST_STREET).sort((a, b) => a.code.localeCompare(b.code)),
  ];
  const chosen = new Set(byPriority.slice(0, count).map((area) => area.code));
  const generated = generatedStreets(count - chosen.size, real, seed);
  return {
    areas: [...real, ...generated],
    populated: [
      ...realCommunities.filter((area) => chosen.has(area.code)),
      ...generated.filter((area) => area.level === 'COMMUNITY'),
    ],
  };
}

/** Demo streets with `count` demo communities in all, in unused street codes. */
function generatedStreets(count: number, real: DemoArea[], seed: number): DemoArea[] {
  if (count <= 0) return [];
  const taken = new Set(real.map((area) => area.code));
  const codes = DISTRICTS.flatMap((district) =>
    Array.from(
      { length: LAST_STREET_SEQUENCE },
      (_, index) => `${district}${String(index + 1).padStart(3, '0')}`,
    ).filter((code) => !taken.has(code)),
  );
  if (count > codes.length * COMMUNITIES_PER_STREET)
    throw new Error(
      `the demo city has room for ${codes.length * COMMUNITIES_PER_STREET} generated communities, not ${count}`,
    );
  const faker = new Faker({ locale: [zh_CN, base], seed: seed + 11 });
  const names = new Set(real.map((area) => area.name));
  const communityNames = unusedNames(shuffledNames(faker, COMMUNITY_TAILS), names);
  const streetNames = unusedNames(shuffledNames(faker, STREET_TAILS), names);
  const areas: DemoArea[] = [];
  const demo = (code: string, name: string, level: DemoArea['level'], parentCode: string): DemoArea => ({
    code,
    name,
    level,
    parentCode,
    administeredBy: null,
    isDemoCode: true,
  });
  for (let left = count, street = 0; left > 0; street += 1) {
    const code = codes[street] as string;
    areas.push(demo(code, `${streetNames.next().value}街道`, 'STREET', code.slice(0, 6)));
    for (let sequence = 1; sequence <= Math.min(COMMUNITIES_PER_STREET, left); sequence += 1) {
      areas.push(
        demo(`${code}${String(sequence).padStart(3, '0')}`, `${communityNames.next().value}社区`, 'COMMUNITY', code),
      );
    }
    left -= COMMUNITIES_PER_STREET;
  }
  return areas;
}

/** Every head + tail name, in a seeded order. */
function shuffledNames(faker: Faker, tails: string[]): string[] {
  return faker.helpers.shuffle(NAME_HEADS.flatMap((head) => tails.map((tail) => `${head}${tail}`)));
}

/** Names from a pool, each once, skipping those in use; after the pool, the same names with a quarter (东, 西…) after them. */
function* unusedNames(pool: string[], used: Set<string>): Generator<string, never> {
  for (const suffix of ['', ...QUARTERS]) {
    for (const name of pool) {
      const candidate = `${name}${suffix}`;
      if (used.has(candidate) || used.has(`${candidate}社区`) || used.has(`${candidate}街道`)) continue;
      used.add(candidate);
      yield candidate;
    }
  }
  throw new Error('the demo name list is exhausted');
}
