/**
 * True when each type accepts the other's values: `true satisfies SameShape<z.output<typeof XSchema>, X>` stops
 * the compile when a documented schema and the type the code answers with drift apart (a required field added
 * or removed on either side; an optional field missing from one side is not caught, the contract test is).
 */
export type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
