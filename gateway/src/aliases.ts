import {
  GraphQLError,
  Kind,
  getNamedType,
  parse,
  type ASTVisitor,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * The key fields of each entity type of a supergraph (`@join__type(…, key: "id")`), and
 * `__typename` for every type: the names the gateway uses to stitch one subgraph's answer to
 * another's.
 */
export function entityKeyFields(supergraphSdl: string): Map<string, Set<string>> {
  const keys = new Map<string, Set<string>>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (!('name' in definition) || !definition.name || !('directives' in definition)) continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'join__type') continue;
      const key = directive.arguments?.find((argument) => argument.name.value === 'key')?.value;
      if (key?.kind !== Kind.STRING) continue;
      const fields = keys.get(definition.name.value) ?? new Set<string>();
      for (const name of key.value.match(/[_A-Za-z]\w*/g) ?? []) fields.add(name);
      keys.set(definition.name.value, fields);
    }
  }
  return keys;
}

/**
 * Refuses an alias named like an entity's key field (or `__typename`) on another field, e.g.
 * `homes { … { realId: id  id: name  cadence(…) { held } } }`: @apollo/gateway merges the
 * subgraphs' answers by those names, so such an alias comes back holding the key, not the field
 * asked for. Refused while the document is validated
 * (GRAPHQL_VALIDATION_FAILED, 400), with what to do instead.
 */
export function entityKeyAliasRule(keys: Map<string, Set<string>>): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Field(node) {
      const alias = node.alias?.value;
      if (!alias || alias === node.name.value) return;
      const parent = context.getParentType();
      if (!parent) return;
      const reserved = alias === '__typename' || keys.get(getNamedType(parent).name)?.has(alias);
      if (!reserved) return;
      context.reportError(
        new GraphQLError(
          alias === '__typename'
            ? `The alias "__typename" is the name the gateway gives ${parent.name}'s type name: the answer would hold the type name under it. Choose another alias for ${node.name.value}.`
            : `The alias "${alias}" is the name of ${parent.name}'s key field: the answer would hold the key under it. Choose another alias for ${node.name.value}.`,
          { nodes: [node] },
        ),
      );
    },
  });
}
