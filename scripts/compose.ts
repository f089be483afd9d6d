/**
 * Composes schema/<subgraph>.graphql into schema/supergraph.graphql with
 * @apollo/composition. `--check` fails when composition fails or the committed file
 * differs from a fresh compose, so a stale supergraph never reaches the gateway.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPHS } from '../subgraphs/kit/src/subgraphs.js';

const target = new URL('../schema/supergraph.graphql', import.meta.url);

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

const check = process.argv.includes('--check');
try {
  const fresh = composeSupergraph();
  if (check) {
    const committed = readFileSync(target, 'utf8');
    if (committed !== fresh) {
      console.error('schema/supergraph.graphql is stale: run `npm run compose` and commit it');
      process.exit(1);
    }
    console.log('supergraph is up to date');
  } else {
    writeFileSync(target, fresh);
    console.log('wrote schema/supergraph.graphql');
  }
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
