// Events for the webhook fixtures (test/service/fixtures/webhooks): a contact
// and a deal per number, then every deal booked, then every deal done, so each
// deal makes four effects (an email, an sms, a task, a notify) on its own
// record. Times are 100 ms apart ending around the wall clock, inside the
// five minutes ahead the service accepts. The webhook tests and benchmark post them.

export const webhookRules = ["test/service/fixtures/webhooks"];
export const EFFECTS_PER_DEAL = 4;

export function webhookEvents(deals: number, start = Date.now() - 60_000, step = 100): string[] {
  const lines: string[] = [];
  const at = () => new Date(start + lines.length * step).toISOString();
  for (let n = 0; n < deals; n++) {
    lines.push(JSON.stringify({ id: `c${n}`, at: at(), entity: `contact/C${n}`, type: "created", data: { name: `Client ${n}` } }));
    lines.push(JSON.stringify({ id: `d${n}`, at: at(), entity: `deal/D${n}`, type: "created", data: { title: `Roof ${n}`, contact: `contact/C${n}`, responsible: "bo@example.com" } }));
  }
  for (const stage of ["Booked", "Done"]) {
    for (let n = 0; n < deals; n++) lines.push(JSON.stringify({ id: `d${n}-${stage}`, at: at(), entity: `deal/D${n}`, type: "stage.opened", data: { stage } }));
  }
  return lines;
}
