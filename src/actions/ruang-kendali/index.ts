/**
 * Ruang Kendali, the control room's foundation (issue 6): indicators over dataset versions with
 * targets and a status scale, priority programmes, alert rules and alerts. The model and the
 * evaluation live in src/ruang-kendali/; these are its actions.
 */
import type { ActionRegistry } from '../registry.js';
import {
  alertList,
  alertRuleCreate,
  alertRuleList,
  alertRuleUpdate,
  alertShow,
  alertUpdate,
} from './alert.js';
import { boardCreate, boardDelete, boardList, boardShare, boardShow, boardUpdate } from './board.js';
import {
  indicatorCreate,
  indicatorList,
  indicatorShow,
  indicatorUpdate,
  indicatorValues,
} from './indicator.js';
import { mapCreate, mapList, mapShow } from './map.js';
import { programmeCreate, programmeList, programmeShow, programmeUpdate } from './programme.js';

export function registerRuangKendaliActions(registry: ActionRegistry): ActionRegistry {
  return registry
    .register(indicatorCreate)
    .register(indicatorShow)
    .register(indicatorList)
    .register(indicatorUpdate)
    .register(indicatorValues)
    .register(programmeCreate)
    .register(programmeShow)
    .register(programmeList)
    .register(programmeUpdate)
    .register(alertRuleCreate)
    .register(alertRuleList)
    .register(alertRuleUpdate)
    .register(alertList)
    .register(alertShow)
    .register(alertUpdate)
    .register(boardCreate)
    .register(boardShow)
    .register(boardList)
    .register(boardUpdate)
    .register(boardDelete)
    .register(boardShare)
    .register(mapCreate)
    .register(mapList)
    .register(mapShow);
}
