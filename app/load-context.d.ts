import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    /** The client's address as express sees it (sign-in throttling); absent outside the express server. */
    clientAddress?: string;
  }
}
