// PLACEHOLDER until its helper builds it (issue 5): the route exists so the shell compiles.
export function ApplicationScreen({ applicationId: _applicationId }: { applicationId: string | null }) {
  return null;
}
