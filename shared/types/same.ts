/** `true` only when A and B are the same type: for compile-time checks that a schema matches its interface. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
