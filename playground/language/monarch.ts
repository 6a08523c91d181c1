// Highlighting generated from the lexer's own vocabulary: the patterns are the
// lexer's, so highlighting never drifts from what the parser reads. Monarch takes
// the first rule that matches (not the longest), so keywords are not separate
// rules (`on` would eat the start of `only`): identifiers are matched once and
// sorted into keyword or name by their spelling, as the lexer's longer_alt does.
import type { languages } from "monaco-editor/editor";
import type { TokenCategory, TokenVocabulary } from "../../grammar/vocabulary";

const tokenClass: Record<Exclude<TokenCategory, "keyword" | "identifier">, string> = {
  whitespace: "white",
  comment: "comment",
  string: "string",
  number: "number",
  datetime: "number.date",
  date: "number.date",
  time: "number.date",
  "dotted-name": "type.event",
  operator: "operator",
  punctuation: "delimiter",
};

export function monarchFromVocabulary(vocabulary: TokenVocabulary): languages.IMonarchLanguage {
  const rules: languages.IMonarchLanguageRule[] = [];
  for (const token of vocabulary.tokens) {
    if (token.category === "keyword") continue;
    if (token.category === "identifier") {
      rules.push([
        new RegExp(token.pattern),
        { cases: { "@reservedKeywords": "keyword.reserved", "@keywords": "keyword", "@default": "identifier" } },
      ]);
    } else {
      rules.push([new RegExp(token.pattern), tokenClass[token.category]]);
    }
  }
  // Anything the lexer does not know is shown as an error, as the parser will report it.
  rules.push([/./, "invalid"]);
  return {
    defaultToken: "invalid",
    keywords: [...vocabulary.keywords],
    reservedKeywords: [...vocabulary.reservedKeywords],
    tokenizer: { root: rules },
  };
}
