// A question to the worker that the page asks again and again (the slider
// moves): one at a time, and when asked meanwhile, once more after it with the
// newest input, so the worker never works through a queue of stale questions.
export class OneAtATime {
  private busy = false;
  private again = false;

  constructor(private readonly task: () => Promise<void>) {}

  request(): void {
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = true;
    void this.task().finally(() => {
      this.busy = false;
      if (this.again) {
        this.again = false;
        this.request();
      }
    });
  }
}
