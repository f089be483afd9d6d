/**
 * Composes schema/<subgraph>.graphql into schema/supergraph.graphql with
 * @apollo/composition, and publishes the API schema clients see through the gateway as
 * schema/api.graphql (production turns introspection off; clients and their codegen read
 * this file instead). `--check` fails when composition fails or either committed file
 * differs from a fresh compose, so a stale schema never reaches the gateway or a client.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { parse, printSchema } from 'graphql';
import { SUBGRAPHS } from '../subgraphs/kit/src/subgraphs.js';

const target = new URL('../schema/supergraph.graphql', import.meta.url);
const apiTarget = new URL('../schema/api.graphql', import.meta.url);

export function composeSupergraph(): string {
  const services = SUBGRAPHS.map(({ name, defaultPort }) => ({
    name,
    url: `http://localhost:${defaultPort}/graphql`,
    typeDefs: parse(readFileSync(new URL(`../schema/${name}.graphql`, import.meta.url), 'utf8')),
  }));
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  }
  return `${result.supergraphSdl.trimEnd()}\n`;
}

/** The supergraph without its join__ and link__ machinery: what a client can query. */
export function apiSchema(supergraphSdl: string): string {
  const printed = printSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema());
  return `# The API schema of the gateway, derived from schema/supergraph.graphql by \`npm run compose\`. Do not edit.\n${printed.trimEnd()}\n`;
}

const check = process.argv.includes('--check');
try {
  const fresh = composeSupergraph();
  const freshApi = apiSchema(fresh);
  if (check) {
    const committed = readFileSync(target, 'utf8');
    if (committed !== fresh) {
      console.error('schema/supergraph.graphql is stale: run `npm run compose` and commit it');
      process.exit(1);
    }
    const committedApi = (() => {
      try {
        return readFileSync(apiTarget, 'utf8');
      } catch {
        return '';
      }
    })();
    if (committedApi !== freshApi) {
      console.error('schema/api.graphql is stale: run `npm run compose` and commit it');
      process.exit(1);
    }
    console.log('supergraph and API schema are up to date');
  } else {
    writeFileSync(target, fresh);
    writeFileSync(apiTarget, freshApi);
    console.log('wrote schema/supergraph.graphql and schema/api.graphql');
  }
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
