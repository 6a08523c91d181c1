// The standard library: data the compiler, the runtime and the playground share.
export * from "./types";
export * from "./events";
export * from "./actions";
export * from "./functions";
export * from "./outputs";
