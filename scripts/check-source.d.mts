/** Longest file allowed in src/. */
export declare const MAX_LINES: number;
/** The import cycles among `root/src` files (type imports and every `#platform/*` target included). */
export declare function findCycles(root: string): Promise<string[][]>;
/** The `root/src` files over MAX_LINES lines, with their line counts. */
export declare function findLongFiles(root: string): Promise<[string, number][]>;
