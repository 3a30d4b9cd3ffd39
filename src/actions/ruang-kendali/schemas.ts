import { Type } from '@sinclair/typebox';

/** A union of string literals (TypeBox), for the enumerations of the control room's actions. */
export const lit = <T extends string>(...values: T[]) => Type.Union(values.map((v) => Type.Literal(v)));
