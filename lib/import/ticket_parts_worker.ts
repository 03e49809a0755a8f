/** A worker reading parts of a ticket CSV (ticket_parts.ts), one job per message. */
import { convertTicketPart, type PartJob } from "./ticket_parts.ts";

const scope = globalThis as unknown as {
  onmessage: (e: MessageEvent<PartJob>) => void;
  postMessage(message: unknown): void;
};

scope.onmessage = (e) => {
  try {
    scope.postMessage({ result: convertTicketPart(e.data) });
  } catch (error) {
    scope.postMessage({ error: (error as Error).message });
  }
};
