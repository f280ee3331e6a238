// PLACEHOLDER until its helper builds it (issue 5): the route exists so the shell compiles.
export function BatchScreen({ batchId: _batchId }: { batchId: string | null }) {
  return null;
}
