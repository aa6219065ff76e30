// The API schema of each surface, as its clients see it (the contract supergraph less federation's
// machinery), printed into src/generated/schema/ for GraphQL Code Generator: the contracts in
// schema/contracts/ are supergraphs, which codegen cannot read as they are.
import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, parse, printSchema, validate } from 'graphql';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(web, 'src/generated/schema');
mkdirSync(out, { recursive: true });
for (const surface of ['city', 'county', 'home', 'department', 'public']) {
  const contract = readFileSync(join(web, `../schema/contracts/${surface}.graphql`), 'utf8');
  const api = Supergraph.build(contract).apiSchema().toGraphQLJSSchema();
  writeFileSync(join(out, `${surface}.graphql`), `${printSchema(api)}\n`);
}

/**
 * The surfaces each folder of src/operations/ runs on. Its types are generated against the first
 * (the narrowest); it must be valid on every one, since a page asks the surface of whoever is
 * signed in.
 */
export const OPERATION_SURFACES = {
  office: ['county', 'city'],
  home: ['home', 'county', 'city'],
  department: ['department', 'county', 'city'],
  public: ['public'],
};

const problems = [];
for (const [folder, surfaces] of Object.entries(OPERATION_SURFACES)) {
  const dir = join(web, 'src/operations', folder);
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.graphql'))) {
    const document = parse(readFileSync(join(dir, file), 'utf8'));
    for (const surface of surfaces) {
      const schema = buildSchema(readFileSync(join(out, `${surface}.graphql`), 'utf8'));
      for (const error of validate(schema, document))
        problems.push(
          `src/operations/${folder}/${file} on the ${surface} surface: ${error.message}`,
        );
    }
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
