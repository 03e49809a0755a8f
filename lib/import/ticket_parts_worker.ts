/** A worker reading parts of a ticket CSV (ticket_parts.ts), one job per message. */
import { convertTicketPart, packedPart, type PartJob } from "./ticket_parts.ts";

const scope = globalThis as unknown as {
  onmessage: (e: MessageEvent<PartJob>) => void;
  postMessage(message: unknown, transfer?: Transferable[]): void;
};

scope.onmessage = (e) => {
  try {
    const { result, transfer } = packedPart(convertTicketPart(e.data));
    scope.postMessage({ result }, transfer);
  } catch (error) {
    scope.postMessage({ error: (error as Error).message });
  }
};
