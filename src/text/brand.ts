declare const brand: unique symbol;

/**
 * A value that has passed validation: only the parser of that setting can make one, so a function that takes
 * `Branded<number, 'Percent'>` cannot be handed an unchecked number.
 */
export type Branded<T, B extends string> = T & { readonly [brand]: B };
