/**
 * A response body passed through unchanged, telling its observer each chunk's size and,
 * once, that the body has ended: read to its end, failed, or cancelled by a client that left.
 */
export interface BodyObserver {
  chunk?(bytes: number): void;
  done(): void;
}

export function observeBody(body: ReadableStream<Uint8Array>, observer: BodyObserver): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let ended = false;
  const end = () => {
    if (!ended) (ended = true, observer.done());
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          end();
          controller.close();
        } else {
          observer.chunk?.(value.length);
          controller.enqueue(value);
        }
      } catch (e) {
        end();
        controller.error(e);
      }
    },
    cancel(reason) {
      end();
      return reader.cancel(reason);
    },
  });
}

/** The same response with an observed body. */
export function withObservedBody(res: Response, observer: BodyObserver, headers = res.headers): Response {
  const body = res.body ? observeBody(res.body, observer) : (observer.done(), null);
  return new Response(body, { status: res.status, statusText: res.statusText, headers });
}
