/**
 * Parse options for a schema that parses one value now and then (a file read at start, an IPC
 * input or output, settings): zod's object parser otherwise generates and compiles a parser of its
 * own (`new Function`) on its first parse, ~0.5 ms each, which only pays back over many parses;
 * 16 of them ran between loading main and the first lists (bench/RESULTS.md, "Start, fourth
 * pass"). `jitless` takes zod's plain path: the same checks and the same result.
 */
export const oneOffParse = { jitless: true } as const;
