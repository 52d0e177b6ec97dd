// Deferred work for what the reader may not look at yet: charts are the costliest thing a page draws,
// so each waits until its box is near the viewport and the browser has a quiet moment. The page's text
// and tables then appear in one short task, and each chart draws in its own task afterwards.

type IdleWindow = Window & {
  requestIdleCallback?: (cb: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (id: number) => void;
};

/** Runs `work` once the browser is idle (at most `timeout` ms later). Returns a cancel function. */
export function whenIdle(work: () => void, timeout = 300): () => void {
  const w = window as IdleWindow;
  if (w.requestIdleCallback && w.cancelIdleCallback) {
    const id = w.requestIdleCallback(work, { timeout });
    return () => w.cancelIdleCallback!(id);
  }
  const id = setTimeout(work, 0);
  return () => clearTimeout(id);
}

/**
 * Runs `work` once `element` comes within `margin` of the viewport, then in idle time.
 * Returns a cancel function (call it when the element goes away).
 */
export function whenShown(element: Element, work: () => void, margin = '200px'): () => void {
  let cancelIdle: (() => void) | null = null;
  if (typeof IntersectionObserver === 'undefined') {
    cancelIdle = whenIdle(work);
    return () => cancelIdle?.();
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      cancelIdle = whenIdle(work);
    },
    { rootMargin: margin }
  );
  observer.observe(element);
  return () => {
    observer.disconnect();
    cancelIdle?.();
  };
}

/**
 * Resolves in a later task. Between loading a chart builder (evaluating chart.js) and drawing with it,
 * so the two are separate tasks and neither blocks input as long as both would together.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
