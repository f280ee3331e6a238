// Operations and handlers are defined per domain (common/ops/*.ts, node/handlers/*-handlers.ts) and
// joined into one table. An object spread would let a later group silently replace an operation
// of the same name; joining through here refuses the second definition instead, at start-up.

/** The intersection of the groups' types: what a spread of them would give when no name repeats. */
export type Joined<T extends readonly object[]> = T extends readonly [
  infer Head,
  ...infer Rest extends readonly object[],
]
  ? Head & Joined<Rest>
  : unknown;

/** A name defined by two groups. */
export class DuplicateNameError extends Error {}

/**
 * The groups joined into one object. Throws DuplicateNameError naming the first name that two
 * groups define (`what` says what the names are: "operation", "handler").
 */
export function joinNamedGroups<const T extends readonly object[]>(what: string, ...groups: T): Joined<T> {
  const joined: Record<string, unknown> = {};
  groups.forEach((group, index) => {
    for (const [name, value] of Object.entries(group)) {
      if (Object.hasOwn(joined, name))
        throw new DuplicateNameError(
          `Two ${what}s are named "${name}" (the second in group ${index + 1}): every ${what} is defined once.`,
        );
      joined[name] = value;
    }
  });
  return joined as Joined<T>;
}
