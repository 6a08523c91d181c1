// `npm start`: builds the playground and serves the built files on 127.0.0.1.
// Everything runs in the browser; the server only hands out static files.
import { build, preview } from "vite";

const configFile = new URL("./vite.config.ts", import.meta.url).pathname;

await build({ configFile });
const server = await preview({ configFile, preview: { host: "127.0.0.1", port: 5173 } });
const address = server.resolvedUrls?.local[0] ?? "http://127.0.0.1:5173/";
console.log(`Stagecraft playground: ${address}`);
