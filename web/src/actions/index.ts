/**
 * Every action of the workspace, in the order the help lists them. See README.md beside this file
 * for how to add one.
 */
import { analysisActions } from './analysisActions';
import { chartActions } from './chartActions';
import { exportActions } from './exportActions';
import { importActions } from '../import/importActions';
import { menuActions } from './menuActions';
import type { Action } from './types';
import { viewActions } from './viewActions';

export const ACTIONS: readonly Action[] = [...analysisActions, ...menuActions, ...chartActions, ...viewActions, ...exportActions, ...importActions];

export type { Action, ActionChoice, ActionContext, Placement } from './types';
export { actionForKey, actionsIn, contextFor, helpRows, isEnabled, keyLabel, keyMatches, labelOf, run, titleOf } from './manager';
