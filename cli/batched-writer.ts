// Collects output lines and hands them to stdout in large chunks: one write
// per line costs more than the runtime itself on a 200,000-event run.
import type { Output } from "./output";

const FLUSH_AT = 1 << 16;

export class BatchedWriter {
  private chunks: string[] = [];
  private size = 0;

  constructor(private readonly write: (text: string) => void) {}

  line(text: string): void {
    this.chunks.push(text, "\n");
    this.size += text.length + 1;
    if (this.size >= FLUSH_AT) this.flush();
  }

  flush(): void {
    if (this.chunks.length === 0) return;
    this.write(this.chunks.join(""));
    this.chunks = [];
    this.size = 0;
  }
}

export function stdoutWriter(out: Output): BatchedWriter {
  return new BatchedWriter((text) => out.stdout(text));
}
