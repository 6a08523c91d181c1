// Ports that HTTP clients refuse to connect to: the Fetch standard's "bad
// ports" (fetch.spec.whatwg.org, "port blocking"), held by browsers and by
// Node's fetch, which fails with only "bad port". They belong to other
// protocols (SMTP 25, X11 6000, IRC 6667), so a service there can be started
// but never reached by `deploy`, a browser or a webhook delivery.
const REFUSED = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119,
  123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990,
  993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** Why HTTP clients will not connect to the URL's port, or undefined when they will. */
export function refusedPortReason(url: URL): string | undefined {
  const port = Number(url.port);
  if (!REFUSED.has(port)) return undefined;
  return `port ${port} is one that HTTP clients (browsers, Node's fetch) refuse to connect to (it belongs to another protocol); pick another port`;
}
