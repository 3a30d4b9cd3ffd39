/**
 * The control room's in-process event bus: `indicator.updated` when an indicator's value or
 * status changes, `alert.changed` when an alert opens, escalates, gets a note or closes,
 * `board.changed` when a board is created, updated, shared or deleted. A wall board's SSE
 * stream subscribes here. One bus per catalog (a test's services get their own).
 */
import { EventEmitter } from 'node:events';
import type { Services } from '../actions/types.js';

export interface IndicatorUpdated {
  readonly id: string;
  readonly name: string;
  readonly organization_id: string;
  readonly value: number | null;
  readonly status: string | null;
  readonly period: string | null;
  readonly version: number;
}

export interface AlertChanged {
  readonly id: string;
  readonly organization_id: string;
  readonly kind: string;
  readonly state: 'open' | 'closed';
  readonly tier: string;
  readonly action: string;
}

export interface BoardChanged {
  readonly id: string;
  readonly name: string;
  readonly organization_id: string;
  readonly private: boolean;
  readonly action: 'created' | 'updated' | 'deleted';
  readonly modified: string;
}

export interface RuangKendaliEvents {
  'indicator.updated': [IndicatorUpdated];
  'alert.changed': [AlertChanged];
  'board.changed': [BoardChanged];
}

const buses = new WeakMap<object, EventEmitter<RuangKendaliEvents>>();

export function ruangKendaliBus(services: Pick<Services, 'catalog'>): EventEmitter<RuangKendaliEvents> {
  let bus = buses.get(services.catalog);
  if (!bus) {
    bus = new EventEmitter<RuangKendaliEvents>();
    bus.setMaxListeners(0);
    buses.set(services.catalog, bus);
  }
  return bus;
}
