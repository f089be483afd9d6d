import { problem, refuse, refuseIf, type Payload } from '../../../kit/src/problems.js';
import { inScope } from '../../../kit/src/scope.js';
import type { Context } from '../context.js';
import { areaPlacementProblems, areaRequestProblems, type AreaRequest } from '../domain/area-codes.js';
import { outOfScope } from '../domain/problems.js';
import { Area, type AreaEntity } from '../entities/area.js';
import { mutate } from './mutate.js';

/** Adds a district, street or community whose code extends its parent's, inside the viewer's scope. */
export function createArea(context: Context, request: AreaRequest): Promise<Payload<'area', AreaEntity>> {
  const code = request.code.trim();
  return mutate(
    context,
    'area',
    async (manager) => {
      refuseIf(areaRequestProblems({ ...request, code }));
      if (!inScope(context.viewer, code)) refuse([outOfScope('code')]);
      const parent = await manager.findOneBy(Area, { code: request.parentCode });
      refuseIf(areaPlacementProblems({ ...request, code }, parent, await manager.existsBy(Area, { code })));
      const area: AreaEntity = {
        code,
        name: request.name.trim(),
        level: request.level,
        parentCode: request.parentCode,
        administeredBy: request.administeredBy?.trim() || null,
        isDemoCode: false,
      };
      await manager.insert(Area, area);
      context.loaders.areasByParent.clear(request.parentCode);
      return area;
    },
    () => problem('DUPLICATE_CODE', 'code', `编码 ${code} 已被使用`),
  );
}
