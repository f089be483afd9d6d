/**
 * The catalogue of service stations: what they offer and whom they serve, as stable
 * codes with Chinese labels. Codes are what clients send and filter by; labels are what
 * people read. A new service is a line here, not a schema change.
 */
export interface LabelledCode {
  code: string;
  label: string;
}

export const STATION_SERVICES: readonly LabelledCode[] = [
  { code: 'REST', label: '临时休息' },
  { code: 'HOT_WATER', label: '热水供应' },
  { code: 'PHONE_CHARGING', label: '手机充电' },
  { code: 'MICROWAVE', label: '微波炉加热' },
  { code: 'TOILET', label: '如厕' },
  { code: 'READING', label: '免费阅读' },
  { code: 'COOLING_HEATING', label: '避暑取暖' },
  { code: 'FIRST_AID', label: '应急药箱' },
  { code: 'WIFI', label: '无线网络' },
  { code: 'REPAIR_TOOLS', label: '简易维修工具' },
  { code: 'UMBRELLA', label: '爱心雨伞' },
];

export const STATION_AUDIENCES: readonly LabelledCode[] = [
  { code: 'MICRO_GRID_WORKER', label: '微网格员' },
  { code: 'GRID_WORKER', label: '网格员' },
  { code: 'DELIVERY_RIDER', label: '外卖骑手' },
  { code: 'COURIER', label: '快递员' },
  { code: 'SANITATION_WORKER', label: '环卫工人' },
  { code: 'RIDE_HAILING_DRIVER', label: '网约车司机' },
  { code: 'NEW_EMPLOYMENT_WORKER', label: '新就业形态劳动者' },
  { code: 'OUTDOOR_WORKER', label: '其他户外劳动者' },
  { code: 'VOLUNTEER', label: '志愿者' },
  { code: 'RESIDENT', label: '居民' },
];

export const STATION_KINDS = [
  'TRADE_UNION_STATION',
  'PARTY_MASS_SERVICE_CENTRE',
  'MICRO_GRID_STATION',
  'PARTNER_MERCHANT',
  'PUBLIC_FACILITY',
  'OTHER',
] as const;
export type StationKind = (typeof STATION_KINDS)[number];

export const STATION_KIND_LABELS: Record<StationKind, string> = {
  TRADE_UNION_STATION: '工会职工驿站',
  PARTY_MASS_SERVICE_CENTRE: '党群服务中心',
  MICRO_GRID_STATION: '微网格员加油站',
  PARTNER_MERCHANT: '爱心商户',
  PUBLIC_FACILITY: '公共服务设施',
  OTHER: '其他',
};

const serviceLabels = new Map(STATION_SERVICES.map((entry) => [entry.code, entry.label]));
const audienceLabels = new Map(STATION_AUDIENCES.map((entry) => [entry.code, entry.label]));

export function isServiceCode(code: string): boolean {
  return serviceLabels.has(code);
}

export function isAudienceCode(code: string): boolean {
  return audienceLabels.has(code);
}

/** Stored codes with their labels; a code no longer in the catalogue keeps itself as its label. */
export function labelServices(codes: readonly string[]): LabelledCode[] {
  return codes.map((code) => ({ code, label: serviceLabels.get(code) ?? code }));
}

export function labelAudiences(codes: readonly string[]): LabelledCode[] {
  return codes.map((code) => ({ code, label: audienceLabels.get(code) ?? code }));
}
