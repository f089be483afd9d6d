import ExcelJS from 'exceljs';
import { createGraphClient, type GraphClient } from '../../subgraphs/kit/src/graph-client.js';
import { findColumn, FORM_COLUMNS, type FormColumn, type FormPerson } from './form-columns.js';
import {
  type AccessPurposeCode,
  isAccessPurposeCode,
  purposeChoices,
} from '../../subgraphs/people/src/domain/access-purposes.js';
import { UsageError } from './cli.js';
import { writeCsv } from './csv-file.js';
import { writePrivateFile } from './private-file.js';

export interface FormRequest {
  gatewayUrl: string;
  token: string;
  /** An area or grid code. */
  area: string;
  /** Tag codes or labels (空巢老人); a person must carry every one. */
  tags: string[];
  /** Column headers, in order. */
  columns: string[];
  format: 'xlsx' | 'csv';
  out: string;
  /**
   * Why the data is read, a code of the purpose catalogue (VISIT_CARE...): with `pii:read`
   * it unmasks, and each unmasked read is logged with it.
   */
  purpose: string | null;
  /** A note logged with the purpose (a case number); optional. */
  note?: string | null;
  /** Only ACTIVE residents unless asked otherwise. */
  allStatuses?: boolean;
}

const PAGE = 100;

/** Resolves tag labels to codes through the graph's own catalogue. */
async function tagCodes(graph: GraphClient, authorization: string, tags: string[]): Promise<string[]> {
  if (!tags.length) return [];
  const { tagDefinitions } = await graph.request<{ tagDefinitions: { code: string; label: string }[] }>(
    '{ tagDefinitions { code label } }',
    {},
    authorization,
  );
  return tags.map((tag) => {
    const found = tagDefinitions.find((kind) => kind.code === tag || kind.label === tag);
    if (!found)
      throw new UsageError(`未知的人群标签：${tag}（可用：${tagDefinitions.map((kind) => kind.label).join('、')}）`);
    return found.code;
  });
}

/** A purpose must be a catalogue code: free text is refused before anything is read. */
export function checkPurpose(purpose: string | null): void {
  if (purpose !== null && !isAccessPurposeCode(purpose))
    throw new UsageError(`未知的访问目的：${purpose}（可用：${purposeChoices()}）`);
}

/** The purpose the export declares when `--purpose` is not given: 走访慰问, what forms are mostly for. */
export const DEFAULT_EXPORT_PURPOSE: AccessPurposeCode = 'VISIT_CARE';

function columnsOf(names: string[]): FormColumn[] {
  return names.map((name) => {
    const column = findColumn(name);
    if (!column)
      throw new UsageError(`未知的列：${name}（可用：${FORM_COLUMNS.map((known) => known.header).join('、')}）`);
    return column;
  });
}

/** Every page of the people the form lists, through the gateway, in id order. */
async function fetchPeople(
  graph: GraphClient,
  authorization: string,
  request: FormRequest,
  columns: FormColumn[],
  tags: string[],
): Promise<FormPerson[]> {
  const selection = [...new Set(columns.map((column) => column.selection))].join(' ');
  // GraphQL refuses a declared variable no field uses: the purpose and note are declared
  // only when a column unmasks (ID number, phone, birth date).
  const unmasks = selection.includes('$purpose');
  const purposeVariables = unmasks ? ', $purpose: AccessPurposeCode, $note: String' : '';
  const query = `query($filter: PeopleFilter, $after: String${purposeVariables}) {
    people(filter: $filter, first: ${PAGE}, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ${selection} } } }
  }`;
  const filter = {
    areaCode: request.area,
    ...(tags.length ? { tags } : {}),
    ...(request.allStatuses ? {} : { status: 'ACTIVE' }),
  };
  const people: FormPerson[] = [];
  let after: string | null = null;
  do {
    const {
      people: page,
    }: { people: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: FormPerson }[] } } =
      await graph.request(
        query,
        { filter, after, ...(unmasks ? { purpose: request.purpose, note: request.note ?? null } : {}) },
        authorization,
      );
    people.push(...page.edges.map((edge) => edge.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return people;
}

/**
 * Writes a business line's form (统一表单): the residents of an area carrying the tags,
 * fetched through the gateway with the caller's token, so values are masked or in full
 * exactly as that token allows (and logged when in full).
 */
export async function exportForm(request: FormRequest): Promise<{ file: string; rows: number }> {
  checkPurpose(request.purpose);
  const columns = columnsOf(request.columns);
  const graph = createGraphClient(request.gatewayUrl, 60_000);
  const authorization = `Bearer ${request.token}`;
  const people = await fetchPeople(
    graph,
    authorization,
    request,
    columns,
    await tagCodes(graph, authorization, request.tags),
  );
  const table = people.map((person) => columns.map((column) => column.value(person)));
  if (request.format === 'csv') await writeCsv(request.out, [columns.map((column) => column.header), ...table]);
  else {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('表单');
    sheet.columns = columns.map((column) => ({
      header: column.header,
      key: column.header,
      width: Math.max(10, column.header.length * 2 + 4),
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    // exceljs writes a string as a text cell (a shared string), never as a formula: only a
    // `{ formula }` value becomes one, so `=HYPERLINK(...)` in an address stays text here.
    sheet.addRows(table);
    await writePrivateFile(request.out, new Uint8Array(await workbook.xlsx.writeBuffer()));
  }
  return { file: request.out, rows: people.length };
}
