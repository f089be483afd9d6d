/** Occupations of 新就业形态劳动者 (workers in new forms of employment), with their labels. */
export const OCCUPATION_LABELS = {
  DELIVERY_RIDER: '外卖骑手',
  COURIER: '快递员',
  RIDE_HAILING_DRIVER: '网约车司机',
  FREIGHT_DRIVER: '网络货运司机',
  DESIGNATED_DRIVER: '代驾司机',
  LIVE_STREAMER: '网络主播',
  HOUSEKEEPER: '家政服务员',
  OTHER: '其他',
} as const;

export type OccupationCode = keyof typeof OCCUPATION_LABELS;

export function isOccupation(code: string): code is OccupationCode {
  return code in OCCUPATION_LABELS;
}
