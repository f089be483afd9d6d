import { coordinateProblem, type Position } from './geometry.js';
import { gridRetired } from './grid-rules.js';
import { openingHoursProblems, type OpeningHours } from './opening-hours.js';
import { problem, type Problem } from '../../../kit/src/problems.js';
import { nameProblem } from './problems.js';
import { WORK_PHONE } from './staff-rules.js';
import { containsPoint, type Drawn } from './spatial.js';
import { isAudienceCode, isServiceCode } from './station-catalogue.js';

export const MAX_CODES = 20;

/** What a client may send about a station; on an update every field is optional. */
export interface StationFields {
  name?: string | null;
  operator?: string | null;
  address?: string | null;
  phone?: string | null;
  services?: readonly string[] | null;
  audiences?: readonly string[] | null;
  openingHours?: OpeningHours | null;
  location?: { lng: number; lat: number } | null;
}

function textProblem(value: string, max: number, code: string, field: string, label: string): Problem | null {
  const trimmed = value.trim();
  return !trimmed || trimmed.length > max ? problem(code, field, `${label}不能为空，且不超过 ${max} 个字符`) : null;
}

function codeListProblems(
  codes: readonly string[],
  field: string,
  known: (code: string) => boolean,
  labels: { required: string; unknown: string; missingCode: string; unknownCode: string },
): Problem[] {
  if (!codes.length || codes.length > MAX_CODES) return [problem(labels.missingCode, field, labels.required)];
  return codes.flatMap((code, index) =>
    known(code) ? [] : [problem(labels.unknownCode, `${field}.${index}`, `${labels.unknown}：${code}`)],
  );
}

/** What the fields of a station request say by themselves; absent fields are not checked. */
export function stationFieldProblems(fields: StationFields): Problem[] {
  const found: (Problem | null)[] = [];
  if (fields.name != null) found.push(nameProblem(fields.name));
  if (fields.operator != null)
    found.push(textProblem(fields.operator, 128, 'INVALID_OPERATOR', 'operator', '运营单位'));
  if (fields.address != null && fields.address.trim().length > 200)
    found.push(problem('INVALID_ADDRESS', 'address', '地址不超过 200 个字符'));
  if (fields.phone?.trim() && !WORK_PHONE.test(fields.phone.trim())) {
    found.push(problem('INVALID_PHONE', 'phone', '联系电话应为 11 位手机号或带区号的固定电话，如 028-12345678'));
  }
  if (fields.services != null) {
    found.push(
      ...codeListProblems(fields.services, 'services', isServiceCode, {
        required: `请选择 1 至 ${MAX_CODES} 项服务`,
        unknown: '未知的服务项目编码',
        missingCode: 'SERVICES_REQUIRED',
        unknownCode: 'UNKNOWN_SERVICE',
      }),
    );
  }
  if (fields.audiences != null) {
    found.push(
      ...codeListProblems(fields.audiences, 'audiences', isAudienceCode, {
        required: `请选择 1 至 ${MAX_CODES} 类服务对象`,
        unknown: '未知的服务对象编码',
        missingCode: 'AUDIENCES_REQUIRED',
        unknownCode: 'UNKNOWN_AUDIENCE',
      }),
    );
  }
  if (fields.openingHours != null) found.push(...openingHoursProblems(fields.openingHours));
  if (fields.location != null) found.push(coordinateProblem(fields.location.lng, fields.location.lat, 'location'));
  return found.filter((p): p is Problem => p !== null);
}

/** A station stands in an active grid, inside its boundary when one is drawn. */
export function stationPlacementProblems(
  grid: { status: string; drawn: Drawn | null },
  locationGcj02: Position | null,
): Problem[] {
  if (grid.status !== 'ACTIVE') return [gridRetired('gridId')];
  if (locationGcj02 && grid.drawn && !containsPoint(grid.drawn, locationGcj02)) {
    return [problem('LOCATION_OUTSIDE_GRID', 'location', '站点位置不在所属网格的边界之内')];
  }
  return [];
}

export function stationNotFound(): Problem {
  return problem('STATION_NOT_FOUND', 'id', '服务站点不存在或不在您的管辖范围内');
}

export function stationClosed(): Problem {
  return problem('STATION_CLOSED', 'id', '服务站点已关闭，不能再修改');
}

export function duplicateStationName(name: string): Problem {
  return problem('DUPLICATE_STATION_NAME', 'name', `该网格中已有名为“${name}”的在用服务站点`);
}

/** Codes in the order given, each once. */
export function distinctCodes(codes: readonly string[]): string[] {
  return [...new Set(codes.map((code) => code.trim()))];
}
