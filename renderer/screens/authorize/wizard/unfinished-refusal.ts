import { WIZARD_UNFINISHED_OPERATION } from '../../../../shared/auth';
import type { AppErrorShape } from '../../../../shared/errors';

/** Main refused to start a wizard because another one is not finished (its progress would be lost). */
export const isUnfinishedRefusal = (error: AppErrorShape | null): boolean =>
  error?.code === 'conflict' && error.details?.operation === WIZARD_UNFINISHED_OPERATION;
