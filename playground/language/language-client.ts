// The page's side of the language service in the worker: asks a question by
// the service's method name and resolves with its answer. The rules files go
// with the first question after an edit, so the service always answers about
// the text on screen.
import type { languages } from "monaco-editor/editor";
import type { LanguageService } from "../../language-service/index";
import type { RulesSource } from "../checking/protocol";
import { isLanguageResponse, type LanguageAnswer, type LanguageMethod, type LanguageRequest, type LanguageResponse } from "./language-protocol";

export class LanguageClient {
  private nextId = 1;
  private changed = true;
  private readonly pending = new Map<number, (response: LanguageResponse) => void>();

  constructor(
    private readonly worker: Worker,
    private readonly sources: () => RulesSource[],
  ) {
    worker.addEventListener("message", (message: MessageEvent<{ kind: string }>) => {
      if (!isLanguageResponse(message.data)) return;
      const response = message.data;
      this.pending.get(response.id)?.(response);
      this.pending.delete(response.id);
    });
  }

  /** The rules files changed: the next question carries them. */
  markChanged(): void {
    this.changed = true;
  }

  ask<M extends LanguageMethod>(method: M, ...args: Parameters<LanguageService[M]>): Promise<LanguageAnswer<M>> {
    const sources = this.changed ? this.sources() : null;
    this.changed = false;
    return this.send({ kind: "language", id: this.nextId++, method, args, sources }).then((response) => {
      if ("error" in response) throw new Error(response.error);
      return (response as { result: LanguageAnswer<M> }).result;
    });
  }

  highlighting(): Promise<languages.IMonarchLanguage> {
    return this.send({ kind: "language-highlighting", id: this.nextId++ }).then((response) => (response as { monarch: languages.IMonarchLanguage }).monarch);
  }

  private send(request: LanguageRequest): Promise<LanguageResponse> {
    return new Promise((resolve) => {
      this.pending.set(request.id, resolve);
      this.worker.postMessage(request);
    });
  }
}
