/**
 * The real areas of DESIGN.md. Codes marked `demo` are not on the official list: they
 * are generated in the valid range (positions 10–12: 001–199) and flagged as such.
 */
export interface DemoArea {
  code: string;
  name: string;
  level: 'CITY' | 'DISTRICT' | 'STREET' | 'COMMUNITY';
  parentCode: string | null;
  administeredBy: string | null;
  isDemoCode: boolean;
}

const DONGSHENG_KNOWN: Record<string, string> = {
  '510116001011': '花园社区',
  '510116001015': '接待寺社区',
};
const DONGSHENG_NAMED = ['三义桥社区', '紫东阁社区', '双桂社区', '龙桥社区'];
const DONGSHENG_OTHERS = [
  '白河社区',
  '棠湖社区',
  '长顺社区',
  '藏卫社区',
  '涧槽社区',
  '清泰社区',
  '星空社区',
  '航都社区',
  '迎春桥社区',
  '三强社区',
  '银河社区',
  '广都社区',
  '北站社区',
  '东方社区',
  '锦华社区',
  '怡心社区',
  '瑞华社区',
];

function communities(streetCode: string, names: string[], known: Record<string, string> = {}): DemoArea[] {
  const result: DemoArea[] = Object.entries(known).map(([code, name]) => ({
    code,
    name,
    level: 'COMMUNITY',
    parentCode: streetCode,
    administeredBy: null,
    isDemoCode: false,
  }));
  const taken = new Set(Object.keys(known));
  let sequence = 1;
  for (const name of names) {
    let code = `${streetCode}${String(sequence).padStart(3, '0')}`;
    while (taken.has(code)) code = `${streetCode}${String(++sequence).padStart(3, '0')}`;
    taken.add(code);
    result.push({ code, name, level: 'COMMUNITY', parentCode: streetCode, administeredBy: null, isDemoCode: true });
    sequence += 1;
  }
  return result.sort((a, b) => a.code.localeCompare(b.code));
}

export function demoAreas(): DemoArea[] {
  const area = (
    code: string,
    name: string,
    level: DemoArea['level'],
    parentCode: string | null,
    administeredBy: string | null = null,
  ): DemoArea => ({
    code,
    name,
    level,
    parentCode,
    administeredBy,
    isDemoCode: false,
  });
  return [
    area('510100', '成都市', 'CITY', null),
    area('510115', '温江区', 'DISTRICT', '510100'),
    area('510116', '双流区', 'DISTRICT', '510100'),
    area('510115001', '柳城街道', 'STREET', '510115'),
    area('510115002', '公平街道', 'STREET', '510115'),
    area('510116001', '东升街道', 'STREET', '510116'),
    // 中和街道 is administered by 高新区, a management zone with no statistical code.
    area('510116004', '中和街道', 'STREET', '510116', '高新区'),
    ...communities('510115001', ['大学城社区', '东街社区', '凤溪大道社区', '恒大城社区', '南街社区', '光华社区']),
    ...communities('510115002', ['公平社区', '惠民社区', '涌泉社区', '岷江社区', '万盛社区']),
    ...communities('510116001', [...DONGSHENG_NAMED, ...DONGSHENG_OTHERS], DONGSHENG_KNOWN),
    ...communities('510116004', ['府河社区', '姐儿堰社区', '化龙社区']),
  ];
}
