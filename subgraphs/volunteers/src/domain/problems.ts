import { problem as kitProblem, type Problem as KitProblem } from '../../../kit/src/problems.js';

/**
 * Every expected failure of the volunteer domain: a stable code and the message people
 * read (Chinese). `{name}` placeholders take values from the call. docs/volunteers.md lists
 * the same table for client developers.
 */
export const PROBLEMS = {
  // who acts
  NOT_A_VOLUNTEER: '当前账号未关联志愿者身份，请先注册为志愿者',
  VOLUNTEER_NOT_FOUND: '志愿者不存在或不在您的管辖范围内',
  NOT_OWNER: '只能办理本人的事项，或由所在社区工作人员代办',
  OUT_OF_SCOPE: '不在您的管辖范围内',
  NOT_ORGANIZER: '您不是该活动的组织者，不能办理此项',
  REASON_REQUIRED: '请填写原因（2 至 200 个字）',
  // volunteers and teams
  PERSON_NOT_FOUND: '居民不存在或不在您的查看范围内',
  ALREADY_REGISTERED: '该居民已注册为志愿者',
  INVALID_SKILLS: '技能最多 10 项，每项 1 至 16 个字',
  INVALID_AVAILABILITY: '可服务时间格式不正确：星期为 1–7，时间为 HH:MM，结束须晚于开始，最多 21 段',
  INVALID_TEAM_NAME: '队伍名称应为 2 至 32 个字',
  INVALID_AREA_CODE: '请填写 9 位街道编码或 12 位社区编码',
  TEAM_NOT_FOUND: '队伍不存在或不在您的查看范围内',
  TEAM_NOT_SERVING_AREA: '该志愿者不住在这支队伍服务的区域',
  ALREADY_MEMBER: '已是该队伍的成员',
  NOT_MEMBER: '不是该队伍的现任成员',
  LEADER_BY_WORKER_ONLY: '只有社区工作人员可以任命队长',
  // activities
  ACTIVITY_NOT_FOUND: '活动不存在或不在您的查看范围内',
  GRID_NOT_FOUND: '网格不存在、已撤销或不在您的查看范围内',
  INVALID_TITLE: '活动标题应为 2 至 64 个字',
  UNKNOWN_CATEGORY: '未知的活动类别：{category}',
  INVALID_PLACE: '请填写活动地点（2 至 128 个字）',
  INVALID_DESCRIPTION: '活动说明不能超过 512 个字',
  INVALID_CAPACITY: '招募人数应为 1 至 500 的整数',
  INVALID_TIME_WINDOW: '结束时间须晚于开始时间，且一次活动不超过 24 小时',
  STARTS_IN_PAST: '活动开始时间已过',
  TEAM_NOT_SERVING_GRID: '该队伍不服务这个网格',
  INVALID_TRANSITION: '活动当前为“{status}”，不能{action}',
  // enrolment
  ALREADY_ENROLLED: '已报名该活动，请勿重复报名',
  ACTIVITY_FULL: '活动名额已满',
  ACTIVITY_CANCELLED: '活动已取消',
  ACTIVITY_FINISHED: '活动已结束',
  ACTIVITY_NOT_OPEN: '活动尚未发布，暂不能报名',
  ENROLMENT_CLOSED: '活动已开始，报名已截止',
  ENROLMENT_NOT_FOUND: '报名记录不存在或不在您的查看范围内',
  ENROLMENT_CANCELLED: '该报名已取消',
  CANCEL_CLOSED: '活动已开始或已签到，不能取消报名',
  // attendance
  ACTIVITY_NOT_ONGOING: '活动不在进行中，不能签到或签退',
  ALREADY_CHECKED_IN: '已签到，请勿重复签到',
  CHECK_IN_REQUIRED: '尚未签到，不能签退',
  ALREADY_CHECKED_OUT: '已签退',
  CHECK_OUT_BEFORE_CHECK_IN: '签退时间不能早于签到时间',
  CHECK_IN_AFTER_END: '签到时间晚于活动结束时间',
  TIME_IN_FUTURE: '时间不能晚于当前时间',
  TIME_SET_BY_ORGANIZER: '只有组织者可以补录签到、签退时间',
  // records and corrections
  RECORD_NOT_FOUND: '服务记录不存在或不在您的查看范围内',
  RECORD_ALREADY_CONFIRMED: '该服务记录已确认',
  ACTIVITY_NOT_FINISHED: '活动结束后才能确认服务时长',
  INVALID_HOURS: '服务时长应为不小于 0 的数',
  HOURS_EXCEED_WINDOW: '服务时长不能超过活动时段（{hours} 小时）',
  RECORD_NOT_CONFIRMED: '服务记录确认后才能申请更正',
  CORRECTION_ALREADY_PENDING: '该记录已有待处理的更正申请',
  CORRECTION_UNCHANGED: '申请的时长与现有时长相同',
  CORRECTION_NOT_FOUND: '更正申请不存在或不在您的查看范围内',
  CORRECTION_ALREADY_DECIDED: '该更正申请已处理',
  POINTS_ALREADY_SPENT: '该记录的积分已被兑换使用，不能下调时长；请先取消相关兑换',
  // points
  INSUFFICIENT_POINTS: '积分不足：需要 {needed} 分，当前余额 {balance} 分',
  INVALID_POINTS: '积分调整应为非零整数，单次不超过 100000',
  INVALID_CATEGORY: '类别名称应为 2 至 16 个字',
  INVALID_RATE: '每小时积分应为 0 至 1000 的整数',
  // rewards and redemptions
  REWARD_NOT_FOUND: '奖品不存在或不在您的查看范围内',
  INVALID_REWARD_NAME: '奖品名称应为 2 至 32 个字',
  INVALID_POINTS_COST: '兑换积分应为 1 至 100000 的整数',
  INVALID_STOCK: '库存应为 0 至 100000 的整数',
  REWARD_INACTIVE: '该奖品已下架',
  REWARD_NOT_OFFERED: '该奖品不面向该志愿者所在的社区',
  OUT_OF_STOCK: '库存不足：剩余 {stock} 件',
  INVALID_QUANTITY: '数量应为 1 至 99 的整数',
  INVALID_IDEMPOTENCY_KEY: '幂等键应为 8 至 64 位字母、数字、- 或 _',
  IDEMPOTENCY_KEY_REUSED: '该幂等键已用于另一笔兑换，请使用新的幂等键',
  REDEMPTION_NOT_FOUND: '兑换记录不存在或不在您的查看范围内',
  REDEMPTION_NOT_PENDING: '该兑换已领取或已取消',
  // 家园共筑 projects
  INVALID_COMMUNITY_CODE: '请填写 12 位社区编码',
  INVALID_PROJECT_TITLE: '项目名称应为 2 至 64 个字',
  INVALID_PLAN: '项目方案应为 10 至 2000 个字',
  INVALID_BUDGET: '预算应为 0 至 1000 万元之间、以分计的整数',
  INVALID_NEEDED_VOLUNTEERS: '所需志愿者人数应为 1 至 500 的整数',
  NOT_RESIDENT_OF_COMMUNITY: '只能提议或认领本人所在社区的项目',
  NOT_TEAM_LEADER: '只有该队伍的队长或社区工作人员可以代表队伍认领',
  PROJECT_NOT_FOUND: '项目不存在或不在您的查看范围内',
  INVALID_PROJECT_TRANSITION: '项目当前为“{status}”，不能{action}',
  NOT_PROJECT_MANAGER: '只有项目所在社区的工作人员可以办理此项',
  NOT_PROJECT_CLAIMANT: '只有认领方或社区工作人员可以办理此项',
  TEAM_NOT_SERVING_PROJECT: '该队伍不服务项目所在社区',
  PROJECT_NOT_ACCEPTING_ACTIVITIES: '项目认领后、结项前才能安排活动',
  PROJECT_NOT_IN_GRID_AREA: '活动网格不在项目所在社区',
  PROJECT_ACTIVITIES_OPEN: '项目还有未结束的活动（{count} 项），请结束或取消后再结项',
  INVALID_RESULT: '请填写项目成果（2 至 1000 个字）',
  // 安全爱心包 drives
  INVALID_DRIVE_TITLE: '活动名称应为 2 至 64 个字',
  INVALID_TARGET_TAG: '请填写对象标签代码，如 EMPTY_NEST_ELDER',
  INVALID_DRIVE_ITEMS: '物资应为 1 至 10 种且名称不重复，每种名称 1 至 32 个字，每包 1 至 99 件，库存 0 至 100000',
  NOT_DRIVE_MANAGER: '只有所在社区的工作人员可以办理此项',
  NO_TARGETS: '该社区没有带此标签的居民，或标签代码有误',
  DRIVE_NOT_FOUND: '爱心包活动不存在或不在您的查看范围内',
  DRIVE_CLOSED: '该爱心包活动已结束',
  NOT_A_TARGET: '该居民不在本次爱心包的发放对象中',
  ALREADY_DELIVERED: '该居民已领取过本次爱心包，不能重复发放',
  PACKAGES_OUT_OF_STOCK: '物资不足：“{item}”剩余 {stock} 件，每包需 {perPackage} 件',
  INVALID_NOTE: '备注不能超过 200 个字',
  DELIVERY_NOT_FOUND: '发放记录不存在或不在您的查看范围内',
  NOT_RECIPIENT: '只能由领取人本人确认',
  DELIVERY_NOT_DELIVERED: '该次走访未发放爱心包，无需确认',
  DELIVERY_ALREADY_CONFIRMED: '已确认收到',
  INVALID_RESTOCK_ITEMS: '补充物资应为 1 至 10 项，每项填写物资 ID 或名称之一，同一物资只能填写一次',
  INVALID_RESTOCK_QUANTITY: '补充数量应为 1 至 100000 的整数',
  UNKNOWN_DRIVE_ITEM: '本次爱心包没有物资“{item}”',
  DRIVE_STOCK_LIMIT: '“{item}”补充后库存将超过上限 {limit} 件',
  DRIVE_ALREADY_CLOSED: '该爱心包活动已结束，不能重复结束',
} as const;

export type ProblemCode = keyof typeof PROBLEMS;

/**
 * One thing wrong with a request, with the input field it concerns: the kit's shape. Domain
 * checks return it as is, so the kit's `orRefuse` and `refuseIf` take their results.
 */
export type Problem = KitProblem;

/** A problem of this domain, its message filled in from `values` ({name} placeholders). */
export function problem(
  code: ProblemCode,
  field: string | null = null,
  values: Record<string, string | number> = {},
): KitProblem<ProblemCode> {
  const message = PROBLEMS[code].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
  return kitProblem(code, field, message);
}
