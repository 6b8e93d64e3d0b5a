import type { Action } from './types';

/** Type-checks a list of actions (and keeps their literal order: the help lists them so). */
export const defineActions = (actions: Action[]): readonly Action[] => actions;
