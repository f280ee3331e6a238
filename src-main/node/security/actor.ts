// Staff identity is the OS account (roles from the IT policy file come with the role checks).
import { userInfo } from 'node:os';

export function currentActor(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
