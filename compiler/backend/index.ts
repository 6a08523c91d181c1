// The TypeScript backend's entry. Kept apart from compiler/index.ts because it
// needs ts-morph, which the browser playground must not bundle.
export { emitModule, DEFAULT_RUNTIME_MODULE, type EmitOptions } from "./emit-module";
export { dataLiteral, memberName, propertyName, stringLiteral } from "./literals";
