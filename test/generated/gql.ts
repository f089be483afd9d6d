/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query GridOverview($code: String!) {\n  gridByCode(code: $code) {\n    name\n    type\n    community {\n      name\n      parent {\n        name\n      }\n    }\n    staff {\n      role\n      person {\n        name\n        phone\n      }\n    }\n    children {\n      code\n      name\n    }\n    residents(first: 3) {\n      totalCount\n      edges {\n        node {\n          name\n          idNumber\n          age\n          tags {\n            label\n          }\n          volunteer {\n            confirmedHours\n          }\n        }\n      }\n    }\n    events(first: 3) {\n      totalCount\n      edges {\n        node {\n          title\n          category\n          status\n          assignee {\n            role\n            person {\n              name\n            }\n          }\n        }\n      }\n    }\n    activities(first: 3) {\n      totalCount\n      edges {\n        node {\n          title\n          category\n          status\n          startsAt\n        }\n      }\n    }\n  }\n}": typeof types.GridOverviewDocument,
    "query StreetName { area(code: \"510116001\") { name } }": typeof types.StreetNameDocument,
    "query ServiceCardOfResident($id: ID!) { person(id: $id) { building { id serviceCard { microGrid { code } microGridLeader { person { name } } gridWorkers { role } } } } }": typeof types.ServiceCardOfResidentDocument,
    "query AreaName($code: ID!) { area(code: $code) { name } }": typeof types.AreaNameDocument,
    "query WhatOneCommunitySees {\n      other: gridByCode(code: \"510116001002001\") { name }\n      people(first: 100) { totalCount edges { node { grid { code } } } }\n      events(first: 100) { totalCount edges { node { grid { code } } } }\n      activities(first: 100) { totalCount edges { node { grid { code } } } }\n      grids(first: 100) { totalCount edges { node { code } } }\n    }": typeof types.WhatOneCommunitySeesDocument,
    "query MicroGridsInDepth($first: Int!) { grids(type: MICRO, first: $first) { edges { node {\n      code staff { role person { name } }\n      residents(first: 2) { totalCount edges { node { name volunteer { confirmedHours } } } }\n      events(first: 2) { totalCount edges { node { status assignee { role } } } }\n      activities(first: 2) { totalCount edges { node { title } } }\n    } } } }": typeof types.MicroGridsInDepthDocument,
    "query ResidentsOfGrid($areaCode: ID!) { people(filter: { areaCode: $areaCode }) { totalCount } }": typeof types.ResidentsOfGridDocument,
    "mutation RegisterWithBadIdNumber($input: RegisterPersonInput!) { registerPerson(input: $input) { person { id } userErrors { code field message } } }": typeof types.RegisterWithBadIdNumberDocument,
    "mutation RegisterResident($input: RegisterPersonInput!) { registerPerson(input: $input) { person { name gender birthYear grid { code name } } userErrors { code } } }": typeof types.RegisterResidentDocument,
    "query IdNumberOf($id: ID!) { person(id: $id) { idNumber } }": typeof types.IdNumberOfDocument,
    "query RecentPiiReads { piiAccessLog(first: 10) { edges { node { viewer fields purpose person { id } } } } }": typeof types.RecentPiiReadsDocument,
    "query CountEvents { events(first: 1) { totalCount } }": typeof types.CountEventsDocument,
    "query CountActivities { activities(first: 1) { totalCount } }": typeof types.CountActivitiesDocument,
};
const documents: Documents = {
    "query GridOverview($code: String!) {\n  gridByCode(code: $code) {\n    name\n    type\n    community {\n      name\n      parent {\n        name\n      }\n    }\n    staff {\n      role\n      person {\n        name\n        phone\n      }\n    }\n    children {\n      code\n      name\n    }\n    residents(first: 3) {\n      totalCount\n      edges {\n        node {\n          name\n          idNumber\n          age\n          tags {\n            label\n          }\n          volunteer {\n            confirmedHours\n          }\n        }\n      }\n    }\n    events(first: 3) {\n      totalCount\n      edges {\n        node {\n          title\n          category\n          status\n          assignee {\n            role\n            person {\n              name\n            }\n          }\n        }\n      }\n    }\n    activities(first: 3) {\n      totalCount\n      edges {\n        node {\n          title\n          category\n          status\n          startsAt\n        }\n      }\n    }\n  }\n}": types.GridOverviewDocument,
    "query StreetName { area(code: \"510116001\") { name } }": types.StreetNameDocument,
    "query ServiceCardOfResident($id: ID!) { person(id: $id) { building { id serviceCard { microGrid { code } microGridLeader { person { name } } gridWorkers { role } } } } }": types.ServiceCardOfResidentDocument,
    "query AreaName($code: ID!) { area(code: $code) { name } }": types.AreaNameDocument,
    "query WhatOneCommunitySees {\n      other: gridByCode(code: \"510116001002001\") { name }\n      people(first: 100) { totalCount edges { node { grid { code } } } }\n      events(first: 100) { totalCount edges { node { grid { code } } } }\n      activities(first: 100) { totalCount edges { node { grid { code } } } }\n      grids(first: 100) { totalCount edges { node { code } } }\n    }": types.WhatOneCommunitySeesDocument,
    "query MicroGridsInDepth($first: Int!) { grids(type: MICRO, first: $first) { edges { node {\n      code staff { role person { name } }\n      residents(first: 2) { totalCount edges { node { name volunteer { confirmedHours } } } }\n      events(first: 2) { totalCount edges { node { status assignee { role } } } }\n      activities(first: 2) { totalCount edges { node { title } } }\n    } } } }": types.MicroGridsInDepthDocument,
    "query ResidentsOfGrid($areaCode: ID!) { people(filter: { areaCode: $areaCode }) { totalCount } }": types.ResidentsOfGridDocument,
    "mutation RegisterWithBadIdNumber($input: RegisterPersonInput!) { registerPerson(input: $input) { person { id } userErrors { code field message } } }": types.RegisterWithBadIdNumberDocument,
    "mutation RegisterResident($input: RegisterPersonInput!) { registerPerson(input: $input) { person { name gender birthYear grid { code name } } userErrors { code } } }": types.RegisterResidentDocument,
    "query IdNumberOf($id: ID!) { person(id: $id) { idNumber } }": types.IdNumberOfDocument,
    "query RecentPiiReads { piiAccessLog(first: 10) { edges { node { viewer fields purpose person { id } } } } }": types.RecentPiiReadsDocument,
    "query CountEvents { events(first: 1) { totalCount } }": types.CountEventsDocument,
    "query CountActivities { activities(first: 1) { totalCount } }": types.CountActivitiesDocument,
};

/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = gql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function gql(source: string): unknown;

/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query GridOverview($code: String!) {\n  gridByCode(code: $code) {\n    name\n    type\n    community {\n      name\n      parent {\n        name\n      }\n    }\n    staff {\n      role\n      person {\n        name\n        phone\n      }\n    }\n    children {\n      code\n      name\n    }\n    residents(first: 3) {\n      totalCount\n      edges {\n        node {\n          name\n          idNumber\n          age\n          tags {\n            label\n          }\n          volunteer {\n            confirmedHours\n          }\n        }\n      }\n    }\n    events(first: 3) {\n      totalCount\n      edges {\n        node {\n          title\n          category\n          status\n          assignee {\n            role\n            person {\n              name\n            }\n          }\n        }\n      }\n    }\n    activities(first: 3) {\n      totalCount\n      edges {\n        node {\n          title\n          category\n          status\n          startsAt\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query GridOverview($code: String!) {\n  gridByCode(code: $code) {\n    name\n    type\n    community {\n      name\n      parent {\n        name\n      }\n    }\n    staff {\n      role\n      person {\n        name\n        phone\n      }\n    }\n    children {\n      code\n      name\n    }\n    residents(first: 3) {\n      totalCount\n      edges {\n        node {\n          name\n          idNumber\n          age\n          tags {\n            label\n          }\n          volunteer {\n            confirmedHours\n          }\n        }\n      }\n    }\n    events(first: 3) {\n      totalCount\n      edges {\n        node {\n          title\n          category\n          status\n          assignee {\n            role\n            person {\n              name\n            }\n          }\n        }\n      }\n    }\n    activities(first: 3) {\n      totalCount\n      edges {\n        node {\n          title\n          category\n          status\n          startsAt\n        }\n      }\n    }\n  }\n}"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query StreetName { area(code: \"510116001\") { name } }"): (typeof documents)["query StreetName { area(code: \"510116001\") { name } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query ServiceCardOfResident($id: ID!) { person(id: $id) { building { id serviceCard { microGrid { code } microGridLeader { person { name } } gridWorkers { role } } } } }"): (typeof documents)["query ServiceCardOfResident($id: ID!) { person(id: $id) { building { id serviceCard { microGrid { code } microGridLeader { person { name } } gridWorkers { role } } } } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query AreaName($code: ID!) { area(code: $code) { name } }"): (typeof documents)["query AreaName($code: ID!) { area(code: $code) { name } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query WhatOneCommunitySees {\n      other: gridByCode(code: \"510116001002001\") { name }\n      people(first: 100) { totalCount edges { node { grid { code } } } }\n      events(first: 100) { totalCount edges { node { grid { code } } } }\n      activities(first: 100) { totalCount edges { node { grid { code } } } }\n      grids(first: 100) { totalCount edges { node { code } } }\n    }"): (typeof documents)["query WhatOneCommunitySees {\n      other: gridByCode(code: \"510116001002001\") { name }\n      people(first: 100) { totalCount edges { node { grid { code } } } }\n      events(first: 100) { totalCount edges { node { grid { code } } } }\n      activities(first: 100) { totalCount edges { node { grid { code } } } }\n      grids(first: 100) { totalCount edges { node { code } } }\n    }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query MicroGridsInDepth($first: Int!) { grids(type: MICRO, first: $first) { edges { node {\n      code staff { role person { name } }\n      residents(first: 2) { totalCount edges { node { name volunteer { confirmedHours } } } }\n      events(first: 2) { totalCount edges { node { status assignee { role } } } }\n      activities(first: 2) { totalCount edges { node { title } } }\n    } } } }"): (typeof documents)["query MicroGridsInDepth($first: Int!) { grids(type: MICRO, first: $first) { edges { node {\n      code staff { role person { name } }\n      residents(first: 2) { totalCount edges { node { name volunteer { confirmedHours } } } }\n      events(first: 2) { totalCount edges { node { status assignee { role } } } }\n      activities(first: 2) { totalCount edges { node { title } } }\n    } } } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query ResidentsOfGrid($areaCode: ID!) { people(filter: { areaCode: $areaCode }) { totalCount } }"): (typeof documents)["query ResidentsOfGrid($areaCode: ID!) { people(filter: { areaCode: $areaCode }) { totalCount } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation RegisterWithBadIdNumber($input: RegisterPersonInput!) { registerPerson(input: $input) { person { id } userErrors { code field message } } }"): (typeof documents)["mutation RegisterWithBadIdNumber($input: RegisterPersonInput!) { registerPerson(input: $input) { person { id } userErrors { code field message } } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "mutation RegisterResident($input: RegisterPersonInput!) { registerPerson(input: $input) { person { name gender birthYear grid { code name } } userErrors { code } } }"): (typeof documents)["mutation RegisterResident($input: RegisterPersonInput!) { registerPerson(input: $input) { person { name gender birthYear grid { code name } } userErrors { code } } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query IdNumberOf($id: ID!) { person(id: $id) { idNumber } }"): (typeof documents)["query IdNumberOf($id: ID!) { person(id: $id) { idNumber } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query RecentPiiReads { piiAccessLog(first: 10) { edges { node { viewer fields purpose person { id } } } } }"): (typeof documents)["query RecentPiiReads { piiAccessLog(first: 10) { edges { node { viewer fields purpose person { id } } } } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query CountEvents { events(first: 1) { totalCount } }"): (typeof documents)["query CountEvents { events(first: 1) { totalCount } }"];
/**
 * The gql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function gql(source: "query CountActivities { activities(first: 1) { totalCount } }"): (typeof documents)["query CountActivities { activities(first: 1) { totalCount } }"];

export function gql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;