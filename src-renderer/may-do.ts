// Whether the person at the desk may do an action, by the role the desk reports and the roles of
// common/roles.ts: the screens offer only what the person may do (the services check it again,
// so a hidden form is never the only guard).
import { type ServiceAction, serviceRoles } from '../src-main/common/roles.ts';
import { useDeskStatus } from './queries/index.ts';

export function useMayDo(action: ServiceAction): boolean {
  const role = useDeskStatus().data?.role;
  return role ? serviceRoles[action].includes(role) : false;
}
