// A delivery written to the outbox beside the output it delivers (one per
// effect and webhook that takes it).
export interface OutboxEntry {
  outputPosition: number;
  outputId: string;
  type: string;
  entity: string;
  /** The webhook's URL. */
  endpoint: string;
  /** The JSON body to send. */
  payload: string;
  /** When the retry window opens (epoch millis): the write, or the last retry asked for. */
  since: number;
}
