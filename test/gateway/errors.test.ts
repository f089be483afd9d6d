import { describe, expect, it } from 'vitest';
import { formatGatewayError, unavailableResponse } from '../../gateway/src/errors.js';

const MESSAGE = '志愿服务服务暂时不可用，这部分数据暂缺，请稍后重试';
const unavailable = (path?: (string | number)[]) => ({
  message: MESSAGE,
  ...(path ? { path } : {}),
  extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'volunteers' },
});

describe('what the gateway says when a subgraph cannot answer', () => {
  it('names each field of an entity fetch for each representation, through inline and named fragments', () => {
    const query = `query Overview__volunteers__2($representations: [_Any!]!) {
      _entities(representations: $representations) {
        __typename
        ... on Grid { activities(first: 3) { totalCount } recent: activities(first: 1) { totalCount } }
        ... on Person { ...PersonVolunteer }
      }
    }
    fragment PersonVolunteer on Person { volunteer { confirmedHours } }`;
    const response = unavailableResponse('volunteers', {
      query,
      variables: {
        representations: [
          { __typename: 'Grid', id: '1', code: '510116001001001' },
          { __typename: 'Person', id: '7' },
        ],
      },
    });
    expect(response).toEqual({
      data: null,
      errors: [
        unavailable(['_entities', 0, 'activities']),
        unavailable(['_entities', 0, 'recent']),
        unavailable(['_entities', 1, 'volunteer']),
      ],
    });
  });

  it('names the root fields of a root fetch', () => {
    const response = unavailableResponse('volunteers', {
      query: '{ activity(id: "1") { id } __typename rewards { id } }',
    });
    expect(response.errors).toEqual([unavailable(['activity']), unavailable(['rewards'])]);
  });

  it('still answers with one error when the operation cannot be read', () => {
    expect(unavailableResponse('volunteers', {}).errors).toEqual([unavailable()]);
  });

  it('passes SUBGRAPH_UNAVAILABLE to the client with its path and service, without logging it as unexpected', () => {
    let logged = 0;
    const formatted = formatGatewayError(
      {
        message: 'anything the subgraph layer wrote: http://10.0.0.3:4003/graphql ECONNREFUSED',
        path: ['gridByCode', 'activities'],
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'volunteers', serviceName: 'volunteers' },
      },
      () => {
        logged += 1;
      },
    );
    expect(formatted).toEqual(unavailable(['gridByCode', 'activities']));
    expect(logged).toBe(0);
  });

  it('masks a SUBGRAPH_UNAVAILABLE that names no service of ours', () => {
    let logged = 0;
    const formatted = formatGatewayError(
      { message: 'x', extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'http://10.0.0.3' } },
      () => {
        logged += 1;
      },
    );
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(logged).toBe(1);
  });
});
