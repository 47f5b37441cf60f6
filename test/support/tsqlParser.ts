import assert from './assert';
import { Parser } from 'node-sql-parser';

/**
 * Checks statements with an independent T-SQL parser: node-sql-parser's `transactsql` grammar.
 *
 * The grammar rejects a few forms that are valid T-SQL. Each is handled narrowly below, only in the
 * exact shape Kysely's SQL Server compiler emits, and reported in `adjustments`; nothing else is
 * rewritten, and a statement the parser still rejects fails the check.
 *
 * 1. `offset @n rows` / `fetch next @n rows only`: the grammar takes only a number literal there,
 *    so those parameters (which must be non-negative integers) are inlined as literals. Every other
 *    parameter stays a `@n` placeholder, which the grammar accepts as a variable.
 * 2. `offset n rows` without `fetch`: valid T-SQL (skip n rows, return the rest), but the grammar
 *    demands FETCH; `fetch next 2147483647 rows only` (the same result) is appended.
 * 3. Foreign keys in `create table` / `alter table`: the grammar has no `references` clause at all.
 *    Column-level `references "t" ("c")` and table-level `constraint "fk" foreign key ("c")
 *    references "t" ("c")`, with only the referential actions SQL Server has (no action, cascade,
 *    set null, set default), are cut out; the rest of the statement is still parsed.
 */

export interface TsqlStatement {
  sql: string;
  parameters: readonly unknown[];
}

export interface TsqlParseOutcome {
  /** The text that was given to the parser. */
  parsedSql: string;
  /** What was changed before parsing, and why; empty for most statements. */
  adjustments: string[];
}

const IDENT = String.raw`"(?:[^"]|"")+"`;
const IDENT_LIST = String.raw`\(\s*${IDENT}(?:\s*,\s*${IDENT})*\s*\)`;
const REFERENTIAL_ACTIONS = String.raw`(?:\s+on\s+(?:delete|update)\s+(?:no\s+action|cascade|set\s+null|set\s+default))*`;
const TABLE_FOREIGN_KEY = new RegExp(String.raw`,\s*constraint\s+${IDENT}\s+foreign\s+key\s*${IDENT_LIST}\s*references\s+${IDENT}(?:\.${IDENT})?\s*${IDENT_LIST}${REFERENTIAL_ACTIONS}(?=\s*[,)])`, 'gi');
const COLUMN_REFERENCES = new RegExp(String.raw`\s+references\s+${IDENT}(?:\.${IDENT})?\s*${IDENT_LIST}${REFERENTIAL_ACTIONS}(?=\s*[,)])`, 'gi');
const ROW_COUNT_PARAMETER = /\b(offset|fetch\s+next)\s+@(\d+)\s+rows\b/gi;
const OFFSET_WITHOUT_FETCH = /\boffset\s+(\d+)\s+rows\b(?!\s+fetch\b)/gi;
const DDL = /^\s*(create|alter)\s+table\b/i;

/** The statement as the parser is given it, with the adjustments listed above. */
export function prepareForTsqlParser(statement: TsqlStatement): TsqlParseOutcome {
  const adjustments: string[] = [];
  let text = statement.sql;

  text = text.replace(ROW_COUNT_PARAMETER, (_match, clause: string, index: string) => {
    const value = statement.parameters[Number(index) - 1];
    if (typeof value !== 'number' && typeof value !== 'bigint') throw new Error(`${clause} @${index} is bound to ${String(value)}, not a row count`);
    if (BigInt(value) < 0n) throw new Error(`${clause} @${index} is negative`);
    adjustments.push(`inlined ${clause} @${index} = ${value}`);
    return `${clause} ${value} rows`;
  });

  text = text.replace(OFFSET_WITHOUT_FETCH, (match) => {
    adjustments.push('appended fetch next 2147483647 rows only to an offset without fetch');
    return `${match} fetch next 2147483647 rows only`;
  });

  if (DDL.test(text)) {
    text = text.replace(TABLE_FOREIGN_KEY, (match) => {
      adjustments.push(`cut out foreign key: ${match.replace(/^,\s*/, '')}`);
      return '';
    });
    text = text.replace(COLUMN_REFERENCES, (match) => {
      adjustments.push(`cut out column reference: ${match.trim()}`);
      return '';
    });
  }

  return { parsedSql: text, adjustments };
}

const parser = new Parser();

/**
 * The grammar is lenient in places (it accepts `limit 5`, `||` and any function name), so SQLite habits
 * that are not T-SQL are also looked for directly, outside string literals and quoted names.
 */
const NOT_TSQL: Array<[RegExp, string]> = [
  [/\blimit\s+(?:@\d+|\d+)/i, 'T-SQL has no LIMIT: use .top(n), or .orderBy(...).offset(n).fetch(m)'],
  [/\breturning\b/i, 'T-SQL has no RETURNING: use .output(...) on SQL Server, or select after writing'],
  [/\bon\s+conflict\b/i, 'T-SQL has no ON CONFLICT: check first, or catch the unique violation (isUniqueViolation)'],
  [/^\s*(?:insert\s+or\s+\w+|replace\s+into)\b/i, 'T-SQL has no INSERT OR IGNORE/REPLACE'],
  [/\|\|/, 'T-SQL concatenates with + or concat(), not ||'],
  [/\b(?:ifnull|group_concat|strftime|julianday|datetime|date|substr|instr|length|json_extract|printf|random|total)\s*\(/i, 'a SQLite function that T-SQL does not have (isnull, string_agg, substring, charindex, len, json_value, ...)'],
  [/\bglob\b/i, 'T-SQL has no GLOB'],
  [/\bautoincrement\b/i, 'T-SQL has no AUTOINCREMENT (identity)'],
  [/\bcreate\s+(?:table|(?:unique\s+)?index)\s+if\s+not\s+exists\b/i, 'T-SQL has no CREATE TABLE/INDEX IF NOT EXISTS'],
  [/^\s*pragma\b/i, 'PRAGMA is SQLite only'],
  [/\bcollate\s+nocase\b/i, 'NOCASE is a SQLite collation'],
];

/** Parser limitations, named in the failure so it is not mistaken for invalid T-SQL. */
const PARSER_LIMITS: Array<[RegExp, string]> = [
  [/^\s*merge\s+into\b/i, 'node-sql-parser cannot parse MERGE (a parser limitation, not necessarily invalid T-SQL)'],
  [/\boutput\s+"(?:inserted|deleted)"/i, 'node-sql-parser cannot parse OUTPUT clauses (a parser limitation, not necessarily invalid T-SQL)'],
];

function withoutLiteralsAndQuotedNames(text: string): string {
  return text.replace(/'(?:[^']|'')*'/g, "''").replace(/"(?:[^"]|"")*"/g, '""').replace(/\[(?:[^\]]|\]\])*\]/g, '[]');
}

/**
 * Asserts `statement` parses as T-SQL. Returns what was given to the parser and the adjustments made.
 * A plain string is taken as a statement without parameters.
 */
export function assertParsesAsTsql(statement: TsqlStatement | string): TsqlParseOutcome {
  const given: TsqlStatement = typeof statement === 'string' ? { sql: statement, parameters: [] } : statement;
  const bare = withoutLiteralsAndQuotedNames(given.sql);
  const habits = NOT_TSQL.filter(([pattern]) => pattern.test(bare)).map(([, why]) => why);
  if (habits.length > 0) assert.fail(`not T-SQL: ${given.sql}\n  ${habits.join('\n  ')}`);

  const outcome = prepareForTsqlParser(given);
  try {
    parser.astify(outcome.parsedSql, { database: 'transactsql' });
  } catch (error) {
    const limit = PARSER_LIMITS.find(([pattern]) => pattern.test(bare))?.[1];
    const reason = error instanceof Error ? error.message : String(error);
    assert.fail(
      [`does not parse as T-SQL: ${given.sql}`, outcome.adjustments.length ? `(parsed as: ${outcome.parsedSql})` : '', limit ?? '', `parser: ${reason}`]
        .filter(Boolean)
        .join('\n  '),
    );
  }
  return outcome;
}

/** Checks every statement and reports all failures at once, not only the first. */
export function assertAllParseAsTsql(statements: readonly (TsqlStatement | string)[]): TsqlParseOutcome[] {
  const outcomes: TsqlParseOutcome[] = [];
  const failures: string[] = [];
  for (const statement of statements) {
    try {
      outcomes.push(assertParsesAsTsql(statement));
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (failures.length > 0) assert.fail(`${failures.length} of ${statements.length} statements do not parse as T-SQL:\n- ${failures.join('\n- ')}`);
  return outcomes;
}
