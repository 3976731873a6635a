// The roles in the order the users page lists them (least to most rights): its role selects and the new-user dialog.

import type { Role } from '../../../schemas/db';

export const roleList: Role[] = ['viewer', 'tester', 'designer', 'admin'];
