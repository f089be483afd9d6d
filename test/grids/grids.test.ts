import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoWorld } from '../../subgraphs/kit/src/demo/world.js';
import { gridsSubgraph } from '../../subgraphs/grids/src/module.js';
import { graphql, tokenFor } from '../support/graphql.js';
import { startTestSubgraph, type TestSubgraph } from '../support/subgraph.js';
import { demoWorld } from '../support/world.js';

let world: DemoWorld;
let grids: TestSubgraph;
let streetAdmin: string;

beforeAll(async () => {
  world = demoWorld();
  grids = await startTestSubgraph(gridsSubgraph);
  streetAdmin = await tokenFor('STREET_ADMIN', ['510116001']);
});
afterAll(() => grids?.stop());

describe('grids subgraph', () => {
  it('answers health only while its database answers', async () => {
    const response = await fetch(grids.url.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ service: 'grids', status: 'ready' });
  });

  it('refuses a request without a token and returns no data', async () => {
    const response = await graphql(grids.url, '{ area(code: "510116001") { name } }');
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed with another secret', async () => {
    const forged = (await tokenFor('STREET_ADMIN', ['510116001'])).replace(/\.[^.]+$/, '.AAAA');
    const response = await graphql(grids.url, '{ area(code: "510116001") { name } }', { token: forged });
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('serves the street with its path up to the city and its communities', async () => {
    const { data } = await graphql(
      grids.url,
      '{ area(code: "510116001") { name level parent { name parent { name } } children { code name } } }',
      { token: streetAdmin },
    );
    expect(data?.area.name).toBe('东升街道');
    expect(data?.area.parent).toEqual({ name: '双流区', parent: { name: '成都市' } });
    expect(data?.area.children).toHaveLength(23);
    expect(data?.area.children).toContainEqual({ code: '510116001011', name: '花园社区' });
  });

  it('keeps 中和街道 under its statistical parent and names the zone that administers it', async () => {
    const token = await tokenFor('STREET_ADMIN', ['510116004']);
    const { data } = await graphql(grids.url, '{ area(code: "510116004") { name administeredBy parent { code } } }', {
      token,
    });
    expect(data?.area).toEqual({ name: '中和街道', administeredBy: '高新区', parent: { code: '510116' } });
  });

  it('a community worker cannot read areas or grids of another community', async () => {
    const token = await tokenFor('COMMUNITY_WORKER', ['510116001001']);
    const other = world.grids.find((grid) => grid.communityCode === '510116001002');
    const { data } = await graphql(
      grids.url,
      `{ area(code: "510116001002") { name } grid(id: "${other?.id}") { name } own: area(code: "510116001001") { name } street: area(code: "510116001") { name } grids(first: 100) { totalCount edges { node { code } } } }`,
      { token },
    );
    expect(data?.area).toBeNull();
    expect(data?.grid).toBeNull();
    expect(data?.own.name).toBe('三义桥社区');
    expect(data?.street.name).toBe('东升街道');
    const codes: string[] = data?.grids.edges.map((edge: { node: { code: string } }) => edge.node.code);
    expect(codes.length).toBe(world.grids.filter((grid) => grid.communityCode === '510116001001').length);
    expect(codes.every((code) => code.startsWith('510116001001'))).toBe(true);
  });

  it('pages grids with opaque keyset cursors and a total', async () => {
    const query =
      'query($after: String) { grids(areaCode: "510116001", type: MICRO, first: 5, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { code type } } } }';
    const first = await graphql(grids.url, query, { token: streetAdmin });
    const second = await graphql(grids.url, query, {
      token: streetAdmin,
      variables: { after: first.data?.grids.pageInfo.endCursor },
    });
    const micro = world.grids
      .filter((grid) => grid.type === 'MICRO' && grid.code.startsWith('510116001'))
      .map((grid) => grid.code)
      .sort();
    expect(first.data?.grids.totalCount).toBe(micro.length);
    const codes = [...first.data!.grids.edges, ...second.data!.grids.edges].map(
      (edge: { node: { code: string } }) => edge.node.code,
    );
    expect(codes).toEqual(micro.slice(0, 10));
  });

  it('refuses a page larger than the cap and a malformed cursor', async () => {
    const big = await graphql(grids.url, '{ grids(first: 500) { totalCount } }', { token: streetAdmin });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    const bad = await graphql(grids.url, '{ grids(after: "not-a-cursor") { totalCount } }', { token: streetAdmin });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    const code = await graphql(grids.url, '{ grids(areaCode: "51A") { totalCount } }', { token: streetAdmin });
    expect(code.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'areaCode' });
  });

  it('resolves grid references in one statement however many are asked', async () => {
    const ids = world.grids.filter((grid) => grid.code.startsWith('510116001')).map((grid) => grid.id);
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Grid { code name } } }';
    const count = async (n: number) => {
      const before = grids.db.statements.count;
      const { data } = await graphql(grids.url, query, {
        token: streetAdmin,
        variables: { r: ids.slice(0, n).map((id) => ({ __typename: 'Grid', id })) },
      });
      expect(data?._entities).toHaveLength(n);
      return grids.db.statements.count - before;
    };
    expect(await count(5)).toBe(1);
    expect(await count(50)).toBe(1);
  });

  it('adds staff roles to people it is given by reference', async () => {
    const staff = world.staff[0]!;
    const { data } = await graphql(
      grids.url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { staffRoles { role grids { code } } } } }',
      {
        token: await tokenFor('STREET_ADMIN', ['510115', '510116']),
        variables: { r: [{ __typename: 'Person', id: staff.personId }] },
      },
    );
    expect(data?._entities[0].staffRoles[0].role).toBe(staff.role);
    expect(data?._entities[0].staffRoles[0].grids[0].code).toBe(staff.areaCode);
  });
});
