/**
 * The slice of `fetch` the PrestaShop and Dolibarr clients use: the global one, or a simulator's
 * in-process one (the demo shop's, the simulated Dolibarr's), so tests and the demo need no socket.
 */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;
