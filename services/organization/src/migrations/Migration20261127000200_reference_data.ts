import { Migration } from '@mikro-orm/migrations';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { levelOfCode, parentCodeOf } from '../division/division.kind';
import { referenceCommittees } from '../committee/special-committees';

/** The data file the extraction script writes: `[code, name, kind]`, parents before children. */
export const DIVISIONS_FILE = join(__dirname, '../../data/divisions.3207.json');

/**
 * Loads the real hierarchy of 连云港市 (2023 statistics codes) and the committees that exist by
 * law: the city CPPCC, the CPPCC of each county-level unit, the city's special committees.
 * Reference data, not demo data: every database of the service has it.
 */
export class Migration20261127000200_reference_data extends Migration {
  override async up(): Promise<void> {
    const rows = (
      JSON.parse(readFileSync(DIVISIONS_FILE, 'utf8')) as Array<[string, string, string]>
    ).map(([code, name, kind]) => ({
      code,
      name,
      kind,
      level: levelOfCode(code),
      parent_code: parentCodeOf(code),
    }));
    const knex = this.getKnex();
    this.addSql(
      knex.raw(
        `insert into division (code, name, level, kind, parent_code)
       select code, name, level, kind, parent_code from json_populate_recordset(null::division, ?::json)`,
        [JSON.stringify(rows)],
      ),
    );
    const committees = referenceCommittees(
      rows.filter((row) => row.level !== 'TOWNSHIP' && row.level !== 'VILLAGE'),
    );
    this.addSql(
      knex.raw(
        `insert into committee (id, kind, name, division_code, parent_id, policy_areas)
       select id, kind, name, division_code, parent_id, policy_areas
       from json_populate_recordset(null::committee, ?::json)`,
        [JSON.stringify(committees)],
      ),
    );
  }
}
