import { DOCUMENT_TYPE_LABELS } from '../../subgraphs/people/src/domain/documents.js';
import { OCCUPATION_LABELS, type OccupationCode } from '../../subgraphs/people/src/domain/occupations.js';
import type { DocumentType } from '../../subgraphs/people/src/domain/enums.js';

/** A person as the form query returns it: only the fields its columns asked for are there. */
export interface FormPerson {
  name?: string;
  gender?: 'MALE' | 'FEMALE';
  age?: number;
  birthDate?: string;
  documentType?: DocumentType;
  idNumber?: string;
  phone?: string | null;
  residencyType?: 'REGISTERED' | 'PERMANENT' | 'FLOATING';
  status?: 'ACTIVE' | 'MOVED_OUT' | 'DECEASED';
  household?: { address: string } | null;
  room?: string | null;
  grid?: { code: string; name?: string | null } | null;
  tags?: { label: string; occupation: OccupationCode | null }[];
}

export interface FormColumn {
  header: string;
  /** Other names a business line uses for the same column. */
  aliases?: readonly string[];
  /** The selection on Person; `$purpose` (a purpose code) and `$note` unmask where the token allows. */
  selection: string;
  value: (person: FormPerson) => string | number;
}

const RESIDENCY = { REGISTERED: '户籍', PERMANENT: '常住', FLOATING: '流动' } as const;
const STATUS = { ACTIVE: '在册', MOVED_OUT: '已迁出', DECEASED: '已死亡' } as const;

/** The columns a form may have, with their Chinese headers (the order of `--columns` decides the table's). */
export const FORM_COLUMNS: readonly FormColumn[] = [
  { header: '姓名', selection: 'name', value: (person) => person.name ?? '' },
  {
    header: '性别',
    selection: 'gender',
    value: (person) => (person.gender === 'MALE' ? '男' : person.gender === 'FEMALE' ? '女' : ''),
  },
  { header: '年龄', selection: 'age', value: (person) => person.age ?? '' },
  {
    header: '出生日期',
    selection: 'birthDate(purpose: $purpose, note: $note)',
    value: (person) => person.birthDate ?? '',
  },
  {
    header: '证件类型',
    selection: 'documentType',
    value: (person) => (person.documentType ? DOCUMENT_TYPE_LABELS[person.documentType] : ''),
  },
  {
    header: '身份证号',
    aliases: ['证件号码', '身份证号码'],
    selection: 'idNumber(purpose: $purpose, note: $note)',
    value: (person) => person.idNumber ?? '',
  },
  {
    header: '联系电话',
    aliases: ['手机号', '电话'],
    selection: 'phone(purpose: $purpose, note: $note)',
    value: (person) => person.phone ?? '',
  },
  {
    header: '住址',
    aliases: ['现住址', '地址'],
    selection: 'household { address } room',
    value: (person) => person.household?.address ?? person.room ?? '',
  },
  {
    header: '网格',
    aliases: ['所属网格'],
    selection: 'grid { code name }',
    value: (person) => person.grid?.name ?? person.grid?.code ?? '',
  },
  { header: '网格编码', selection: 'grid { code }', value: (person) => person.grid?.code ?? '' },
  {
    header: '人口类型',
    selection: 'residencyType',
    value: (person) => (person.residencyType ? RESIDENCY[person.residencyType] : ''),
  },
  {
    header: '人群标签',
    aliases: ['特殊人群'],
    selection: 'tags { label occupation }',
    value: (person) => (person.tags ?? []).map((tag) => tag.label).join('、'),
  },
  {
    header: '职业',
    selection: 'tags { label occupation }',
    value: (person) =>
      (person.tags ?? []).flatMap((tag) => (tag.occupation ? [OCCUPATION_LABELS[tag.occupation]] : [])).join('、'),
  },
  { header: '状态', selection: 'status', value: (person) => (person.status ? STATUS[person.status] : '') },
];

export function findColumn(name: string): FormColumn | undefined {
  const trimmed = name.trim();
  return FORM_COLUMNS.find((column) => column.header === trimmed || column.aliases?.includes(trimmed));
}
