import type { Problem } from '../../../kit/src/problems.js';

/** The kit's problem (code, message in Chinese, input field); the events subgraph keeps only its own codes. */
export type { Problem };

/** The problems several events actions share; each action's own ones sit beside its check. */
export const EVENT_NOT_FOUND: Problem = {
  code: 'EVENT_NOT_FOUND',
  message: '事件不存在或不在您的管辖范围内',
  field: 'eventId',
};
export const VERSION_CONFLICT: Problem = {
  code: 'VERSION_CONFLICT',
  message: '事件已被他人更新，请刷新后重试',
  field: 'expectedVersion',
};
export const GRID_NOT_FOUND: Problem = {
  code: 'GRID_NOT_FOUND',
  message: '网格不存在、已撤销或不在您的管辖范围内',
  field: 'gridId',
};
export const BUILDING_NOT_FOUND: Problem = {
  code: 'BUILDING_NOT_FOUND',
  message: '楼栋不存在或不在所选网格内',
  field: 'buildingId',
};
export const REPORTER_NOT_FOUND: Problem = {
  code: 'PERSON_NOT_FOUND',
  message: '上报人不存在或不在您的查看范围内',
  field: 'reporterId',
};
export const TOPIC_NOT_FOUND: Problem = {
  code: 'TOPIC_NOT_FOUND',
  message: '议题不存在或不在您的查看范围内',
  field: 'topicId',
};
export const TOPIC_OUT_OF_SCOPE: Problem = {
  code: 'OUT_OF_SCOPE',
  message: '议题所属网格不在您的管辖范围内',
  field: 'topicId',
};
export const ALREADY_VOTED: Problem = {
  code: 'ALREADY_VOTED',
  message: '您已对该议题投过票，每位居民只能投票一次',
  field: 'topicId',
};
